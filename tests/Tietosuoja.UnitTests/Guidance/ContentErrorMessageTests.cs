using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

/// <summary>
/// Every content-check error has a stable code, an English text for the logs, and a Finnish and a
/// Swedish text for the editor that use the same arguments; and each code is what some content
/// actually produces.
/// </summary>
public sealed partial class ContentErrorMessageTests : IDisposable
{
    private static readonly string Resources = Path.Combine(RepoPaths.Root, "src", "Tietosuoja.Web", "Resources");
    private static readonly Dictionary<string, string> Finnish = Texts("SharedResource.resx");
    private static readonly Dictionary<string, string> Swedish = Texts("SharedResource.sv.resx");

    /// <summary>Codes only a fault produces (a file the portal may not read, a bug of its own), not a content file's text; ContentFaultTests and the publisher's tests produce them.</summary>
    private static readonly ContentErrorCode[] FaultOnly =
    [
        ContentErrorCode.FileNotPermitted,
        ContentErrorCode.FileUnreadable,
        ContentErrorCode.UnexpectedFailure,
        ContentErrorCode.ContentLoadFailed,
        ContentErrorCode.SearchIndexFailed,
        ContentErrorCode.SiteFileCannotAddChapter,
    ];

    private const string Chapter = "chapters/luku/fi/1.0.md";

    private readonly ContentFolderBuilder _content = new ContentFolderBuilder()
        .WithChapter("luku", "luku", "kapitel")
        .WithVersion("luku", "fi", "1.0", body: "## Osio\n\nTekstiä.\n")
        .WithVersion("luku", "sv", "1.0", body: "## Avsnitt\n\nText.\n");

    private readonly ContentLoader _loader = new(new MarkdownRenderer());

    public void Dispose() => _content.Dispose();

    public static TheoryData<ContentErrorCode> Codes() => [.. Enum.GetValues<ContentErrorCode>()];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_a_finnish_and_a_swedish_text_with_the_arguments_of_the_english_one(ContentErrorCode code)
    {
        var key = ContentError.KeyOf(code);
        var english = ContentErrorText.English(code);
        Assert.True(Finnish.TryGetValue(key, out var finnish), $"{key} is missing from SharedResource.resx");
        Assert.True(Swedish.TryGetValue(key, out var swedish), $"{key} is missing from SharedResource.sv.resx");

        var arguments = Placeholders(english);
        foreach (var text in new[] { finnish, swedish })
        {
            Assert.Equal(arguments, Placeholders(text));
            var shown = string.Format(CultureInfo.InvariantCulture, text, [.. arguments.Select(i => (object)$"<{i}>")]);
            Assert.EndsWith(".", shown, StringComparison.Ordinal);
            Assert.True(char.IsUpper(shown[0]), shown);
            Assert.DoesNotContain("{{", shown, StringComparison.Ordinal);
        }

        Assert.NotEqual(finnish, swedish);
        Assert.NotEqual(english, finnish);
    }

    [Fact]
    public void Every_code_is_produced_by_some_content_or_is_a_fault()
    {
        var produced = Inputs().Select(input => input.Code).ToHashSet();

        Assert.Equal(Enum.GetValues<ContentErrorCode>().Order(), produced.Concat(FaultOnly).Distinct().Order());
        Assert.Empty(produced.Intersect(FaultOnly));
    }

    public static TheoryData<string> InputNames() => [.. Inputs().Select(input => input.Code.ToString())];

    [Theory]
    [MemberData(nameof(InputNames))]
    public void The_input_for_a_code_produces_it(string name)
    {
        var input = Inputs().Single(i => i.Code.ToString() == name);
        input.Arrange(_content);

        var errors = input.Code == ContentErrorCode.SiteFileMissing
            ? _loader.Load(new OverlayContentFiles(new FolderContentFiles(_content.Root), new Dictionary<string, string>()), 1).Errors
            : _loader.Load(_content.Root, 1).Errors;

        Assert.Contains(errors, error => error.Code == input.Code);
        var error = errors.First(e => e.Code == input.Code);
        Assert.Equal(Placeholders(ContentErrorText.English(input.Code)).Count, error.Arguments.Length);
        var shown = string.Format(CultureInfo.InvariantCulture, Finnish[error.MessageKey], error.Arguments);
        Assert.All(error.Arguments, argument => Assert.Contains(Convert.ToString(argument, CultureInfo.InvariantCulture)!, shown, StringComparison.Ordinal));
    }

