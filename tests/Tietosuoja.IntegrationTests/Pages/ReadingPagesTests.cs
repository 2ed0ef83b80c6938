using System.Net;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Pages;

/// <summary>Every reading page in both languages, against the test fixture content (tests/fixtures/content).</summary>
public sealed class ReadingPagesTests(FixturePortal portal) : IClassFixture<FixturePortal>
{
    private readonly HttpClient _client = portal.CreateClient();

    [Fact]
    public async Task Front_page_lists_the_chapters_in_order_with_version_date_and_status()
    {
        var page = await _client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("fi", page.Language);
        Assert.Equal("Tietosuojan perusohjeet kunnille", page.H1);
        var cards = page.Document.QuerySelectorAll(".chapter-card").Select(c => c.TextContent).ToList();
        Assert.Equal(4, cards.Count);
        Assert.Contains("Luku 1", cards[0], StringComparison.Ordinal);
        Assert.Contains("Rekisterinpitäjän ja yhteisrekisterinpitäjän määritteleminen", cards[0], StringComparison.Ordinal);
        Assert.Contains("Versio 1.1", cards[0], StringComparison.Ordinal);
        Assert.Contains("14.9.2026", cards[0], StringComparison.Ordinal);
        Assert.Contains("Julkaistu", cards[0], StringComparison.Ordinal);
        Assert.Contains("Käsittelyn oikeusperusteet", cards[1], StringComparison.Ordinal);
        Assert.Contains("Luonnos", cards[3], StringComparison.Ordinal);
        Assert.Equal("/luku/rekisterinpitaja", page.Href(".chapter-card a"));
    }

