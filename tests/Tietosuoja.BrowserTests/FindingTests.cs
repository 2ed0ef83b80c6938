using Microsoft.Playwright;
using Tietosuoja.BrowserTests.PageObjects;

namespace Tietosuoja.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class FindingTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reader_searches_from_the_header_opens_the_first_result_and_lands_on_its_section()
    {
        var page = await browser.NewPageAsync();
        var front = await FrontPage.OpenAsync(page);

        var results = await front.SearchFromHeaderAsync("voiko kunta käyttää suostumusta käsittelyperusteena?");
        Assert.EndsWith("/haku?q=voiko+kunta+k%C3%A4ytt%C3%A4%C3%A4+suostumusta+k%C3%A4sittelyperusteena%3F", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("Haku", await results.HeadingAsync(), StringComparison.Ordinal);
        Assert.Contains("osumaa haulle", await results.SummaryAsync(), StringComparison.Ordinal);
        Assert.Empty(await results.AccessibilityViolationsAsync());

        var chapter = await results.OpenResultAsync(0);
        Assert.EndsWith("/luku/kasittelyn-oikeusperusteet#suostumus", page.Url, StringComparison.Ordinal);
        Assert.Equal("Käsittelyn oikeusperusteet", await chapter.HeadingAsync());
        Assert.True(await page.Locator("#suostumus").IsVisibleAsync());
        Assert.True(await ReadingTests.IsInViewportAsync(page, "#suostumus"));
    }

    [Fact]
    public async Task A_query_without_words_gets_a_message_at_the_field_without_accessibility_problems()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sv/sok?q=%22%22+%3F");
        var search = new SearchPage(page);

        Assert.Contains("Sökningen innehöll inga sökbara ord", await search.ProblemAsync(), StringComparison.Ordinal);
        Assert.Equal("\"\" ?", await page.Locator("#search-query").InputValueAsync());
        Assert.Empty(await search.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task A_reader_opens_what_changed_from_a_version_page_and_jumps_to_a_changed_section()
    {
        var page = await browser.NewPageAsync();

        var comparison = await ComparisonPage.FromVersionPageAsync(page, "/luku/kasittelyn-oikeusperusteet/versio/1.2");
        Assert.EndsWith("/luku/kasittelyn-oikeusperusteet/vertailu/1.1/1.2", page.Url, StringComparison.Ordinal);
        Assert.Equal("Mitä muuttui: Käsittelyn oikeusperusteet, versiot 1.1 ja 1.2", await comparison.HeadingAsync());
        Assert.True(await comparison.Insertions.CountAsync() > 0);
        // Additions are told by their decoration, not by colour alone.
        Assert.Contains("underline", await comparison.Insertions.First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"), StringComparison.Ordinal);
        Assert.Empty(await comparison.AccessibilityViolationsAsync());

        await comparison.FollowChangedSectionAsync("Vireillä olevat lakimuutokset");
        Assert.EndsWith("#vireilla-olevat-lakimuutokset", page.Url, StringComparison.Ordinal);
        Assert.True(await ReadingTests.IsInViewportAsync(page, "#vireilla-olevat-lakimuutokset"));
    }

    [Fact]
    public async Task Two_versions_chosen_on_the_history_page_are_compared()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/luku/kasittelyn-oikeusperusteet/historia");

        await page.GetByLabel("Vanhempi versio").SelectOptionAsync("1.0");
        await page.GetByLabel("Uudempi versio").SelectOptionAsync("1.2");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Näytä muutokset" }).ClickAsync();
        await page.WaitForLoadStateAsync();

        Assert.EndsWith("/luku/kasittelyn-oikeusperusteet/vertailu/1.0/1.2", page.Url, StringComparison.Ordinal);
        Assert.Empty(await new PortalPage(page).AccessibilityViolationsAsync());
    }

    [Theory]
    [InlineData("/koko-ohje")]
    [InlineData("/sv/hela-anvisningen")]
    [InlineData("/luku/kasittelyn-oikeusperusteet/historia")]
    [InlineData("/sv/kapitel/personuppgiftsansvarig")]
    public async Task Page_has_no_wcag_21_aa_violations(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);

        Assert.Empty(await new PortalPage(page).AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task Printed_chapters_drop_navigation_and_show_where_links_lead()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/luku/kasittelyn-oikeusperusteet");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator(".header-search").IsVisibleAsync());
        Assert.False(await page.Locator(".site-footer").IsVisibleAsync());
        Assert.False(await page.Locator(".section-link").First.IsVisibleAsync());
        Assert.True(await page.Locator(".version-meta").IsVisibleAsync());
        Assert.Contains("http://127.0.0.1", await page.Locator(".print-only").InnerTextAsync(), StringComparison.Ordinal);
        var legalLink = page.Locator(".chapter-body a.legal-link").First;
        var printedUrl = await legalLink.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");
        Assert.Contains("https://eur-lex.europa.eu/", printedUrl, StringComparison.Ordinal);
    }
}