    [Fact]
    public void The_message_of_a_level_1_heading_says_in_finnish_what_to_do_and_the_log_keeps_english()
    {
        _content.WithVersion("luku", "fi", "1.0", body: "## Osio\n\n# Pääotsikko\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal(ContentErrorCode.LevelOneHeading, error.Code);
        Assert.StartsWith("Luvussa ei saa olla ykköstason otsikkoa (#). Käytä kakkostason otsikkoa (##)", UiText.Get(error.MessageKey, Language.Fi), StringComparison.Ordinal);
        Assert.StartsWith("Kapitlet får inte ha en rubrik på nivå ett (#)", UiText.Get(error.MessageKey, Language.Sv), StringComparison.Ordinal);
        Assert.Contains("level-1 heading", error.Message, StringComparison.Ordinal);
    }

    private sealed record Input(ContentErrorCode Code, Action<ContentFolderBuilder> Arrange);

    private static string Site(string chapters, string title = "{ fi: Ohjeet, sv: Anvisningar }") =>
        $"title: {title}\ndescription: {{ fi: Kuvaus, sv: Beskrivning }}\nchapters:\n{chapters}";

    private static string Glossary(string terms) => $"terms:\n{terms}";

    private const string Term = "  - id: suostumus\n    fi: { term: suostumus, definition: Vapaaehtoinen tahdonilmaisu. }\n    sv: { term: samtycke, definition: Frivillig viljeyttring. }\n";

    private static string FrontMatter(string fields) => $"---\n{fields}\n---\n\n## Osio\n\nTekstiä.\n";

    private const string Fields = "title: Luku\nversion: \"1.0\"\nstatus: published\ndate: 2026-01-15\nsummary: Muutokset.";

    private static IEnumerable<Input> Inputs() =>
    [
        new(ContentErrorCode.SiteFileMissing, c => c.WithoutFile("site.yml")),
        new(ContentErrorCode.SiteFileMissingIn, c => c.WithoutFile("site.yml")),
        new(ContentErrorCode.YamlInvalid, c => c.WithFile("site.yml", "title: [\n")),
        new(ContentErrorCode.SiteChapterIdInvalid, c => c.WithFile("site.yml", Site("  - id: Iso Luku\n    slug: { fi: luku, sv: kapitel }\n"))),
        new(ContentErrorCode.SiteChapterSlugInvalid, c => c.WithFile("site.yml", Site("  - id: luku\n    slug: { fi: Luku, sv: kapitel }\n"))),
        new(ContentErrorCode.SiteNoChapters, c => c.WithFile("site.yml", Site("  []\n").Replace("chapters:\n  []", "chapters: []", StringComparison.Ordinal))),
        new(ContentErrorCode.SiteChapterIdDuplicate, c => c.WithChapter("luku", "toinen", "andra")),
        new(ContentErrorCode.SiteSlugDuplicate, c => c.WithChapter("toinen", "luku", "andra")),
        new(ContentErrorCode.SiteFieldMissingLanguage, c => c.WithFile("site.yml", Site("  - id: luku\n    slug: { fi: luku, sv: kapitel }\n", "{ fi: Ohjeet }"))),
        new(ContentErrorCode.SiteFieldUnknownLanguage, c => c.WithFile("site.yml", Site("  - id: luku\n    slug: { fi: luku, sv: kapitel }\n", "{ fi: Ohjeet, sv: Anvisningar, en: Guidance }"))),
        new(ContentErrorCode.ChapterFolderNotListed, c => c.WithVersion("ylimaarainen", "fi", "1.0")),
        new(ContentErrorCode.LanguageFolderUnknown, c => c.WithVersion("luku", "en", "1.0")),
        new(ContentErrorCode.ChapterHasNoVersions, c => c.WithChapter("tyhja", "tyhja", "tom")),
        new(ContentErrorCode.TranslationWithoutOriginal, c => c.WithChapter("kaannos", "kaannos", "oversattning").WithVersion("kaannos", "sv", "1.0")),
        new(ContentErrorCode.TranslationWithoutOriginalVersion, c => c.WithVersion("luku", "sv", "2.0")),
        new(ContentErrorCode.VersionMalformed, c => c.WithFile(Chapter, FrontMatter(Fields.Replace("\"1.0\"", "\"1\"", StringComparison.Ordinal)))),
        new(ContentErrorCode.VersionDuplicate, c => c.WithFile("chapters/luku/fi/kopio.md", FrontMatter(Fields))),
        new(ContentErrorCode.StatusUnknown, c => c.WithVersion("luku", "fi", "1.0", status: "valmis")),
        new(ContentErrorCode.DateInvalid, c => c.WithVersion("luku", "fi", "1.0", date: "2.3.2026")),
        new(ContentErrorCode.LevelOneHeading, c => c.WithVersion("luku", "fi", "1.0", body: "# Pääotsikko\n")),
        new(ContentErrorCode.ImageNotAllowed, c => c.WithVersion("luku", "fi", "1.0", body: "## Osio\n\n![kaavio](kaavio.png)\n")),
        new(ContentErrorCode.NestedTooDeeply, c => c.WithVersion("luku", "fi", "1.0", body: "## Osio\n\n" + new string('[', 40) + "\n")),
        new(ContentErrorCode.PageFileNameInvalid, c => c.WithFile("pages/ohje.md", "---\ntitle: Ohje\nslug: ohje\n---\n\nTeksti.\n")),
        new(ContentErrorCode.PageSlugInvalid, c => c.WithPage("about", "fi", "haku", "Tietoa", "Teksti.")),
        new(ContentErrorCode.PageSlugDuplicate, c => c.WithPage("extra", "fi", "tietoa", "Tietoa", "Teksti.")),
        new(ContentErrorCode.RequiredPageMissing, c => c.WithoutFile("pages/about.sv.md")),
        new(ContentErrorCode.GlossaryIdInvalid, c => c.WithFile("glossary.yml", Glossary(Term.Replace("id: suostumus", "id: Suostumus", StringComparison.Ordinal)))),
        new(ContentErrorCode.GlossaryTermIncomplete, c => c.WithFile("glossary.yml", Glossary(Term.Replace("term: samtycke, ", string.Empty, StringComparison.Ordinal)))),
        new(ContentErrorCode.GlossaryReferenceInvalid, c => c.WithFile("glossary.yml", Glossary(Term.Replace("Vapaaehtoinen tahdonilmaisu.", "Vapaaehtoinen tahdonilmaisu., reference: jossakin laissa", StringComparison.Ordinal)))),
        new(ContentErrorCode.GlossaryIdDuplicate, c => c.WithFile("glossary.yml", Glossary(Term + Term))),
        new(ContentErrorCode.LinkHomeAnchor, c => c.WithVersion("luku", "fi", "1.0", body: "## Osio\n\n[Etusivu](/#osio)\n")),
        new(ContentErrorCode.LinkGlossaryTermMissing, c => c.WithVersion("luku", "fi", "1.0", body: "## Osio\n\n[Termi](/sanasto#eiole)\n")),
        new(ContentErrorCode.LinkPageMissing, c => c.WithVersion("luku", "fi", "1.0", body: "## Osio\n\n[Sivu](/eiole)\n")),
        new(ContentErrorCode.LinkChapterMissing, c => c.WithVersion("luku", "fi", "1.0", body: "## Osio\n\n[Luku](/luku/eiole)\n")),
        new(ContentErrorCode.LinkVersionMissing, c => c.WithVersion("luku", "fi", "1.0", body: "## Osio\n\n[Versio](/luku/luku/versio/9.0)\n")),
        new(ContentErrorCode.LinkAnchorMissing, c => c.WithVersion("luku", "fi", "1.0", body: "## Osio\n\n[Kohta](#eiole)\n")),
        new(ContentErrorCode.FrontMatterMissing, c => c.WithFile(Chapter, "## Osio\n\nTekstiä.\n")),
        new(ContentErrorCode.FrontMatterInvalidYaml, c => c.WithFile(Chapter, FrontMatter(Fields + "\ntags: [auki"))),
        new(ContentErrorCode.FrontMatterNotMap, c => c.WithFile(Chapter, FrontMatter("- title"))),
        new(ContentErrorCode.FrontMatterKeyNotPlain, c => c.WithFile(Chapter, FrontMatter(Fields + "\n? [a, b]\n: c"))),
        new(ContentErrorCode.FrontMatterValueNotSingle, c => c.WithFile(Chapter, FrontMatter(Fields + "\ntags: [a, b]"))),
        new(ContentErrorCode.FieldRequired, c => c.WithVersion("luku", "fi", "1.0", summary: "\"\"")),
        new(ContentErrorCode.FieldUnknown, c => c.WithFile(Chapter, FrontMatter(Fields + "\nauthor: Matti"))),
    ];

    private static SortedSet<int> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text.Replace("{{", string.Empty, StringComparison.Ordinal)).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderPattern();

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
}
