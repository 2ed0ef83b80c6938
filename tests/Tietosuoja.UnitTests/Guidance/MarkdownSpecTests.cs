using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

/// <summary>
/// Every Markdown construct Markdig accepts either loads or is refused with a content error for
/// its own file: every example of the CommonMark specification and of Markdig's specifications of
/// the extensions the portal uses, and random front matter and Markdown.
/// </summary>
public sealed class MarkdownSpecTests : IDisposable
{
    private const string ExampleFile = "chapters/rekisterinpitaja/fi/1.1.md";

    private static readonly ContentLoader Loader = new(new MarkdownRenderer());

    private readonly ContentFolderBuilder _content = new ContentFolderBuilder()
        .WithChapter("rekisterinpitaja", "rekisterinpitaja", "personuppgiftsansvarig")
        .WithVersion("rekisterinpitaja", "fi", "1.0");

    public void Dispose() => _content.Dispose();

    /// <summary>
    /// The specifications are test data beside the repository (CI lays shared/ next to the clone),
    /// not copied into it; TIETOSUOJA_MARKDOWN_SPECS names another folder. Missing data fails the
    /// test: a skipped corpus would silently test nothing.
    /// </summary>
    private static string SpecFolder()
    {
        var folder = Environment.GetEnvironmentVariable("TIETOSUOJA_MARKDOWN_SPECS") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "testdata", "markdown-specs"));
        Assert.True(Directory.Exists(folder), $"The Markdown specification examples are missing: expected them in {folder} (or set TIETOSUOJA_MARKDOWN_SPECS)");
        return folder;
    }

    [Theory]
    [InlineData("CommonMark.md", 652)]
    [InlineData("FootnotesSpecs.md", 4)]
    [InlineData("PipeTableSpecs.md", 28)]
    [InlineData("GridTableSpecs.md", 12)]
    [InlineData("CustomContainerSpecs.md", 9)]
    public void Every_specification_example_loads_or_is_refused_with_a_content_error_for_its_file(string specification, int expectedExamples)
    {
        var examples = Examples(File.ReadAllText(Path.Combine(SpecFolder(), specification)));
        Assert.Equal(expectedExamples, examples.Count);

        var failures = new List<string>();
        var loaded = 0;
        foreach (var (number, markdown) in examples)
        {
            var result = LoadAsChapterVersion(markdown);
            if (Problem(result) is { } problem)
            {
                failures.Add($"example {number}: {problem}");
            }
            else if (result.Succeeded)
            {
                loaded++;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Most examples are ordinary Markdown; if few load, the chapter file around them is wrong.
        Assert.True(loaded > examples.Count / 3, $"only {loaded} of {examples.Count} examples loaded");
    }

    [Property(Arbitrary = [typeof(RandomContent)], MaxTest = 300, QuietOnSuccess = true)]
    public void Random_front_matter_and_markdown_load_or_are_refused_with_a_content_error_for_their_file(ChapterFileText file)
    {
        var result = Loader.Load(new OverlayContentFiles(new FolderContentFiles(_content.Root), new Dictionary<string, string> { [ExampleFile] = file.Text }), 1);

        var problem = Problem(result);
        Assert.True(problem is null, $"{problem}\nfor the file: {file}");
    }

    /// <summary>Why a load result breaks the rule, or null: an error in another file, or one caused by a fault of our own code.</summary>
    private static string? Problem(ContentLoadResult result)
    {
        if (result.Succeeded)
        {
            return null;
        }

        if (result.Errors.IsEmpty)
        {
            return "refused without an error";
        }

        return result.Errors.FirstOrDefault(e => e.File != ExampleFile || e.Message.StartsWith(ContentLoader.UnexpectedFailure, StringComparison.Ordinal) || string.IsNullOrWhiteSpace(e.Message)) is { } wrong
            ? wrong.ToString()
            : null;
    }

    private ContentLoadResult LoadAsChapterVersion(string body) =>
        Loader.Load(
            new OverlayContentFiles(new FolderContentFiles(_content.Root), new Dictionary<string, string>
            {
                [ExampleFile] = "---\ntitle: Esimerkki\nversion: \"1.1\"\nstatus: published\ndate: 2026-02-01\nsummary: Esimerkki.\n---\n\n" + body,
            }),
            1);

    /// <summary>The examples of a specification file, numbered from 1 as in the specification, with "→" as the tab it stands for.</summary>
    private static List<(int Number, string Markdown)> Examples(string specification)
    {
        var examples = new List<(int, string)>();
        var lines = specification.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || !lines[i].TrimEnd().EndsWith(" example", StringComparison.Ordinal))
            {
                continue;
            }

            var input = new List<string>();
            for (i++; i < lines.Length && lines[i] != "."; i++)
            {
                input.Add(lines[i]);
            }

            examples.Add((examples.Count + 1, string.Join('\n', input).Replace('→', '\t') + "\n"));
        }

        return examples;
    }

    /// <summary>A chapter file as random front matter lines and a random body of Markdown fragments.</summary>
    public sealed record ChapterFileText(string Text)
    {
        public override string ToString() => Text.Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public static class RandomContent
    {
        private static readonly string[] Keys = ["title", "version", "status", "date", "summary", "slug", "tags", "? [a, b]", "? {a: 1}", "- ", "", "title\t", "&a title", "!!map"];

        private static readonly string[] Values =
        [
            "Otsikko", "\"1.0\"", "\"1.1\"", "1.1", "published", "draft", "2026-01-15", "Muutokset.", "[unknown", "[broken", "{a: [1", "[a, b]",
            "*anchor", "&anchor x", "!!int x", "!!binary @@", "|", ">-", "\"", "'", "\"\\x", "- a", "? x", "ä: ö", "%YAML", "@x", "`x", "\t", "\u0000", "\u000b", "\u200b", "",
        ];

        private static readonly string[] Fragments =
        [
            "teksti ", "sana", "\n", "\n\n", "## Osio\n", "# Otsikko\n", "### ", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "    ", "\t", "  \n",
            "[", "]", "(", ")", "[a]", "[a]: https://finlex.fi/\n", "[a][]", "[a][b]", "[b]: /luku/olematon\n", "](https://finlex.fi/)", "](/luku/rekisterinpitaja)",
            "](#ei-ole)", "![", "*", "**", "_", "__", "~~", "`", "```\n", "~~~\n", "<", ">", "<div>", "</div>", "<!--", "-->", "<https://finlex.fi/>",
            "www.kuntaliitto.fi", "mailto:a@b.fi", "javascript:alert(1)", "&amp;", "&#0;", "\\", "\\[", "[^1]", "[^1]: huomautus\n", "[^", "^]",
            "| a | b |\n", "|---|---|\n", "+---+---+\n", "| x | y |\n", "+===+===+\n", "::: kaytannossa\n", ":::\n", "---\n", "***\n", "===\n",
            "tietosuoja-asetuksen 6 artiklan 1 kohdan e alakohta", "artikel 6.1 e i dataskyddsförordningen", "rekisterinpitäjä", "\u0000", "\ufffd", "😀",
        ];

        public static Arbitrary<ChapterFileText> ChapterFile()
        {
            var line = Gen.Elements(Keys).SelectMany(key => Gen.Elements(Values).Select(value => key.Length == 0 ? value : $"{key}: {value}"));
            var frontMatter = Gen.Frequency(
                (3, Gen.Constant<string[]>(["title: Otsikko", "version: \"1.1\"", "status: published", "date: 2026-02-01", "summary: Muutos."])),
                (2, Gen.ArrayOf(line)));
            var body = Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts));
            var gen = frontMatter.SelectMany(fields => body.Select(text => new ChapterFileText($"---\n{string.Join('\n', fields)}\n---\n\n{text}")));
            return gen.ToArbitrary();
        }
    }
}
