using System.Net;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.Web.Guidance.Search;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Pages;

/// <summary>Search, the comparison of versions, the feeds and the whole guidance, over the test fixture content.</summary>
public sealed class FindingAndComparingTests(FixturePortal portal) : IClassFixture<FixturePortal>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _client = portal.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Every_page_has_a_search_form_in_the_header_that_leads_to_results()
    {
        var front = await _client.GetPageAsync("/sv");
        var form = front.Document.QuerySelector("header form[role=search]")!;
        Assert.Equal("/sv/sok", form.GetAttribute("action"));
        Assert.Equal("q", form.QuerySelector("input[type=search]")!.GetAttribute("name"));
        Assert.NotNull(front.Document.QuerySelector($"label[for={form.QuerySelector("input")!.Id}]"));
    }

    [Fact]
    public async Task A_question_whose_answer_is_in_a_heading_ranks_that_section_first_and_links_to_it()
    {
        var page = await _client.GetPageAsync("/haku?q=" + Uri.EscapeDataString("voiko kunta käyttää suostumusta käsittelyperusteena?"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Haku: voiko kunta", page.Document.Title, StringComparison.Ordinal);
        var first = page.Document.QuerySelector(".search-result")!;
        Assert.Equal("/luku/kasittelyn-oikeusperusteet#suostumus", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Suostumus", first.QuerySelector("a mark")!.TextContent);
        Assert.Contains("Luku 2: Käsittelyn oikeusperusteet", first.QuerySelector(".search-result__where")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(first.QuerySelectorAll(".search-result__snippet mark"));
        Assert.Matches(@"^\d+ osumaa haulle", page.Document.QuerySelector(".search-summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task Swedish_search_finds_inflected_forms_in_swedish_text()
    {
        var page = await _client.GetPageAsync("/sv/sok?q=" + Uri.EscapeDataString("personuppgiftsansvariga"));

        Assert.Equal("sv", page.Language);
        var links = page.Document.QuerySelectorAll(".search-result a").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith("/sv/kapitel/", href, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/haku?q=", "rekisterinpitjä", "Tarkoititko: rekisterinpitäjä?", "rekisterinpitäjä")]
    [InlineData("/haku?q=", "vastustamisoikeus suostumsu", "Tarkoititko: vastustamisoikeus suostumus?", "vastustamisoikeus suostumus")]
    [InlineData("/sv/sok?q=", "samtyke", "Menade du: samtycke?", "samtycke")]
    public async Task A_misspelt_word_gets_a_suggestion_that_links_to_the_corrected_search(string search, string query, string shown, string corrected)
    {
        var page = await _client.GetPageAsync(search + Uri.EscapeDataString(query));

        var suggestion = page.Document.QuerySelector(".search-suggestion")!;
        Assert.Equal(shown, Regex.Replace(suggestion.TextContent, @"\s+", " ").Trim());
        var link = suggestion.QuerySelector("a")!;
        Assert.Equal(corrected, link.TextContent);
        Assert.Equal(search + Uri.EscapeDataString(corrected), link.GetAttribute("href"));

        var followed = await _client.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal(corrected, followed.Document.GetElementById("search-query")!.GetAttribute("value"));
        Assert.NotEmpty(followed.Document.QuerySelectorAll(".search-result"));
        Assert.Null(followed.Document.QuerySelector(".search-suggestion"));
    }

    [Theory]
    [InlineData("/haku?q=", "rekisterinpitäjän vastuu")]
    [InlineData("/sv/sok?q=", "personuppgiftsansvariga")]
    public async Task Known_words_get_no_suggestion(string search, string query)
    {
        var page = await _client.GetPageAsync(search + Uri.EscapeDataString(query));

        Assert.NotEmpty(page.Document.QuerySelectorAll(".search-result"));
        Assert.Null(page.Document.QuerySelector(".search-suggestion"));
    }

    [Theory]
    [InlineData("/haku?q=", "Kirjoita hakukenttään vähintään yksi sana.")]
    [InlineData("/haku?q=%22%22+%28%29+%2B%2B+--+%3F", "Haussa ei ollut haettavia sanoja.")]
    [InlineData("/haku?q=ja", "Haussa ei ollut haettavia sanoja.")]
    [InlineData("/sv/sok?q=%21%21", "Sökningen innehöll inga sökbara ord.")]
    public async Task Odd_queries_get_a_clear_message_at_the_field_and_keep_what_was_typed(string url, string message)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var input = page.Document.GetElementById("search-query")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("search-problem", input.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.Contains(message, page.Document.GetElementById("search-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Uri.UnescapeDataString(url[(url.IndexOf('=', StringComparison.Ordinal) + 1)..].Replace('+', ' ')).Trim(), input.GetAttribute("value"));
        Assert.StartsWith(page.Language == "sv" ? "Fel:" : "Virhe:", page.Document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_query_is_refused_politely()
    {
        var page = await _client.GetPageAsync("/haku?q=" + new string('x', 500));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Haku on liian pitkä", page.Document.GetElementById("search-problem")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("suostumus OR title:x AND NOT \"y")]
    [InlineData("suost* ~2 ^3 [a TO b] {c} \\")]
    public async Task Query_operators_are_plain_text_and_never_an_error(string query)
    {
        var page = await _client.GetPageAsync("/haku?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.GetElementById("search-problem"));
    }

    [Fact]
    public async Task Many_results_come_in_pages_that_follow_on_from_each_other()
    {
        var first = await _client.GetPageAsync("/haku?q=kunta&earlier=true");
        var nextUrl = first.Document.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        var second = await _client.GetPageAsync(nextUrl);
        var beyond = await _client.GetPageAsync("/haku?q=kunta&earlier=true&p=999");

        Assert.Equal("/haku?q=kunta&earlier=true&p=2", nextUrl);
        Assert.Equal(GuidanceSearchIndex.PageSize, first.Document.QuerySelectorAll(".search-result").Length);
        Assert.Null(first.Document.QuerySelector(".pagination a[rel=prev]"));
        Assert.Equal($"{GuidanceSearchIndex.PageSize + 1}", second.Document.QuerySelector("ol.search-results")!.GetAttribute("start"));
        Assert.StartsWith($"Näytetään osumat {GuidanceSearchIndex.PageSize + 1}–", second.Text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Näytetään", StringComparison.Ordinal)), StringComparison.Ordinal);
        var firstLinks = first.Document.QuerySelectorAll(".search-result a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.DoesNotContain(second.Document.QuerySelectorAll(".search-result a"), a => firstLinks.Contains(a.GetAttribute("href")));
        Assert.NotNull(second.Document.QuerySelector(".pagination a[rel=prev]"));
        Assert.Equal(HttpStatusCode.OK, beyond.Status);
        Assert.NotEmpty(beyond.Document.QuerySelectorAll(".search-result"));
        Assert.Null(beyond.Document.QuerySelector(".pagination a[rel=next]"));
    }

    [Fact]
    public async Task Earlier_versions_are_searched_when_asked_and_link_to_their_own_address()
    {
        var current = await _client.GetPageAsync("/haku?q=" + Uri.EscapeDataString("HE 9/2026 vireillä"));
        var all = await _client.GetPageAsync("/haku?q=" + Uri.EscapeDataString("HE 9/2026 vireillä") + "&earlier=true");

        Assert.DoesNotContain(current.Document.QuerySelectorAll(".search-result a"), a => a.GetAttribute("href")!.Contains("versio/1.2", StringComparison.Ordinal));
        Assert.Contains(all.Document.QuerySelectorAll(".search-result a"), a => a.GetAttribute("href") == "/luku/kasittelyn-oikeusperusteet/versio/1.2#vireilla-olevat-lakimuutokset");
        Assert.NotNull(all.Document.QuerySelector("#search-earlier[checked]"));
        var consultation = all.Document.QuerySelectorAll(".search-result").First(r => r.QuerySelector("a")!.GetAttribute("href")!.Contains("versio/1.2", StringComparison.Ordinal));
        Assert.Contains("versio 1.2 (Kommentoitavana)", consultation.QuerySelector(".search-result__where")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_earlier_published_version_is_labelled_as_earlier_not_as_current()
    {
        var page = await _client.GetPageAsync("/haku?q=" + Uri.EscapeDataString("oikeusperuste") + "&earlier=true");

        var old = page.Document.QuerySelectorAll(".search-result").First(r => r.QuerySelector("a")!.GetAttribute("href")!.Contains("/versio/1.0", StringComparison.Ordinal));
        Assert.Contains("(aiempi versio)", old.QuerySelector(".search-result__where")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_page_links_to_what_changed_since_the_previous_version()
    {
        var page = await _client.GetPageAsync("/luku/kasittelyn-oikeusperusteet/versio/1.2");

        Assert.Equal("/luku/kasittelyn-oikeusperusteet/vertailu/1.1/1.2", page.Href(".version-changes a"));
        var first = await _client.GetPageAsync("/luku/kasittelyn-oikeusperusteet/versio/1.0");
        Assert.Null(first.Document.QuerySelector(".version-changes"));
    }

    [Fact]
    public async Task The_comparison_marks_additions_in_words_and_lists_the_changed_sections()
    {
        var page = await _client.GetPageAsync("/luku/kasittelyn-oikeusperusteet/vertailu/1.1/1.2");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Mitä muuttui: Käsittelyn oikeusperusteet, versiot 1.1 ja 1.2", page.H1);
        var changed = page.Document.QuerySelectorAll(".changed-sections a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("Vireillä olevat lakimuutokset", "#vireilla-olevat-lakimuutokset"), changed);
        Assert.Contains(("Suostumus", "#suostumus"), changed);
        Assert.All(changed, c => Assert.NotNull(page.Document.GetElementById(c.Item2![1..])));
        var edited = page.Document.QuerySelectorAll(".comparison .change--modified").Single(p => p.TextContent.Contains("43 perustelukappale", StringComparison.Ordinal));
        var inserted = Assert.Single(edited.QuerySelectorAll("ins"));
        Assert.StartsWith("[lisätty: ", inserted.TextContent.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Muutettu:", edited.QuerySelector(".change-label")!.TextContent, StringComparison.Ordinal);
        var addedHeading = page.Document.GetElementById("vireilla-olevat-lakimuutokset")!;
        Assert.Equal("H4", addedHeading.TagName); // a level-3 section, under the page's own h2
        Assert.Contains("change--added", addedHeading.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_of_far_apart_versions_shows_removals_too()
    {
        var page = await _client.GetPageAsync("/luku/rekisterinpitaja/vertailu/1.0/1.1");

        Assert.NotEmpty(page.Document.QuerySelectorAll(".comparison ins"));
        Assert.NotEmpty(page.Document.QuerySelectorAll(".comparison del, .comparison .change--removed"));
    }

    [Theory]
    [InlineData("/luku/kasittelyn-oikeusperusteet/vertailu", "/luku/kasittelyn-oikeusperusteet/vertailu/1.0/1.1")]
    [InlineData("/luku/kasittelyn-oikeusperusteet/vertailu?from=1.2&to=1.0", "/luku/kasittelyn-oikeusperusteet/vertailu/1.0/1.2")]
    [InlineData("/luku/kasittelyn-oikeusperusteet/vertailu/1.2/1.1", "/luku/kasittelyn-oikeusperusteet/vertailu/1.1/1.2")]
    public async Task Comparison_addresses_lead_to_the_permanent_one_with_the_older_version_first(string url, string target)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/luku/kasittelyn-oikeusperusteet/vertailu/1.0/9.9")]
    [InlineData("/luku/kasittelyn-oikeusperusteet/vertailu/x/1.1")]
    [InlineData("/luku/olematon/vertailu/1.0/1.1")]
    public async Task Comparing_versions_that_do_not_exist_is_a_friendly_404(string url)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Sivua ei löytynyt", page.H1);
    }

    [Fact]
    public async Task The_history_page_offers_any_two_versions_to_compare()
    {
        var page = await _client.GetPageAsync("/luku/kasittelyn-oikeusperusteet/historia");

        var form = page.Document.QuerySelector("form.compare-form")!;
        Assert.Equal("/luku/kasittelyn-oikeusperusteet/vertailu", form.GetAttribute("action"));
        Assert.Equal(["1.2", "1.1", "1.0"], form.QuerySelectorAll("#compare-from option").Select(o => o.GetAttribute("value")));
        Assert.Equal("1.1", form.QuerySelector("#compare-from option[selected]")!.GetAttribute("value"));
        Assert.Equal("1.2", form.QuerySelector("#compare-to option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/syote", "fi")]
    [InlineData("/sv/flode", "sv")]
    public async Task The_feed_is_valid_atom_with_every_published_version(string url, string language)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(xml).Root!;
        AssertValidAtom(feed, language);
        var versionLinks = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value).ToList();
        if (language == "fi")
        {
            Assert.Contains("http://localhost/luku/rekisterinpitaja/versio/1.1", versionLinks);
            Assert.Contains("http://localhost/luku/kasittelyn-oikeusperusteet/versio/1.0", versionLinks);
            Assert.DoesNotContain("http://localhost/luku/kasittelyn-oikeusperusteet/versio/1.2", versionLinks); // consultation, not published
        }
        else
        {
            Assert.Contains("http://localhost/sv/kapitel/personuppgiftsansvarig/version/1.1", versionLinks);
        }

        using var reader = XmlReader.Create(new StringReader(xml));
        var parsed = SyndicationFeed.Load(reader);
        Assert.Equal(versionLinks.Count, parsed.Items.Count());
    }

    [Fact]
    public async Task The_feed_tells_of_a_round_once_it_has_opened()
    {
        await using var commenting = await CommentingPortal.StartAsync();
        var client = commenting.NewClient();
        var upcoming = await commenting.CreateRoundAsync(CommentingPortal.Start.AddDays(3), CommentingPortal.Start.AddDays(20), ("rekisterinpitaja", "1.1"));

        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/syote", UriKind.Relative))).Root!;
        var roundLinks = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value).Where(h => h.Contains("/kommentointikierrokset/", StringComparison.Ordinal)).ToList();

        Assert.Equal([$"http://localhost/kommentointikierrokset/{commenting.RoundId}"], roundLinks);
        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "link")!.Attribute("href")!.Value.EndsWith($"/{commenting.RoundId}", StringComparison.Ordinal));
        Assert.StartsWith("Kommentointikierros avattu: ", entry.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(roundLinks, l => l.EndsWith($"/{upcoming}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/", "/syote")]
    [InlineData("/sv/kapitel/personuppgiftsansvarig", "/sv/flode")]
    public async Task Pages_point_feed_readers_to_the_feed_of_their_language(string url, string feed)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(feed, page.Document.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Glossary_references_link_to_the_official_text()
    {
        var page = await _client.GetPageAsync("/sv/ordlista");

        Assert.Contains(page.Document.QuerySelectorAll(".glossary__reference a.legal-link"), a => a.GetAttribute("href") == "https://eur-lex.europa.eu/legal-content/SV/TXT/HTML/?uri=CELEX:32016R0679#art_4");
    }

    [Fact]
    public async Task The_whole_guidance_has_every_chapter_once_with_version_and_unique_ids()
    {
        var page = await _client.GetPageAsync("/koko-ohje");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var chapters = page.Document.QuerySelectorAll("article.chapter--whole").ToList();
        Assert.Equal(4, chapters.Count);
        Assert.All(chapters, c => Assert.NotNull(c.QuerySelector(".version-meta")));
        Assert.Single(page.Document.QuerySelectorAll("h1"));
        Assert.Empty(page.Document.QuerySelectorAll(".chapter-body h2"));
        var ids = page.Document.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(page.Document.QuerySelectorAll(".chapter-body a[href^='#']"), a => Assert.NotNull(page.Document.GetElementById(a.GetAttribute("href")![1..])));
        Assert.NotNull(page.Document.GetElementById("rekisterinpitaja--yhteisrekisterinpitajyys"));
    }

    [Fact]
    public async Task The_swedish_whole_guidance_names_the_chapter_that_is_only_in_finnish()
    {
        var page = await _client.GetPageAsync("/sv/hela-anvisningen");

        Assert.Equal(3, page.Document.QuerySelectorAll("article.chapter--whole").Length);
        var untranslated = Assert.Single(page.Document.QuerySelectorAll(".toc ul a"));
        Assert.Equal("/luku/henkilotietojen-jatkokaytto", untranslated.GetAttribute("href"));
        Assert.Equal("fi", untranslated.QuerySelector("span")!.GetAttribute("lang"));
    }

    private static void AssertValidAtom(XElement feed, string language)
    {
        // RFC 4287 4.1.1 and 4.1.2: required elements, absolute ids, one self link.
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(language, feed.Attribute(XNamespace.Xml + "lang")?.Value);
        foreach (var name in new[] { "id", "title", "updated" })
        {
            Assert.Single(feed.Elements(Atom + name));
        }

        Assert.NotEmpty(feed.Elements(Atom + "author").Elements(Atom + "name"));
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.True(Uri.IsWellFormedUriString(feed.Element(Atom + "id")!.Value, UriKind.Absolute));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            foreach (var name in new[] { "id", "title", "updated" })
            {
                Assert.Single(entry.Elements(Atom + name));
            }

            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.NotNull(entry.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") is null or "alternate"));
        }

        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(u => u), updated);
    }
}