    [Fact]
    public async Task Swedish_front_page_is_in_swedish_and_marks_chapters_not_yet_translated()
    {
        var page = await _client.GetPageAsync("/sv");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("sv", page.Language);
        Assert.Equal("Grundläggande dataskyddsanvisningar för kommuner", page.H1);
        var cards = page.Document.QuerySelectorAll(".chapter-card").ToList();
        Assert.Equal("/sv/kapitel/personuppgiftsansvarig", cards[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Publicerad", cards[0].TextContent, StringComparison.Ordinal);
        var untranslated = cards[3];
        Assert.Contains("endast på finska", untranslated.TextContent, StringComparison.Ordinal);
        Assert.Equal("/luku/henkilotietojen-jatkokaytto", untranslated.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("fi", untranslated.QuerySelector("[lang]")!.GetAttribute("lang"));
        Assert.Equal("/", page.LanguageSwitchHref);
    }

    [Fact]
    public async Task Chapter_url_shows_the_latest_published_version_and_points_to_the_consultation_draft()
    {
        var page = await _client.GetPageAsync("/luku/kasittelyn-oikeusperusteet");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Käsittelyn oikeusperusteet", page.H1);
        Assert.Contains("1.1", page.Document.QuerySelector(".version-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Luvusta on uusi versio 1.2 (Kommentoitavana)", page.Text, StringComparison.Ordinal);
        Assert.Equal("/luku/kasittelyn-oikeusperusteet/versio/1.2", page.Href(".notice--upcoming a"));
        Assert.DoesNotContain("Vireillä olevat lakimuutokset", page.Text, StringComparison.Ordinal);
        Assert.Equal("/sv/kapitel/rattslig-grund", page.LanguageSwitchHref);
    }

    [Fact]
    public async Task Table_of_contents_links_to_sections_that_exist_on_the_page()
    {
        var page = await _client.GetPageAsync("/luku/rekisterinpitaja");

        var targets = page.Document.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("#yhteisrekisterinpitajyys", targets);
        Assert.Contains("#esimerkki-varhaiskasvatus-ja-perusopetus", targets);
        Assert.All(targets, href => Assert.NotNull(page.Document.GetElementById(href[1..])));
        var sectionLinks = page.Document.QuerySelectorAll(".chapter-body .section-link").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(targets, sectionLinks);
    }

    [Fact]
    public async Task Older_version_says_it_is_old_and_links_to_the_latest()
    {
        var page = await _client.GetPageAsync("/luku/rekisterinpitaja/versio/1.0");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tämä on vanha versio 1.0", page.Text, StringComparison.Ordinal);
        Assert.Equal("/luku/rekisterinpitaja", page.Href(".notice--outdated a"));
        Assert.Contains("versio 1.0", page.Document.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Virkavastuu", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("link[rel=canonical]"));
    }

    [Fact]
    public async Task Latest_version_at_its_own_url_points_to_the_chapter_url_as_canonical()
    {
        var page = await _client.GetPageAsync("/luku/rekisterinpitaja/versio/1.1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector(".notice--outdated"));
        Assert.Equal("http://localhost/luku/rekisterinpitaja", page.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("/sv/kapitel/personuppgiftsansvarig/version/1.1", page.LanguageSwitchHref);
    }

    [Fact]
    public async Task Consultation_version_is_marked_as_not_final_and_names_the_version_in_force()
    {
        var page = await _client.GetPageAsync("/luku/kasittelyn-oikeusperusteet/versio/1.2");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var notice = page.Document.QuerySelector(".notice--draft")!.TextContent;
        Assert.Contains("Ei lopullinen", notice, StringComparison.Ordinal);
        Assert.Contains("kommentoitavana", notice, StringComparison.Ordinal);
        Assert.Contains("Voimassa oleva ohje on versio 1.1", notice, StringComparison.Ordinal);
        Assert.Contains("Vireillä olevat lakimuutokset", page.Text, StringComparison.Ordinal);
        Assert.Equal("/sv/kapitel/rattslig-grund", page.LanguageSwitchHref);
    }

    [Fact]
    public async Task Draft_chapter_is_shown_with_a_draft_warning()
    {
        var page = await _client.GetPageAsync("/luku/henkilotietojen-jatkokaytto");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tämä on luonnos eikä lopullinen ohje", page.Text, StringComparison.Ordinal);
        Assert.Equal("/sv", page.LanguageSwitchHref);
    }

    [Fact]
    public async Task History_lists_every_version_newest_first_with_its_changes()
    {
        var page = await _client.GetPageAsync("/luku/kasittelyn-oikeusperusteet/historia");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Versiohistoria: Käsittelyn oikeusperusteet", page.H1);
        var rows = page.Document.QuerySelectorAll("table.history tbody tr").ToList();
        Assert.Equal(["1.2", "1.1", "1.0"], rows.Select(r => r.QuerySelector("th a")!.TextContent));
        Assert.Equal("/luku/kasittelyn-oikeusperusteet/versio/1.0", rows[2].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Ensimmäinen julkaistu versio.", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Kommentoitavana", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("näytetään luvun osoitteessa", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("/sv/kapitel/rattslig-grund/historik", page.LanguageSwitchHref);
    }

    [Fact]
    public async Task Swedish_chapter_is_in_swedish_and_switches_back_to_the_same_finnish_chapter()
    {
        var page = await _client.GetPageAsync("/sv/kapitel/personuppgiftsansvarig");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("sv", page.Language);
        Assert.Equal("Att fastställa personuppgiftsansvarig och gemensamt personuppgiftsansvariga", page.H1);
        Assert.Contains("Innehåll", page.Document.QuerySelector(".toc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Länk till detta avsnitt", page.Text, StringComparison.Ordinal);
        Assert.Equal("/luku/rekisterinpitaja", page.LanguageSwitchHref);
        Assert.Equal("fi", page.Document.QuerySelector(".language-switch a")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Swedish_history_and_version_pages_are_in_swedish()
    {
        var history = await _client.GetPageAsync("/sv/kapitel/den-registrerades-rattigheter/historik");
        var version = await _client.GetPageAsync("/sv/kapitel/den-registrerades-rattigheter/version/1.1");

        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Equal("sv", history.Language);
        Assert.StartsWith("Versionshistorik", history.H1, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, version.Status);
        Assert.Equal("sv", version.Language);
        Assert.Equal("/luku/rekisteroidyn-oikeudet/versio/1.1", version.LanguageSwitchHref);
    }

    [Theory]
    [InlineData("/tietoa", "fi", "Tietoa ohjeista", "/sv/om-anvisningarna")]
    [InlineData("/tietosuojaseloste", "fi", "Tietosuojaseloste", "/sv/dataskyddsbeskrivning")]
    [InlineData("/saavutettavuusseloste", "fi", "Saavutettavuusseloste", "/sv/tillganglighetsutlatande")]
    [InlineData("/sv/dataskyddsbeskrivning", "sv", "Dataskyddsbeskrivning", "/tietosuojaseloste")]
    [InlineData("/sv/tillganglighetsutlatande", "sv", "Tillgänglighetsutlåtande", "/saavutettavuusseloste")]
    public async Task Site_pages_come_from_content_in_both_languages(string url, string language, string title, string otherLanguageUrl)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(language, page.Language);
        Assert.Equal(title, page.H1);
        Assert.Equal(otherLanguageUrl, page.LanguageSwitchHref);
    }

    [Theory]
    [InlineData("/sanasto", "fi", "Sanasto", "rekisterinpitäjä", "personuppgiftsansvarig", "/sv/ordlista")]
    [InlineData("/sv/ordlista", "sv", "Ordlista", "personuppgiftsansvarig", "rekisterinpitäjä", "/sanasto")]
    public async Task Glossary_lists_each_term_with_its_definition_and_its_wording_in_the_other_language(
        string url, string language, string title, string term, string translation, string otherLanguageUrl)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(language, page.Language);
        Assert.Equal(title, page.H1);
        var entry = page.Document.GetElementById("rekisterinpitaja")!.ParentElement!;
        Assert.Equal(term, entry.QuerySelector("dt")!.TextContent);
        Assert.Equal(translation, entry.QuerySelector(".glossary__translation [lang]")!.TextContent);
        Assert.Equal(otherLanguageUrl, page.LanguageSwitchHref);
        Assert.Equal(url, page.Href(".footer-links a"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/luku/rekisterinpitaja")]
    [InlineData("/sv/kapitel/rattslig-grund/historik")]
    [InlineData("/tietoa")]
    public async Task Every_page_has_one_h1_a_skip_link_and_the_footer_links(string url)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Single(page.Document.QuerySelectorAll("h1"));
        Assert.Equal("#main", page.Href(".skip-link"));
        Assert.NotNull(page.Document.GetElementById("main"));
        // Glossary, commenting rounds, events, whole guidance, feed, subscribing, about, privacy notice, accessibility statement.
        var footer = page.Document.QuerySelectorAll(".footer-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(9, footer.Count);
        var swedish = url.StartsWith("/sv", StringComparison.Ordinal);
        Assert.Contains(swedish ? "/sv/kommentarsrundor" : "/kommentointikierrokset", footer);
        Assert.Contains(swedish ? "/sv/evenemang" : "/tilaisuudet", footer);
        Assert.Contains(swedish ? "/sv/hela-anvisningen" : "/koko-ohje", footer);
        Assert.Contains(swedish ? "/sv/flode" : "/syote", footer);
        Assert.Contains(swedish ? "/sv/prenumerera" : "/tilaa", footer);
    }

    [Theory]
    [InlineData("/luku/olematon", "fi", "Sivua ei löytynyt")]
    [InlineData("/luku/rekisterinpitaja/versio/9.9", "fi", "Sivua ei löytynyt")]
    [InlineData("/luku/rekisterinpitaja/versio/uusin", "fi", "Sivua ei löytynyt")]
    [InlineData("/luku/henkilotietojen-jatkokaytto/historia/x", "fi", "Sivua ei löytynyt")]
    [InlineData("/ei-tallaista-sivua", "fi", "Sivua ei löytynyt")]
    [InlineData("/sv/kapitel/finns-inte", "sv", "Sidan hittades inte")]
    [InlineData("/sv/kapitel/personuppgiftsansvarig/version/1.0", "sv", "Sidan hittades inte")]
    [InlineData("/sv/kapitel/henkilotietojen-jatkokaytto", "sv", "Sidan hittades inte")]
    public async Task Unknown_chapters_versions_and_pages_get_a_friendly_404_in_the_right_language(string url, string language, string title)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(language, page.Language);
        Assert.Equal(title, page.H1);
        Assert.Equal(language == "sv" ? "/sv" : "/", page.Href("main a"));
    }

    [Fact]
    public async Task Pages_load_nothing_from_other_sites()
    {
        foreach (var url in new[] { "/", "/luku/rekisterinpitaja", "/sv/kapitel/rattslig-grund" })
        {
            var page = await _client.GetPageAsync(url);
            var resources = page.Document.QuerySelectorAll("link[rel=stylesheet], script[src], img[src], iframe, link[rel=preload]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? string.Empty)
                .ToList();

            Assert.NotEmpty(resources);
            Assert.All(resources, r => Assert.Matches("^/[^/]", r));
        }
    }

    [Fact]
    public async Task Stylesheet_is_served_with_a_versioned_url_and_a_long_cache_lifetime()
    {
        var page = await _client.GetPageAsync("/");
        var href = page.Href("link[rel=stylesheet]")!;

        var response = await _client.GetAsync(new Uri(href, UriKind.Relative));

        // The content's fingerprint in the file name (MapStaticAssets): a new stylesheet is a new URL.
        Assert.Matches(@"^/css/site\.[a-z0-9]{6,}\.css$", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }
}
