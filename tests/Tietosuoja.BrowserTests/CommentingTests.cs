using Microsoft.Playwright;
using Tietosuoja.BrowserTests.PageObjects;

namespace Tietosuoja.BrowserTests;

/// <summary>A stakeholder comments on one section of a draft chapter, without an account, by keyboard and pointer.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CommentingTests(BrowserFixture browser)
{
    private const string DraftVersion = "/luku/kasittelyn-oikeusperusteet/versio/1.2";

    [Fact]
    public async Task A_stakeholder_comments_on_a_section_gets_a_private_link_and_edits_the_comment_through_it()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(DraftVersion);
        Assert.Contains("Kommentoitavana kierroksella", await page.Locator(".notice--round").InnerTextAsync(), StringComparison.Ordinal);

        // The heading text is part of the link's name (visually hidden), so each link is unique to a screen reader too.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Kommentoi tätä kohtaa\s*: Suostumus$") }).ClickAsync();
        var form = new CommentFormPage(page);
        Assert.Equal("suostumus", await form.Section.InputValueAsync());
        await form.FillAsync("Suostumuksen peruuttamisesta voisi olla esimerkki.", "Kunta", "Esimerkkilän kaupunki");
        var confirmation = await form.SendAsync();

        Assert.Contains("Kiitos kommentistasi!", await confirmation.Confirmation.InnerTextAsync(), StringComparison.Ordinal);
        var privateLink = await confirmation.PrivateLinkAsync();
        Assert.Matches(@"/kommentti/[A-Za-z0-9_-]{43}$", privateLink);

        // Later, in a new browser session, only the link leads back to the comment.
        var later = await browser.NewPageAsync();
        await later.GotoAsync(privateLink);
        var own = new CommentPrivatePage(later);
        Assert.Equal("Suostumuksen peruuttamisesta voisi olla esimerkki.", await own.CommentText.InnerTextAsync());
        await own.EditAsync("Suostumuksen peruuttamisesta ja dokumentoinnista voisi olla esimerkki.");

        Assert.Contains("Muutokset on tallennettu.", await own.Confirmation.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Suostumuksen peruuttamisesta ja dokumentoinnista voisi olla esimerkki.", await own.CommentText.InnerTextAsync());
    }

    [Fact]
    public async Task The_form_works_by_keyboard_and_an_empty_comment_comes_back_with_a_focused_error_summary()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(DraftVersion + "/kommentoi");
        var form = new CommentFormPage(page);
        await page.GetByLabel("Organisaation nimi (vapaaehtoinen)").FillAsync("Näppäimistökunta");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä kommentti" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync();

        Assert.True(await form.ErrorSummary.EvaluateAsync<bool>("element => element === document.activeElement"));
        Assert.Equal("Näppäimistökunta", await page.GetByLabel("Organisaation nimi (vapaaehtoinen)").InputValueAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Kirjoita kommentti." }).ClickAsync();
        Assert.True(await form.Text.EvaluateAsync<bool>("element => element === document.activeElement"));
    }

    [Theory]
    [InlineData("form")]
    [InlineData("errors")]
    [InlineData("confirmation")]
    [InlineData("rounds")]
    [InlineData("rounds-sv")]
    [InlineData("round")]
    public async Task Commenting_pages_have_no_wcag_21_aa_violations(string state)
    {
        var page = await browser.NewPageAsync();
        var form = new CommentFormPage(page);
        switch (state)
        {
            case "form":
                await page.GotoAsync(DraftVersion + "/kommentoi/suostumus");
                break;
            case "errors":
                await page.GotoAsync(DraftVersion + "/kommentoi");
                await page.GetByLabel("Sähköpostiosoite (vapaaehtoinen)").FillAsync("ei-osoite");
                await form.SendAsync();
                Assert.True(await form.ErrorSummary.IsVisibleAsync());
                break;
            case "confirmation":
                await page.GotoAsync(DraftVersion + "/kommentoi");
                await form.FillAsync("Saavutettavuustarkistuksen kommentti.", "Yksityishenkilö");
                await form.SendAsync();
                Assert.True(await new CommentPrivatePage(page).Confirmation.IsVisibleAsync());
                break;
            case "rounds":
                await page.GotoAsync("/kommentointikierrokset");
                break;
            case "rounds-sv":
                await page.GotoAsync("/sv/kommentarsrundor");
                break;
            default:
                await page.GotoAsync("/kommentointikierrokset");
                await page.Locator(".round-card h3 a").First.ClickAsync();
                break;
        }

        Assert.Empty(await form.AccessibilityViolationsAsync());
    }
}
