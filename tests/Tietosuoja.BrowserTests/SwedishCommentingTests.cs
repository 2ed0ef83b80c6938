using Microsoft.Playwright;
using Tietosuoja.BrowserTests.PageObjects;

namespace Tietosuoja.BrowserTests;

/// <summary>
/// The Swedish commenting pages on a draft that exists only in Finnish, and the confirmation: what
/// a screen reader is told first, the copy button, and WCAG 2.1 A/AA by axe-core.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SwedishCommentingTests(BrowserFixture browser)
{
    private const string SwedishForm = "/sv/kapitel/rattslig-grund/version/1.2/kommentera";

    private static async Task FillInSwedishAsync(IPage page, string text)
    {
        await page.GetByLabel("Kommentar (obligatoriskt)").FillAsync(text);
        await page.GetByLabel("Typ av organisation (obligatoriskt)").SelectOptionAsync(new SelectOptionValue { Label = "Privatperson" });
    }

    private static async Task SendInSwedishAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka kommentaren" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task The_confirmation_focuses_its_heading_and_copies_the_private_link()
    {
        var page = await browser.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync(SwedishForm);
        await FillInSwedishAsync(page, "En kommentar om samtycke.");
        await SendInSwedishAsync(page);

        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Tack för din kommentar!", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        var link = await page.Locator(".private-link__url a").InnerTextAsync();
        Assert.Matches(@"/sv/kommentar/[A-Za-z0-9_-]{43}$", link);

        await page.GetByRole(AriaRole.Button, new() { Name = "Kopiera länken" }).ClickAsync();
        Assert.Equal("Länken har kopierats till urklipp.", await page.Locator("[data-copy-status]").InnerTextAsync());
        Assert.Equal(link, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        Assert.Empty(await new PortalPage(page).AccessibilityViolationsAsync());
    }

    [Theory]
    [InlineData("form")]
    [InlineData("form-small-screen")]
    [InlineData("errors")]
    [InlineData("private-link-forms-open")]
    [InlineData("round")]
    [InlineData("chapter")]
    public async Task Swedish_commenting_pages_have_no_wcag_21_aa_violations(string state)
    {
        var page = await browser.NewPageAsync(width: state == "form-small-screen" ? 375 : 1280);
        switch (state)
        {
            case "form" or "form-small-screen":
                await page.GotoAsync(SwedishForm + "/suostumus");
                Assert.Equal(state == "form", await page.Locator("details.commented-text").EvaluateAsync<bool>("d => d.open"));
                break;
            case "errors":
                await page.GotoAsync(SwedishForm);
                await page.GetByLabel("E-postadress (frivilligt)").FillAsync("ingen-adress");
                await SendInSwedishAsync(page);
                Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
                break;
            case "private-link-forms-open":
                await page.GotoAsync(SwedishForm);
                await FillInSwedishAsync(page, "En kommentar att redigera.");
                await SendInSwedishAsync(page);
                foreach (var summary in await page.Locator("details.manage-action summary").AllAsync())
                {
                    await summary.ClickAsync();
                }

                Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringarna" }).IsVisibleAsync());
                break;
            case "round":
                await page.GotoAsync($"/sv/kommentarsrundor/{browser.RoundId}");
                break;
            default:
                await page.GotoAsync("/sv/kapitel/rattslig-grund");
                Assert.True(await page.Locator(".notice--open-version").IsVisibleAsync());
                break;
        }

        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(await new PortalPage(page).AccessibilityViolationsAsync());
    }
}
