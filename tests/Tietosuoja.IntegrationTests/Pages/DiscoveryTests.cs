using System.Net;
using System.Xml.Linq;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Pages;

/// <summary>What a search engine reads: robots.txt, the sitemap, and every page's description and language alternates.</summary>
public sealed class DiscoveryTests : IAsyncLifetime
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private const string BaseUrl = "https://tietosuoja.example.fi/";
    private readonly ContentFolderBuilder _content = ContentFolderBuilder.CopyOfFixtureContent();
    private CommentingPortal _portal = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _portal = new CommentingPortal(factory => factory.WithSetting("Content:Path", _content.Root).WithSetting("Site:BaseUrl", BaseUrl));
        await _portal.InitializeAsync();
        _client = _portal.NewClient();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _content.Dispose();
    }

    [Fact]
    public async Task Robots_keeps_crawlers_out_of_the_editor_area_and_the_private_comment_and_registration_links_and_names_the_sitemap()
    {
        var response = await _client.GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            ["User-agent: *", "Disallow: /toimitus", "Disallow: /kommentti", "Disallow: /ilmoittautuminen", "Disallow: /sv/redaktion", "Disallow: /sv/kommentar", "Disallow: /sv/anmalan", $"Sitemap: {BaseUrl}sitemap.xml"],
            lines);
        // Reading pages, search, the comment form and the public event pages stay crawlable.
        Assert.DoesNotContain(lines, line => line is "Disallow: /" or "Disallow: /haku" or "Disallow: /luku" or "Disallow: /tilaisuudet" or "Disallow: /sv/evenemang");
    }

    [Fact]
    public async Task Sitemap_lists_every_chapter_in_each_of_its_languages_with_the_date_of_the_version_shown()
    {
        var urls = await SitemapAsync();

        Assert.Equal("2026-09-14", urls[$"{BaseUrl}luku/rekisterinpitaja"].Modified);
        Assert.Equal("2026-09-14", urls[$"{BaseUrl}sv/kapitel/personuppgiftsansvarig"].Modified);
        Assert.Equal("2026-10-05", urls[$"{BaseUrl}luku/kasittelyn-oikeusperusteet"].Modified);
        Assert.Equal("2026-10-05", urls[$"{BaseUrl}sv/kapitel/rattslig-grund"].Modified);
        // A chapter only in Finnish is listed once, with no Swedish alternate.
        Assert.Equal("2026-11-09", urls[$"{BaseUrl}luku/henkilotietojen-jatkokaytto"].Modified);
        Assert.Empty(urls[$"{BaseUrl}luku/henkilotietojen-jatkokaytto"].Alternates);
        Assert.DoesNotContain(urls.Keys, url => url.Contains("jatkokaytto", StringComparison.Ordinal) && url.Contains("/sv/", StringComparison.Ordinal));
        Assert.Equal(
            new Dictionary<string, string> { ["fi"] = $"{BaseUrl}luku/rekisterinpitaja", ["sv"] = $"{BaseUrl}sv/kapitel/personuppgiftsansvarig" },
            urls[$"{BaseUrl}sv/kapitel/personuppgiftsansvarig"].Alternates);
        Assert.Contains(BaseUrl, urls.Keys);
        Assert.Contains($"{BaseUrl}sv", urls.Keys);
        Assert.Contains($"{BaseUrl}koko-ohje", urls.Keys);
        Assert.Contains($"{BaseUrl}sanasto", urls.Keys);
        Assert.Contains($"{BaseUrl}tietoa", urls.Keys);
        // Versions, drafts' own URLs, private or editor addresses are not for search engines' lists.
        Assert.DoesNotContain(urls.Keys, url => url.Contains("/versio/", StringComparison.Ordinal) || url.Contains("toimitus", StringComparison.Ordinal));
        Assert.All(urls.Keys, url => Assert.StartsWith(BaseUrl, url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sitemap_follows_a_content_reload()
    {
        Assert.Equal("2026-09-14", (await SitemapAsync())[$"{BaseUrl}luku/rekisterinpitaja"].Modified);

        _content.WithVersion("rekisterinpitaja", "fi", "1.2", date: "2026-11-25");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string? modified;
        do
        {
            await Task.Delay(100);
            modified = (await SitemapAsync())[$"{BaseUrl}luku/rekisterinpitaja"].Modified;
        }
        while (modified != "2026-11-25" && DateTime.UtcNow < deadline);

        Assert.Equal("2026-11-25", modified);
        Assert.Equal("2026-09-14", (await SitemapAsync())[$"{BaseUrl}sv/kapitel/personuppgiftsansvarig"].Modified);
    }

    public static TheoryData<string> PageUrls() =>
    [
        "/", "/sv", "/luku/rekisterinpitaja", "/sv/kapitel/personuppgiftsansvarig", "/luku/rekisterinpitaja/versio/1.0",
        "/luku/rekisterinpitaja/historia", "/luku/kasittelyn-oikeusperusteet/vertailu/1.0/1.1", "/sanasto", "/sv/ordlista",
        "/koko-ohje", "/haku", "/haku?q=rekisterinpit%C3%A4j%C3%A4", "/tietoa", "/kommentointikierrokset",
        CommentingPortal.FormUrl, CommentingPortal.SwedishFormUrl, "/luku/ei-ole-olemassa",
    ];

    [Theory]
    [MemberData(nameof(PageUrls))]
    public async Task Every_page_has_a_description_and_absolute_language_alternates(string url)
    {
        var page = await _client.GetPageAsync(url);

        var description = (page.Document.QuerySelector("meta[name=description]") as AngleSharp.Html.Dom.IHtmlMetaElement)?.Content;
        Assert.False(string.IsNullOrWhiteSpace(description), $"{url} has no description");
        Assert.InRange(description!.Length, 50, 200);
        var alternates = page.Document.QuerySelectorAll("link[rel=alternate][hreflang]").ToList();
        Assert.Equal(["fi", "sv"], alternates.Select(a => a.GetAttribute("hreflang")!).Order());
        Assert.Equal(page.Language, alternates[0].GetAttribute("hreflang"));
        Assert.All(alternates, a => Assert.StartsWith(BaseUrl, a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal(BaseUrl + page.LanguageSwitchHref.TrimStart('/'), alternates[1].GetAttribute("href"));
        if (page.Href("link[rel=canonical]") is { } canonical)
        {
            Assert.StartsWith(BaseUrl, canonical, StringComparison.Ordinal);
        }

        Assert.NotNull(page.Href("link[rel=icon]"));
        Assert.NotNull(page.Href("link[rel=apple-touch-icon]"));
    }

    [Fact]
    public async Task A_chapter_is_described_by_how_it_begins_and_a_version_by_what_changed()
    {
        var chapter = await _client.GetPageAsync("/luku/rekisterinpitaja");
        var version = await _client.GetPageAsync("/luku/rekisterinpitaja/versio/1.1");

        Assert.StartsWith("Tämä luku auttaa kuntaa ja kuntayhtymää määrittelemään", Description(chapter), StringComparison.Ordinal);
        Assert.EndsWith("…", Description(chapter), StringComparison.Ordinal);
        Assert.StartsWith("Versio 1.1, 14.9.2026, julkaistu. Lisätty kohdat virkavastuusta", Description(version), StringComparison.Ordinal);
        Assert.StartsWith("Kuntaliiton tietosuojan perusohjeet", Description(await _client.GetPageAsync("/")), StringComparison.Ordinal);
        Assert.StartsWith("Kommunförbundets grundläggande", Description(await _client.GetPageAsync("/sv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_icons_are_there()
    {
        foreach (var (url, type) in new[] { ("/favicon.ico", "image/x-icon"), ("/favicon.svg", "image/svg+xml"), ("/apple-touch-icon.png", "image/png") })
        {
            var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    private static string Description(FetchedPage page) => ((AngleSharp.Html.Dom.IHtmlMetaElement)page.Document.QuerySelector("meta[name=description]")!).Content!;

    private async Task<Dictionary<string, (string? Modified, Dictionary<string, string> Alternates)>> SitemapAsync()
    {
        var response = await _client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return xml.Root!.Elements(Sitemap + "url").ToDictionary(
            url => url.Element(Sitemap + "loc")!.Value,
            url => (url.Element(Sitemap + "lastmod")?.Value,
                url.Elements(Xhtml + "link").ToDictionary(link => link.Attribute("hreflang")!.Value, link => link.Attribute("href")!.Value)));
    }
}
