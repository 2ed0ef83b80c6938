using System.Diagnostics;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

/// <summary>
/// The loader as an error boundary: whatever a content file holds, or however reading it fails,
/// the result is a snapshot or content errors for that file, never an exception.
/// </summary>
public sealed class ContentFaultTests : IDisposable
{
    private const string File10 = "chapters/rekisterinpitaja/fi/1.0.md";
    private readonly ContentFolderBuilder _content = new ContentFolderBuilder()
        .WithChapter("rekisterinpitaja", "rekisterinpitaja", "personuppgiftsansvarig")
        .WithVersion("rekisterinpitaja", "fi", "1.0");

    private readonly ContentLoader _loader = new(new MarkdownRenderer());

    public void Dispose() => _content.Dispose();

    /// <summary>The field is on line 7; YAML notices some mistakes only on the line after.</summary>
    [Theory]
    [InlineData("status: [unknown")]
    [InlineData("title2: [broken")]
    [InlineData("tags: {a: [1")]
    [InlineData("tags: \"unclosed")]
    [InlineData("version: \"1.0\"")]
    public void Front_matter_yaml_cannot_read_is_reported_at_its_line(string field)
    {
        var error = Assert.Single(LoadWithFrontMatter(field));

        Assert.Equal(File10, error.File);
        Assert.StartsWith("front matter is not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Contains("double quotes", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line!.Value, 7, 8);
    }

    [Fact]
    public void An_alias_to_no_anchor_is_reported()
    {
        var error = Assert.Single(LoadWithFrontMatter("tags: *anchor"));

        Assert.Equal(File10, error.File);
        Assert.StartsWith("front matter is not valid YAML (The anchor 'anchor' does not exists)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("? [a, b]\n: c", "a field name must be a plain word")]
    [InlineData("tags: [a, b]", "field 'tags' must be a single value")]
    [InlineData("tags:\n  fi: Otsikko", "field 'tags' must be a single value")]
    public void Front_matter_that_is_valid_yaml_but_not_fields_is_reported(string field, string message)
    {
        var errors = LoadWithFrontMatter(field);

        Assert.Contains(errors, e => e.File == File10 && e.Line is not null && e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Front_matter_that_is_a_list_is_refused()
    {
        _content.WithFile(File10, "---\n- title\n- version\n---\n\nTeksti.\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal(new ContentError(File10, 1, ContentErrorCode.FrontMatterNotMap), error);
        Assert.Equal("front matter must be a list of 'field: value' lines", error.Message);
    }

    [Fact]
    public void Reference_links_and_definitions_without_uses_load()
    {
        var version = Load("## Osio\n\nKatso [ohje][eu] ja [toinen][].\n\n[eu]: https://eur-lex.europa.eu/eli/reg/2016/679/oj\n[toinen]: https://finlex.fi/\n[käyttämätön]: https://example.org/\n");

        var links = Links(version.Body.Html);
        Assert.Equal(["https://eur-lex.europa.eu/eli/reg/2016/679/oj", "https://finlex.fi/"], links);
        Assert.Contains(version.Text, b => b.Text == "Katso ohje ja toinen.");
        Assert.DoesNotContain(version.Text, b => b.Text.Contains("example.org", StringComparison.Ordinal));
    }

    [Fact]
    public void Footnotes_are_numbered_notes_with_back_links_in_the_text_and_searchable_in_their_section()
    {
        var version = Load("## Ensimmäinen\n\nAlku.\n\n## Toinen\n\nVäite[^lahde] ja toinen[^2].\n\n## Kolmas\n\nLoppu.\n\n[^2]: Toinen huomautus.\n[^lahde]: Kvarkkilähde on laissa.\n");

        var document = new HtmlParser().ParseDocument(version.Body.Html);
        var notes = document.QuerySelectorAll(".footnotes li");
        Assert.Equal(2, notes.Length);
        Assert.Contains("Kvarkkilähde on laissa.", notes[0].TextContent, StringComparison.Ordinal);
        var reference = document.QuerySelector("a.footnote-ref")!;
        Assert.Equal("1", reference.TextContent.Trim());
        Assert.Equal("#" + notes[0].Id, reference.GetAttribute("href"));
        Assert.Equal("#" + reference.Id, notes[0].QuerySelector("a.footnote-back-ref")!.GetAttribute("href"));

        Assert.Equal(
            [(TextBlockKind.Footnote, 1, "Kvarkkilähde on laissa.", "toinen"), (TextBlockKind.Footnote, 2, "Toinen huomautus.", "toinen")],
            version.Text.Where(b => b.Kind == TextBlockKind.Footnote).Select(b => (b.Kind, b.Level, b.Text, b.SectionAnchor)));
        var snapshot = _loader.Load(_content.Root, 1).Snapshot!;
        var hit = Assert.Single(snapshot.Search.Search(Language.Fi, "kvarkkilähde", includeEarlier: false).Hits);
        Assert.Equal("toinen", hit.Anchor);
    }

    [Fact]
    public void A_changed_footnote_shows_in_the_comparison()
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.0", body: "## Osio\n\nVäite[^1].\n\n[^1]: Vanha lähde.\n")
            .WithVersion("rekisterinpitaja", "fi", "1.1", body: "## Osio\n\nVäite[^1].\n\n[^1]: Uusi lähde.\n");
        var chapter = _loader.Load(_content.Root, 1).Snapshot!.Chapters[0];

        var comparison = VersionComparison.Compare(chapter.Versions(Language.Fi)[0], chapter.Versions(Language.Fi)[1]);

        Assert.Contains(comparison.Blocks, b => b.Block.Kind == TextBlockKind.Footnote && b.Change != Change.Unchanged);
    }

    [Theory]
    [InlineData("Kuva: ![kaavio][k]\n\n[k]: https://example.org/k.png\n", 3)]
    [InlineData("Kuva: ![kaavio](https://example.org/k.png)\n", 3)]
    public void Images_are_refused_at_their_line(string body, int line)
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.0", body: "## Osio\n\n" + body);

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal(File10, error.File);
        Assert.Equal(line + 8, error.Line);
        Assert.StartsWith("images ('![…](…)' or '![…][…]') are not part of the guidance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Autolinks_work_and_html_blocks_are_shown_as_text()
    {
        var version = Load("## Osio\n\nKatso <https://finlex.fi/> ja www.kuntaliitto.fi.\n\n<div onclick=\"x()\">\n<script>alert(1)</script>\n</div>\n");

        Assert.Contains("https://finlex.fi/", Links(version.Body.Html));
        Assert.Contains("&lt;script&gt;", version.Body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", version.Body.Html, StringComparison.Ordinal);
        Assert.Empty(new HtmlParser().ParseDocument(version.Body.Html).QuerySelectorAll("[onclick], script"));
    }

    [Fact]
    public void Nesting_within_the_bound_loads()
    {
        var version = Load("## Osio\n\n" + string.Concat(Enumerable.Range(0, 8).Select(i => new string(' ', i * 2) + "- kohta\n")) + "\n> > > lainaus *korostus **vahva [linkki](https://finlex.fi/)***\n");

        Assert.Contains(version.Text, b => b.Kind == TextBlockKind.Quote && b.Text == "lainaus korostus vahva linkki");
    }

    public static TheoryData<string, string> DeepNesting => new()
    {
        { "block quotes", new string('>', 10_000) + " teksti\n" },
        { "block quotes within Markdig's limit", new string('>', 100) + " teksti\n" },
        { "open brackets", new string('[', 10_000) + "teksti\n" },
        { "closed brackets", new string('[', 10_000) + "teksti" + new string(']', 10_000) + "\n" },
        { "lists", string.Concat(Enumerable.Repeat("- ", 10_000)) + "teksti\n" },
        { "lists by indentation", string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- kohta\n")) },
        { "emphasis", new string('*', 10_000) + "teksti" + new string('*', 10_000) + "\n" },
        { "links in links", string.Concat(Enumerable.Repeat("[a ", 40)) + "b" + string.Concat(Enumerable.Repeat("](https://finlex.fi/)", 40)) + "\n" },
        { "containers", string.Concat(Enumerable.Range(0, 200).Select(i => new string(':', 203 - i) + " kaytannossa\n")) + "teksti\n" },
    };

    [Theory]
    [MemberData(nameof(DeepNesting))]
    public void Nesting_beyond_the_bound_is_refused_quickly_with_a_message(string what, string body)
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.0", body: "## Osio\n\n" + body);
        var clock = Stopwatch.StartNew();

        var errors = _loader.Load(_content.Root, 1).Errors;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{what}: {clock.Elapsed}");
        var error = Assert.Single(errors);
        Assert.Equal(File10, error.File);
        Assert.StartsWith($"the text is nested more than {MarkdownRenderer.MaxNesting} levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_the_portal_may_not_read_is_a_content_error()
    {
        var files = new FailingFiles(new FolderContentFiles(_content.Root), File10, () => new UnauthorizedAccessException("Access to the path is denied."));

        var error = Assert.Single(_loader.Load(files, 1).Errors);

        Assert.Equal(new ContentError(File10, null, ContentErrorCode.FileNotPermitted), error);
        Assert.Equal("the portal is not allowed to read this file or folder: check its permissions", error.Message);
    }

    [Fact]
    public void A_broken_symbolic_link_in_place_of_a_file_is_a_content_error()
    {
        File.Delete(_content.PathOf(File10));
        File.CreateSymbolicLink(_content.PathOf(File10), Path.Combine(_content.Root, "no-such-file.md"));

        var errors = _loader.Load(_content.Root, 1).Errors;

        Assert.Contains(errors, e => e.File == File10 && e.Message.StartsWith("the file or folder cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_is_a_content_error()
    {
        var files = new FailingFiles(new FolderContentFiles(_content.Root), "chapters", () => new IOException("Input/output error"));

        var error = Assert.Single(_loader.Load(files, 1).Errors);

        Assert.Equal(".", error.File);
        Assert.StartsWith("the file or folder cannot be read (Input/output error)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_of_our_own_in_one_file_is_that_files_error_and_the_others_are_still_checked()
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.1", status: "valmis");
        var files = new FailingFiles(new FolderContentFiles(_content.Root), File10, () => new InvalidCastException("bug"));

        var errors = _loader.Load(files, 1).Errors;

        Assert.Contains(errors, e => e.File == File10 && e.Message.StartsWith(ContentLoader.UnexpectedFailure, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == "chapters/rekisterinpitaja/fi/1.1.md" && e.Line == 4);
    }

    [Fact]
    public void The_store_keeps_the_last_good_snapshot_when_reading_fails_and_recovers_when_it_works_again()
    {
        var failing = true;
        var files = new FailingFiles(new FolderContentFiles(_content.Root), "site.yml", () => new IOException("Stale file handle"), () => failing);
        failing = false;
        var store = Store(files);
        var good = store.Current;

        failing = true;
        var refused = store.Reload();

        Assert.False(refused.Succeeded);
        Assert.Same(good, store.Current);
        Assert.Contains(store.Errors, e => e.File == "site.yml");

        failing = false;
        Assert.True(store.Reload().Succeeded);
        Assert.Empty(store.Errors);
        Assert.True(store.Current.Generation > good.Generation);
    }

    [Fact]
    public void The_store_starts_without_any_good_content_and_says_so()
    {
        _content.WithFile(File10, "---\nstatus: [unknown\n---\n");

        var store = Store();

        Assert.False(store.HasContent);
        Assert.Contains(store.Errors, e => e.File == File10);
    }

    [Fact]
    public void A_draft_check_does_not_build_a_search_index_but_the_store_does_before_serving()
    {
        var result = _loader.Load(_content.Root, 1);
        Assert.False(result.Snapshot!.IsSearchBuilt);

        var store = Store();
        Assert.True(store.Current.IsSearchBuilt);
    }

    private ContentStore Store(IContentFiles? files = null) =>
        new(_loader, Options.Create(new ContentOptions { Path = _content.Root }), new TestHostEnvironment(_content.Root), NullLogger<ContentStore>.Instance, files);

    private ChapterVersion Load(string body)
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.0", body: body);
        var result = _loader.Load(_content.Root, 1);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Snapshot!.Chapters[0].Versions(Language.Fi)[0];
    }

    private System.Collections.Immutable.ImmutableArray<ContentError> LoadWithFrontMatter(string field)
    {
        _content.WithFile(File10, $"---\ntitle: Otsikko\nversion: \"1.0\"\nstatus: published\ndate: 2026-01-15\nsummary: Muutokset.\n{field}\n---\n\n## Osio\n\nTeksti.\n");
        var result = _loader.Load(_content.Root, 1);
        Assert.False(result.Succeeded);
        return result.Errors;
    }

    private static string[] Links(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("a[href^='http']").Select(a => a.GetAttribute("href") ?? string.Empty)];

    /// <summary>The content files, with one path that fails as a disk or permissions would (tests run as root, who may read anything).</summary>
    private sealed class FailingFiles(IContentFiles inner, string path, Func<Exception> failure, Func<bool>? when = null) : IContentFiles
    {
        private bool Fails(string candidate) => candidate == path && (when?.Invoke() ?? true);

        public bool FileExists(string file) => inner.FileExists(file);

        public bool FolderExists(string folder) => inner.FolderExists(folder);

        public IReadOnlyList<string> Files(string folder, string extension) => Fails(folder) ? throw failure() : inner.Files(folder, extension);

        public IReadOnlyList<string> Folders(string folder) => Fails(folder) ? throw failure() : inner.Folders(folder);

        public string ReadAllText(string file) => Fails(file) ? throw failure() : inner.ReadAllText(file);
    }
}
