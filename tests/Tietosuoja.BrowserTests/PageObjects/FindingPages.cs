using Microsoft.Playwright;

namespace Tietosuoja.BrowserTests.PageObjects;

public sealed class SearchPage(IPage page) : PortalPage(page)
{
    public ILocator Results => Page.Locator(".search-result");

    public Task<string> SummaryAsync() => Page.Locator(".search-summary").InnerTextAsync();

    public Task<string> ProblemAsync() => Page.Locator("#search-problem").InnerTextAsync();

    public async Task<ChapterPage> OpenResultAsync(int index)
    {
        await Results.Nth(index).GetByRole(AriaRole.Link).ClickAsync();
        await Page.WaitForLoadStateAsync();
        return new ChapterPage(Page);
    }
}

public sealed class ComparisonPage(IPage page) : PortalPage(page)
{
    public static async Task<ComparisonPage> FromVersionPageAsync(IPage page, string versionPath)
    {
        await page.GotoAsync(versionPath);
        await page.Locator(".version-changes a").ClickAsync();
        await page.WaitForLoadStateAsync();
        return new ComparisonPage(page);
    }

    public ILocator ChangedSections => Page.Locator(".changed-sections a");

    public ILocator Insertions => Page.Locator(".comparison ins");

    public async Task FollowChangedSectionAsync(string heading) =>
        await ChangedSections.Filter(new LocatorFilterOptions { HasTextString = heading }).ClickAsync();
}
