using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.IntegrationTests.Pages;

/// <summary>Changes to content/ reach readers without a restart; bad changes never reach them.</summary>
public sealed class ContentSwapTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ContentFolderBuilder _content = ContentFolderBuilder.CopyOfFixtureContent();
    private readonly PortalFactory _portal;
    private HttpClient _client = null!;

    public ContentSwapTests() => _portal = new PortalFactory(_content.Root);

    public Task InitializeAsync()
    {
        _client = _portal.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _content.Dispose();
    }

    [Fact]
    public async Task A_new_version_appears_on_the_chapter_page_without_a_restart()
    {
        await _client.GetPageAsync("/luku/rekisterinpitaja");
        var before = await _client.GetPageAsync("/luku/rekisterinpitaja");
        Assert.Contains("1.1", before.Document.QuerySelector(".version-meta")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(before.Response.Headers.Age); // served from the output cache

        _content.WithVersion("rekisterinpitaja", "fi", "1.2", title: "Rekisterinpitäjä, uusi versio", body: "## Uusi osio\n\nUutta tekstiä.\n", date: "2026-11-20");

        var after = await EventuallyAsync("/luku/rekisterinpitaja", page => page.H1 == "Rekisterinpitäjä, uusi versio");
        Assert.Contains("Uutta tekstiä.", after.Text, StringComparison.Ordinal);
        var old = await _client.GetPageAsync("/luku/rekisterinpitaja/versio/1.1");
        Assert.Contains("Tämä on vanha versio 1.1", old.Text, StringComparison.Ordinal);
        var front = await _client.GetPageAsync("/");
        Assert.Contains("Versio 1.2", front.Document.QuerySelector(".chapter-card")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_a_new_version_in_the_same_swap_that_shows_it()
    {
        var before = await _client.GetPageAsync("/haku?q=kvarkkisanasto");
        Assert.Empty(before.Document.QuerySelectorAll(".search-result"));

        _content.WithVersion("rekisterinpitaja", "fi", "1.2", title: "Rekisterinpitäjä, uusi versio", body: "## Kvarkkisanasto\n\nKvarkkisanasto sovitaan erikseen.\n", date: "2026-11-20");
        await EventuallyAsync("/luku/rekisterinpitaja", page => page.H1 == "Rekisterinpitäjä, uusi versio");

        var after = await _client.GetPageAsync("/haku?q=kvarkkisanasto");
        var result = Assert.Single(after.Document.QuerySelectorAll(".search-result"));
        Assert.Equal("/luku/rekisterinpitaja#kvarkkisanasto", result.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_hit_in_the_version_a_swap_made_earlier_is_labelled_and_linked_as_earlier()
    {
        // "virkavastuu" is only in version 1.1, current before the swap and earlier after it: the
        // hit's "where" line and address, made once per version, must follow the new snapshot.
        var before = await _client.GetPageAsync("/haku?q=virkavastuu");
        var current = HitsAt(before, "/luku/rekisterinpitaja#");
        Assert.NotEmpty(current);
        Assert.All(current, hit => Assert.Contains("voimassa oleva", hit.QuerySelector(".search-result__where")!.TextContent, StringComparison.Ordinal));

        _content.WithVersion("rekisterinpitaja", "fi", "1.2", title: "Rekisterinpitäjä, uusi versio", body: "## Uusi osio\n\nUutta tekstiä.\n", date: "2026-11-20");
        await EventuallyAsync("/luku/rekisterinpitaja", page => page.H1 == "Rekisterinpitäjä, uusi versio");

        var after = await _client.GetPageAsync("/haku?q=virkavastuu&earlier=true");
        Assert.Empty(HitsAt(after, "/luku/rekisterinpitaja#"));
        var earlier = HitsAt(after, "/luku/rekisterinpitaja/versio/1.1#");
        Assert.NotEmpty(earlier);
        Assert.All(earlier, hit => Assert.Contains("aiempi versio", hit.QuerySelector(".search-result__where")!.TextContent, StringComparison.Ordinal));
    }

    private static List<AngleSharp.Dom.IElement> HitsAt(FetchedPage page, string addressStart) =>
        page.Document.QuerySelectorAll(".search-result")
            .Where(hit => hit.QuerySelector("a")!.GetAttribute("href")!.StartsWith(addressStart, StringComparison.Ordinal))
            .ToList();

    [Fact]
    public async Task Swedish_readers_compare_swedish_versions_at_swedish_addresses()
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.2", title: "Uusi versio", date: "2026-11-20")
            .WithVersion("rekisterinpitaja", "sv", "1.2", title: "Ny version", body: "## Första avsnittet\n\nNy text i avsnittet.\n", date: "2026-11-20");
        await EventuallyAsync("/sv/kapitel/personuppgiftsansvarig", page => page.H1 == "Ny version");

        var version = await _client.GetPageAsync("/sv/kapitel/personuppgiftsansvarig/version/1.2");
        var compareUrl = version.Href(".version-changes a")!;
        var comparison = await _client.GetPageAsync(compareUrl);

        Assert.Equal("/sv/kapitel/personuppgiftsansvarig/jamforelse/1.1/1.2", compareUrl);
        Assert.Equal(HttpStatusCode.OK, comparison.Status);
        Assert.Equal("sv", comparison.Language);
        Assert.StartsWith("Vad har ändrats: Ny version", comparison.H1, StringComparison.Ordinal);
        Assert.Contains(comparison.Document.QuerySelectorAll(".comparison ins"), ins => ins.TextContent.Contains("[tillagt: ", StringComparison.Ordinal));
        Assert.Equal("/luku/rekisterinpitaja/vertailu/1.1/1.2", comparison.LanguageSwitchHref);
    }

    [Fact]
    public async Task A_broken_file_leaves_the_last_good_content_in_service_until_it_is_fixed()
    {
        var store = _portal.Services.GetRequiredService<ContentStore>();
        var generation = store.Current.Generation;
        await _client.GetPageAsync("/luku/rekisterinpitaja");

        _content.WithFile("chapters/rekisterinpitaja/fi/1.2.md", "---\ntitle: Rikki\nversion: 1.2.3\n---\n\nTeksti.\n");
        await EventuallyAsync(() => !store.Errors.IsEmpty);

        var page = await _client.GetPageAsync("/luku/rekisterinpitaja");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Rekisterinpitäjän ja yhteisrekisterinpitäjän määritteleminen", page.H1);
        Assert.Equal(generation, store.Current.Generation);
        Assert.Contains(store.Errors, e => e.File == "chapters/rekisterinpitaja/fi/1.2.md" && e.Line == 3);
        var ready = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());

        _content.WithVersion("rekisterinpitaja", "fi", "1.2", title: "Korjattu versio");

        await EventuallyAsync("/luku/rekisterinpitaja", p => p.H1 == "Korjattu versio");
        Assert.Empty(store.Errors);
        Assert.Equal("Healthy", await (await _client.GetAsync(new Uri("/health/ready", UriKind.Relative))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_new_chapter_appears_when_it_is_added_to_the_site_file()
    {
        _content.WithFile("site.yml", File.ReadAllText(_content.PathOf("site.yml")) + "  - id: uusi\n    slug:\n      fi: uusi-luku\n      sv: nytt-kapitel\n")
            .WithVersion("uusi", "fi", "1.0", title: "Uusi luku");

        var page = await EventuallyAsync("/luku/uusi-luku", p => p.Status == HttpStatusCode.OK);

        Assert.Equal("Uusi luku", page.H1);
        Assert.Contains("Luku 5", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Started_without_valid_content_the_portal_says_so_and_is_not_ready_until_content_is_fixed()
    {
        using var broken = new ContentFolderBuilder().WithChapter("rekisterinpitaja", "rekisterinpitaja", "personuppgiftsansvarig");
        await using var portal = new PortalFactory(broken.Root);
        var client = portal.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var front = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, front.Status);
        Assert.Contains("Ohjeita ei voida juuri nyt näyttää", front.Text, StringComparison.Ordinal);

        broken.WithVersion("rekisterinpitaja", "fi", "1.0", title: "Nyt kunnossa");
        var deadline = DateTime.UtcNow + Patience;
        while ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "content was not picked up");
            await Task.Delay(100);
        }

        Assert.Equal("Nyt kunnossa", (await client.GetPageAsync("/luku/rekisterinpitaja")).H1);
    }

    private async Task<FetchedPage> EventuallyAsync(string url, Func<FetchedPage, bool> condition)
    {
        FetchedPage? page = null;
        await EventuallyAsync(async () => condition(page = await _client.GetPageAsync(url)));
        return page!;
    }

    private static Task EventuallyAsync(Func<bool> condition) => EventuallyAsync(() => Task.FromResult(condition()));

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Condition not met within {Patience.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
