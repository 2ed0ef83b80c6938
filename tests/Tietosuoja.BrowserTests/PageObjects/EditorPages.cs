using Microsoft.Playwright;

namespace Tietosuoja.BrowserTests.PageObjects;

/// <summary>The editor area as an editor uses it: sign in, write and publish a version, handle comments.</summary>
public sealed class EditorPages(IPage page) : PortalPage(page)
{
    public async Task SignInAsync(string name, string role = "Toimittaja (Editor)")
    {
        await Page.GotoAsync("/toimitus");
        await Page.GetByLabel("Nimi").FillAsync(name);
        await Page.GetByLabel(role).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/toimitus");
    }

    public ILocator Markdown => Page.GetByLabel("Luvun teksti (Markdown)");

    public ILocator Notice => Page.Locator(".notice--success");

    public ILocator Preview => Page.Locator(".preview");

    public async Task ClickAsync(string button)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    public async Task FollowAsync(string link)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = link }).First.ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    /// <summary>
    /// A screenshot for docs/editor-guide.md. Written to docs/images/editor-guide when
    /// UPDATE_EDITOR_GUIDE=1, otherwise next to the test binaries, so a normal run leaves the repo untouched.
    /// </summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("UPDATE_EDITOR_GUIDE") == "1"
            ? Path.Combine(TestSupport.RepoPaths.Root, "docs", "images", "editor-guide")
            : Path.Combine(AppContext.BaseDirectory, "editor-guide");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }
}
