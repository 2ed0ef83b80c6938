using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tietosuoja.BrowserTests.PageObjects;

/// <summary>What every portal page offers: its heading, the language switch and an accessibility check.</summary>
public class PortalPage(IPage page)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public IPage Page { get; } = page;

    public Task<string> HeadingAsync() => Page.Locator("h1").InnerTextAsync();

    public Task<string?> LanguageAsync() => Page.Locator("html").GetAttributeAsync("lang");

    /// <summary>Searches with the form in the page header, as a reader would: type, then Enter.</summary>
    public async Task<SearchPage> SearchFromHeaderAsync(string query)
    {
        await Page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Searchbox).FillAsync(query);
        await Page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        await Page.WaitForLoadStateAsync();
        return new SearchPage(Page);
    }

    public async Task<PortalPage> SwitchLanguageAsync()
    {
        await Page.Locator(".language-switch a").ClickAsync();
        await Page.WaitForLoadStateAsync();
        return this;
    }

    /// <summary>Runs axe-core with the WCAG 2.1 A and AA rules; returns the violations, described for a test message.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe(Wcag21AA);
        return result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
    }
}

public sealed class FrontPage(IPage page) : PortalPage(page)
{
    public static async Task<FrontPage> OpenAsync(IPage page, string path = "/")
    {
        await page.GotoAsync(path);
        return new FrontPage(page);
    }

    public async Task<ChapterPage> OpenChapterAsync(string title)
    {
        await Page.Locator(".chapter-card a", new PageLocatorOptions { HasText = title }).ClickAsync();
        return new ChapterPage(Page);
    }
}

public sealed class ChapterPage(IPage page) : PortalPage(page)
{
    public static async Task<ChapterPage> OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        return new ChapterPage(page);
    }

    public Task<string> VersionAsync() => Page.Locator(".version-meta dd").First.InnerTextAsync();

    public ILocator OutdatedNotice => Page.Locator(".notice--outdated");

    public async Task FollowTableOfContentsAsync(string section) =>
        await Page.Locator(".toc").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = section, Exact = true }).ClickAsync();

    public async Task<HistoryPage> OpenHistoryAsync()
    {
        await Page.Locator(".chapter-footer a[href$='/historia'], .chapter-footer a[href$='/historik']").ClickAsync();
        return new HistoryPage(Page);
    }
}

public sealed class HistoryPage(IPage page) : PortalPage(page)
{
    public async Task<ChapterPage> OpenVersionAsync(string version)
    {
        await Page.Locator("table.history th a", new PageLocatorOptions { HasTextString = version }).ClickAsync();
        return new ChapterPage(Page);
    }
}
