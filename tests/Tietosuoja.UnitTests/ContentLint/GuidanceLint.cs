using System.Text.RegularExpressions;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.ContentLint;

/// <summary>
/// Editorial rules that any guidance content must follow beyond what the content loader enforces:
/// citations name provisions that exist, Swedish translations keep the Finnish sections, text is
/// broken up for reading, published chapters end in a practical checklist, later versions say what
/// changed. Each rule returns its problems as readable lines (empty when the rule holds), so the
/// same rules run on the real content/ and on a copy with new versions added.
/// </summary>
public sealed partial class GuidanceLint
{
    public const int MaxWordsWithoutBreak = 600;
    public const int MinSummaryLength = 40;
    private const string ChecklistContainer = "kaytannossa";
    private static readonly MarkdownRenderer Renderer = new();

    public GuidanceLint(string root)
    {
        Root = root;
        var result = new ContentLoader(Renderer).Load(root, 1);
        LoadErrors = [.. result.Errors.Select(e => e.ToString())];
        Snapshot = result.Snapshot ?? ContentSnapshot.Empty;
    }

    public string Root { get; }

    /// <summary>What the portal itself would refuse; the other rules need this to be empty.</summary>
    public IReadOnlyList<string> LoadErrors { get; }

    public ContentSnapshot Snapshot { get; }

    /// <summary>Every chapter version's file, relative to <see cref="Root"/>.</summary>
    public IEnumerable<string> ChapterFiles =>
        Snapshot.Chapters.SelectMany(c => Languages.All.SelectMany(l => c.Versions(l))).Select(v => v.SourceFile);

    /// <summary>Every site page's file (about, privacy, accessibility), relative to <see cref="Root"/>.</summary>
    public IEnumerable<string> SiteFiles => Snapshot.Pages.Select(p => p.SourceFile);

    /// <summary>Every rule over every file: what a new version or chapter must pass.</summary>
    public IEnumerable<string> AllProblems() =>
        LoadErrors
            .Concat(ChapterFiles.Concat(SiteFiles).SelectMany(f => CitationsOfProvisionsThatDoNotExist(f).Concat(CitationsNotRecognised(f))))
            .Concat(GlossaryCitationsOfProvisionsThatDoNotExist())
            .Concat(TranslationsWithOtherSections())
            .Concat(PublishedVersionsWithoutChecklist())
            .Concat(LaterVersionsWithoutDescribedChanges())
            .Concat(ChapterFiles.SelectMany(TextRunningTooLongWithoutBreak));

    public IEnumerable<string> CitationsOfProvisionsThatDoNotExist(string file)
    {
        var (text, language) = Read(file);
        return LegalReferenceParser.Find(text, language).Where(r => !ValidLegalReferences.IsValid(r)).Select(r => $"{file}: '{r.Text}' = {r}");
    }

    /// <summary>Text that looks like a citation (a § sign, "artikla") but that the parser cannot read, so it would not be checked or linked.</summary>
    public IEnumerable<string> CitationsNotRecognised(string file)
    {
        var (text, language) = Read(file);
        var references = LegalReferenceParser.Find(text, language);
        return LegalReferenceParser.CitationMarkers(text, language)
            .Where(index => !references.Any(r => index >= r.Index && index < r.Index + r.Text.Length))
            .Select(index => $"{file}: …{text.Substring(Math.Max(0, index - 40), Math.Min(60, text.Length - Math.Max(0, index - 40))).ReplaceLineEndings(" ")}…");
    }

    public IEnumerable<string> GlossaryCitationsOfProvisionsThatDoNotExist() =>
        GlossaryCitations().Where(r => !ValidLegalReferences.IsValid(r)).Select(r => $"glossary: '{r.Text}' = {r}");

    public IEnumerable<LegalReference> GlossaryCitations() =>
        Snapshot.Glossary.SelectMany(e => Languages.All.Where(l => e.In(l).Reference is not null).SelectMany(l => LegalReferenceParser.Find(e.In(l).Reference!, l)));

    /// <summary>A Swedish version must translate a Finnish version and keep its sections, level by level, so that section links and comments line up.</summary>
    public IEnumerable<string> TranslationsWithOtherSections()
    {
        foreach (var chapter in Snapshot.Chapters)
        {
            foreach (var translation in chapter.Versions(Language.Sv))
            {
                if (chapter.Find(Language.Fi, translation.Version) is not { } original)
                {
                    yield return $"{translation.SourceFile} has no Finnish original {translation.Version}";
                }
                else if (!original.Body.Headings.Select(h => h.Level).SequenceEqual(translation.Body.Headings.Select(h => h.Level)))
                {
                    yield return $"{translation.SourceFile} has sections {Outline(translation)}, the original has {Outline(original)}";
                }
            }
        }
    }

    /// <summary>
    /// What readers get at a chapter's address, in each language it is published in, ends its
    /// advice with a "::: kaytannossa" checklist. Chapters that are still drafts are not held to it.
    /// </summary>
    public IEnumerable<string> PublishedVersionsWithoutChecklist()
    {
        foreach (var version in Snapshot.Chapters.SelectMany(c => Languages.All.Select(c.LatestPublished)).OfType<ChapterVersion>())
        {
            var document = Renderer.Parse(File.ReadAllText(PathOf(version.SourceFile)), version.Language);
            var checklists = document.Descendants<CustomContainer>().Where(c => c.Info == ChecklistContainer).ToList();
            if (checklists.Count == 0)
            {
                yield return $"{version.SourceFile} has no '::: {ChecklistContainer}' checklist";
            }
            else if (checklists.Any(c => !c.Descendants<ListBlock>().Any()))
            {
                yield return $"{version.SourceFile} has a '::: {ChecklistContainer}' block without a list";
            }
        }
    }

    /// <summary>The version history shows each summary; after a chapter's first published version it must say what changed.</summary>
    public IEnumerable<string> LaterVersionsWithoutDescribedChanges() =>
        Snapshot.Chapters
            .SelectMany(c => Languages.All.SelectMany(l => c.Versions(l).Where(v => v.IsFinal).Skip(1)))
            .Where(v => v.Summary.Length <= MinSummaryLength)
            .Select(v => $"{v.SourceFile}: describe the changes in the summary (more than {MinSummaryLength} characters)");

    public IEnumerable<string> TextRunningTooLongWithoutBreak(string file)
    {
        var (text, language) = Read(file);
        var document = Renderer.Parse(text, language);
        var longest = 0;
        var run = 0;
        foreach (var block in document)
        {
            if (block is ParagraphBlock or QuoteBlock)
            {
                run += Words().Count(text.AsSpan(block.Span.Start, block.Span.Length));
                longest = Math.Max(longest, run);
            }
            else
            {
                run = 0;
            }
        }

        return longest <= MaxWordsWithoutBreak ? [] : [$"{file}: {longest} words in a row without a subheading or list"];
    }

    private string PathOf(string file) => Path.Combine(Root, file);

    private (string Text, Language Language) Read(string file)
    {
        var language = file.Contains("/sv/", StringComparison.Ordinal) || file.EndsWith(".sv.md", StringComparison.Ordinal) ? Language.Sv : Language.Fi;
        return (File.ReadAllText(PathOf(file)), language);
    }

    private static string Outline(ChapterVersion version) => string.Join(" ", version.Body.Headings.Select(h => new string('#', h.Level)));

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();
}
