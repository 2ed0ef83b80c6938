using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.IntegrationTests.Pages;

/// <summary>
/// A running portal while content files are broken one at a time, as a writer or a failing disk
/// would: it stays alive, keeps serving the last good text, reports the refusal, and serves the
/// fixed text as soon as the file is fixed. Docs: docs/content-format.md, "What the portal does with faults".
/// </summary>
public sealed class ContentFaultTests : IDisposable
{
    private const string ChapterUrl = "/luku/rekisterinpitaja";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ContentFolderBuilder _content = new ContentFolderBuilder()
        .WithChapter("rekisterinpitaja", "rekisterinpitaja", "personuppgiftsansvarig")
        .WithVersion("rekisterinpitaja", "fi", "1.0", body: "## Osio\n\nAlkuperäinen teksti.\n");

    public void Dispose() => _content.Dispose();

    /// <summary>Each fault: what it does to the content folder, given the version file it may use.</summary>
    private static readonly (string Fault, Action<ContentFolderBuilder, string> Break)[] Faults =
    [
        ("unclosed list in front matter", (c, v) => c.WithFile(VersionFile(v), FrontMatter(v, "status: [unknown"))),
        ("unclosed list in the title", (c, v) => c.WithFile(VersionFile(v), FrontMatter(v, "title: [broken", title: false))),
        ("unclosed map in front matter", (c, v) => c.WithFile(VersionFile(v), FrontMatter(v, "tags: {a: [1"))),
        ("a complex key in front matter", (c, v) => c.WithFile(VersionFile(v), FrontMatter(v, "? [a, b]\n: c"))),
        ("an anchor defined twice", (c, v) => c.WithFile(VersionFile(v), FrontMatter(v, "tags: &a x\nother: &a y"))),
        ("10 000 nested block quotes", (c, v) => c.WithVersion("rekisterinpitaja", "fi", v, body: new string('>', 10_000) + " x\n")),
        ("10 000 open brackets", (c, v) => c.WithVersion("rekisterinpitaja", "fi", v, body: new string('[', 10_000) + "x\n")),
        ("10 000 nested lists", (c, v) => c.WithVersion("rekisterinpitaja", "fi", v, body: string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n")),
        ("a reference image", (c, v) => c.WithVersion("rekisterinpitaja", "fi", v, body: "## Osio\n\n![kaavio][k]\n\n[k]: https://example.org/k.png\n")),
        ("a file that cannot be read (a broken symbolic link)", (c, v) => File.CreateSymbolicLink(c.PathOf(VersionFile(v)), c.PathOf("missing-target.md"))),
        ("a folder where the site file should be", (c, _) =>
        {
            File.Move(c.PathOf("site.yml"), c.PathOf(".site.yml.kept"));
            Directory.CreateDirectory(c.PathOf("site.yml"));
        }),
    ];

    [Fact]
    public async Task Each_fault_is_refused_while_the_last_good_text_stays_online_and_the_fixed_file_is_served()
    {
        using var portal = new PortalFactory(_content.Root);
        var client = portal.CreateClient();
        var store = portal.Services.GetRequiredService<ContentStore>();
        var goodText = "Alkuperäinen teksti.";
        Assert.Contains(goodText, (await client.GetPageAsync(ChapterUrl)).Text, StringComparison.Ordinal);

        for (var i = 0; i < Faults.Length; i++)
        {
            var (fault, breakIt) = Faults[i];
            var version = $"1.{i + 1}";
            var generation = store.Current.Generation;

            breakIt(_content, version);
            await EventuallyAsync(() => !store.Errors.IsEmpty, $"{fault}: the change was not refused");

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.True("Degraded" == await ready.Content.ReadAsStringAsync(), $"{fault}: /health/ready does not report the refusal");
            var page = await client.GetPageAsync(ChapterUrl);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.True(page.Text.Contains(goodText, StringComparison.Ordinal), $"{fault}: the last good text is not served");
            Assert.Equal(generation, store.Current.Generation);

            Fix(version);
            goodText = $"Korjattu teksti {version}.";
            var fixedText = goodText;
            await EventuallyAsync(() => client.GetPageAsync(ChapterUrl).GetAwaiter().GetResult().Text.Contains(fixedText, StringComparison.Ordinal), $"{fault}: the fixed file was not served");
            Assert.Empty(store.Errors);
        }
    }

    [Fact]
    public async Task Reference_links_and_footnotes_that_once_stopped_the_process_are_served()
    {
        using var portal = new PortalFactory(_content.Root);
        var client = portal.CreateClient();

        _content.WithVersion("rekisterinpitaja", "fi", "1.1", body: "## Osio\n\nKatso [asetus][eu] ja huomautus[^1].\n\n[eu]: https://eur-lex.europa.eu/eli/reg/2016/679/oj\n[^1]: Huomautuksen teksti.\n");

        await EventuallyAsync(() => client.GetPageAsync(ChapterUrl).GetAwaiter().GetResult().Text.Contains("Huomautuksen teksti.", StringComparison.Ordinal), "the footnote was not served");
        var page = await client.GetPageAsync(ChapterUrl);
        Assert.Equal("https://eur-lex.europa.eu/eli/reg/2016/679/oj", page.Document.QuerySelector(".chapter-body a[href*='eur-lex']")!.GetAttribute("href"));
        Assert.Equal("1", page.Document.QuerySelector("a.footnote-ref")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(9)]
    public async Task Started_with_a_fault_and_no_good_content_the_portal_runs_and_says_so(int fault)
    {
        Faults[fault].Break(_content, "1.1");
        using var portal = new PortalFactory(_content.Root);
        var client = portal.CreateClient();

        var front = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, front.Status);
        Assert.Contains("Ohjeita ei voida juuri nyt näyttää", front.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    private void Fix(string version)
    {
        var path = _content.PathOf(VersionFile(version));
        if (Directory.Exists(_content.PathOf("site.yml")))
        {
            Directory.Delete(_content.PathOf("site.yml"));
            File.Move(_content.PathOf(".site.yml.kept"), _content.PathOf("site.yml"));
        }

        // A broken link is not a file: File.Exists follows it.
        if (new FileInfo(path).LinkTarget is not null || File.Exists(path))
        {
            File.Delete(path);
        }

        _content.WithVersion("rekisterinpitaja", "fi", version, body: $"## Osio\n\nKorjattu teksti {version}.\n");
    }

    private static string VersionFile(string version) => $"chapters/rekisterinpitaja/fi/{version}.md";

    private static string FrontMatter(string version, string field, bool title = true) =>
        $"---\n{(title ? "title: Otsikko\n" : string.Empty)}version: \"{version}\"\nstatus: published\ndate: 2026-02-01\nsummary: Muutos.\n{field}\n---\n\n## Osio\n\nTeksti.\n";

    private static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }
}
