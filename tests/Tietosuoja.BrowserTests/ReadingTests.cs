using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tietosuoja.BrowserTests.PageObjects;

namespace Tietosuoja.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed partial class ReadingTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reader_goes_from_the_front_page_through_a_chapter_its_history_and_an_old_version_to_swedish()
    {
        var page = await browser.NewPageAsync();

        var front = await FrontPage.OpenAsync(page);
        Assert.Equal("Tietosuojan perusohjeet kunnille", await front.HeadingAsync());
        Assert.Empty(await front.AccessibilityViolationsAsync());

        var chapter = await front.OpenChapterAsync("Rekisterinpitäjän ja yhteisrekisterinpitäjän määritteleminen");
        Assert.Equal("Rekisterinpitäjän ja yhteisrekisterinpitäjän määritteleminen", await chapter.HeadingAsync());
        Assert.Equal("1.1", await chapter.VersionAsync());
        Assert.Empty(await chapter.AccessibilityViolationsAsync());

        await chapter.FollowTableOfContentsAsync("Yhteisrekisterinpitäjyys");
        Assert.EndsWith("/luku/rekisterinpitaja#yhteisrekisterinpitajyys", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#yhteisrekisterinpitajyys").IsVisibleAsync());
        Assert.True(await IsInViewportAsync(page, "#yhteisrekisterinpitajyys"));

        var history = await chapter.OpenHistoryAsync();
        Assert.StartsWith("Versiohistoria", await history.HeadingAsync(), StringComparison.Ordinal);
        Assert.Empty(await history.AccessibilityViolationsAsync());

        var old = await history.OpenVersionAsync("1.0");
        Assert.EndsWith("/luku/rekisterinpitaja/versio/1.0", page.Url, StringComparison.Ordinal);
        Assert.Equal("1.0", await old.VersionAsync());
        Assert.Contains("Tämä on vanha versio 1.0", await old.OutdatedNotice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await old.AccessibilityViolationsAsync());

        await old.SwitchLanguageAsync();
        Assert.EndsWith("/sv/kapitel/personuppgiftsansvarig", page.Url, StringComparison.Ordinal);
        Assert.Equal("sv", await old.LanguageAsync());
        Assert.Equal("Att fastställa personuppgiftsansvarig och gemensamt personuppgiftsansvariga", await old.HeadingAsync());
        Assert.Empty(await old.AccessibilityViolationsAsync());

        await old.SwitchLanguageAsync();
        Assert.EndsWith("/luku/rekisterinpitaja", page.Url, StringComparison.Ordinal);
        Assert.Equal("fi", await old.LanguageAsync());
    }

    [Theory]
    [InlineData("/sv")]
    [InlineData("/luku/kasittelyn-oikeusperusteet")]
    [InlineData("/luku/kasittelyn-oikeusperusteet/versio/1.2")]
    [InlineData("/luku/henkilotietojen-jatkokaytto")]
    [InlineData("/sv/kapitel/den-registrerades-rattigheter/historik")]
    [InlineData("/tietosuojaseloste")]
    [InlineData("/sanasto")]
    [InlineData("/sv/ordlista")]
    [InlineData("/sv/tillganglighetsutlatande")]
    [InlineData("/luku/olematon")]
    [InlineData("/sv/kapitel/finns-inte")]
    public async Task Page_has_no_wcag_21_aa_violations(string path)
    {
        var page = await browser.NewPageAsync();

        var portalPage = await ChapterPage.OpenAsync(page, path);

        Assert.Empty(await portalPage.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task The_first_tab_shows_the_skip_link_which_moves_focus_to_the_main_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/luku/rekisterinpitaja");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(".skip-link");
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.True(await IsInViewportAsync(page, ".skip-link"));
        Assert.Equal("Siirry pääsisältöön", await skip.InnerTextAsync());

        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task A_section_link_is_reachable_by_keyboard_and_names_its_section()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/luku/rekisterinpitaja");

        var link = page.Locator(".chapter-body .section-link[href='#virkavastuu-ja-seuraamukset']");
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The fragment navigation finishes after the key press returns; reading the URL at once raced it.
        await page.WaitForFunctionAsync("() => location.hash === '#virkavastuu-ja-seuraamukset'");

        Assert.EndsWith("#virkavastuu-ja-seuraamukset", page.Url, StringComparison.Ordinal);
        Assert.Equal("Linkki tähän kohtaan: Virkavastuu ja seuraamukset", (await link.EvaluateAsync<string>("e => e.textContent")).Trim());
    }

    [Fact]
    public async Task On_a_phone_the_chapter_fits_the_screen_without_sideways_scrolling()
    {
        var page = await browser.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/luku/rekisteroidyn-oikeudet");

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"page is {overflow}px wider than the screen");
    }

    internal static Task<bool> IsInViewportAsync(IPage page, string selector) =>
        page.Locator(selector).EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight; }");
}
