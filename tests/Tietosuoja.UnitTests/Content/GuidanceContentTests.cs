using System.Text.RegularExpressions;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Content;

/// <summary>The guidance text in content/ is legally exact, complete in both languages and readable.</summary>
public sealed partial class GuidanceContentTests
{
    private const int MaxWordsWithoutBreak = 600;
    private static readonly MarkdownRenderer Renderer = new();
    private static readonly ContentSnapshot Snapshot = LoadRepositoryContent();

    public static TheoryData<string> ChapterFiles() =>
        [.. Snapshot.Chapters.SelectMany(c => Languages.All.SelectMany(l => c.Versions(l))).Select(v => v.SourceFile)];

    public static TheoryData<string> SiteFiles() => [.. Snapshot.Pages.Select(p => p.SourceFile)];

    [Theory]
    [MemberData(nameof(ChapterFiles))]
    [MemberData(nameof(SiteFiles))]
    public void Every_cited_provision_exists(string file)
    {
        var (text, language) = Read(file);

        var invalid = LegalReferenceParser.Find(text, language).Where(r => !ValidLegalReferences.IsValid(r)).Select(r => $"'{r.Text}' = {r}").ToList();

        Assert.Empty(invalid);
    }

    [Theory]
    [MemberData(nameof(ChapterFiles))]
    [MemberData(nameof(SiteFiles))]
    public void Every_citation_is_written_in_a_recognised_form(string file)
    {
        var (text, language) = Read(file);
        var references = LegalReferenceParser.Find(text, language);

        var unread = LegalReferenceParser.CitationMarkers(text, language)
            .Where(index => !references.Any(r => index >= r.Index && index < r.Index + r.Text.Length))
            .Select(index => text.Substring(Math.Max(0, index - 40), Math.Min(60, text.Length - Math.Max(0, index - 40))).ReplaceLineEndings(" "))
            .ToList();

        Assert.Empty(unread);
    }

    [Fact]
    public void Every_glossary_reference_cites_a_provision_that_exists()
    {
        var references = Snapshot.Glossary
            .SelectMany(e => Languages.All.Where(l => e.In(l).Reference is not null).SelectMany(l => LegalReferenceParser.Find(e.In(l).Reference!, l)))
            .ToList();

        Assert.NotEmpty(references);
        Assert.Empty(references.Where(r => !ValidLegalReferences.IsValid(r)).Select(r => r.Text));
    }

    [Theory]
    [InlineData("rekisterinpitäjä", "personuppgiftsansvarig")]
    [InlineData("yhteisrekisterinpitäjä", "gemensamt personuppgiftsansvarig")]
    [InlineData("henkilötietojen käsittelijä", "personuppgiftsbiträde")]
    [InlineData("rekisteröity", "registrerad")]
    [InlineData("käsittelyn oikeusperuste", "rättslig grund för behandling")]
    [InlineData("suostumus", "samtycke")]
    [InlineData("oikeutettu etu", "berättigat intresse")]
    [InlineData("lakisääteinen velvoite", "rättslig förpliktelse")]
    [InlineData("tietosuojavastaava", "dataskyddsombud")]
    [InlineData("henkilötietojen tietoturvaloukkaus", "personuppgiftsincident")]
    [InlineData("hallintosääntö", "förvaltningsstadga")]
    [InlineData("virkavastuu", "tjänsteansvar")]
    [InlineData("huoltaja", "vårdnadshavare")]
    [InlineData("edunvalvoja", "intressebevakare")]
    [InlineData("tietosuojavaltuutettu", "dataombudsmannen")]
    public void The_glossary_pairs_each_key_term_with_its_swedish_legal_term(string finnish, string swedish)
    {
        var entry = Assert.Single(Snapshot.Glossary, e => e.In(Language.Fi).Term == finnish);

        Assert.Equal(swedish, entry.In(Language.Sv).Term);
    }

    [Fact]
    public void The_validator_catches_a_provision_that_does_not_exist()
    {
        var references = LegalReferenceParser.Find("tietosuoja-asetuksen 6 artiklan 1 kohdan g alakohta ja tietosuojalain 40 §", Language.Fi);

        Assert.Equal(2, references.Count);
        Assert.All(references, r => Assert.False(ValidLegalReferences.IsValid(r), r.ToString()));
        Assert.True(ValidLegalReferences.IsValid(LegalReferenceParser.Find("artikel 6.1 f i dataskyddsförordningen", Language.Sv).Single()));
    }

    [Fact]
    public void Chapters_follow_the_project_plan()
    {
        Assert.Equal(
            ["rekisterinpitaja", "oikeusperusteet", "rekisteroidyn-oikeudet", "jatkokaytto"],
            Snapshot.Chapters.Select(c => c.Id));
        var further = Snapshot.Chapters[3];
        Assert.All(further.Versions(Language.Fi), v => Assert.Equal(VersionStatus.Draft, v.Status));
    }

    [Fact]
    public void Chapters_one_to_three_have_a_published_history_with_described_changes_and_a_swedish_translation()
    {
        foreach (var chapter in Snapshot.Chapters.Take(3))
        {
            var published = chapter.Versions(Language.Fi).Where(v => v.IsFinal).ToList();
            Assert.True(published.Count >= 2, $"{chapter.Id} needs a first and a later published version");
            Assert.NotEqual(published[0].Body.Html, published[^1].Body.Html);
            Assert.All(published.Skip(1), v => Assert.True(v.Summary.Length > 40, $"{v.SourceFile}: describe the changes"));
            Assert.Equal(chapter.LatestPublished(Language.Fi)!.Version, chapter.LatestPublished(Language.Sv)?.Version);
        }

        Assert.Contains(Snapshot.Chapters.Skip(1).Take(2), c => c.Upcoming(Language.Fi)?.Status == VersionStatus.Consultation);
    }

    [Fact]
    public void Every_swedish_chapter_has_the_same_sections_as_its_finnish_original()
    {
        foreach (var chapter in Snapshot.Chapters)
        {
            foreach (var translation in chapter.Versions(Language.Sv))
            {
                var original = chapter.Find(Language.Fi, translation.Version)!;
                Assert.True(
                    original.Body.Headings.Select(h => h.Level).SequenceEqual(translation.Body.Headings.Select(h => h.Level)),
                    $"{translation.SourceFile} has sections {Outline(translation)}, the original has {Outline(original)}");
            }
        }
    }

    [Fact]
    public void Every_published_chapter_has_a_practical_checklist_in_both_languages()
    {
        foreach (var version in Snapshot.Chapters.Take(3).SelectMany(c => Languages.All.Select(l => c.LatestPublished(l)!)))
        {
            var document = Renderer.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, version.SourceFile)), version.Language);
            var checklists = document.Descendants<CustomContainer>().Where(c => c.Info == "kaytannossa").ToList();
            Assert.True(checklists.Count > 0, $"{version.SourceFile} has no '::: kaytannossa' checklist");
            Assert.All(checklists, c => Assert.NotEmpty(c.Descendants<ListBlock>()));
        }
    }

    [Theory]
    [MemberData(nameof(ChapterFiles))]
    public void No_stretch_of_text_runs_longer_than_600_words_without_a_subheading_or_list(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Content, file));
        var document = Renderer.Parse(text, file.Contains("/sv/", StringComparison.Ordinal) ? Language.Sv : Language.Fi);
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

        Assert.True(longest <= MaxWordsWithoutBreak, $"{file}: {longest} words in a row without a subheading or list");
    }

    private static string Outline(ChapterVersion version) => string.Join(" ", version.Body.Headings.Select(h => new string('#', h.Level)));

    private static (string Text, Language Language) Read(string file)
    {
        var path = Path.Combine(RepoPaths.Content, file);
        var language = file.Contains("/sv/", StringComparison.Ordinal) || file.EndsWith(".sv.md", StringComparison.Ordinal) ? Language.Sv : Language.Fi;
        return (File.ReadAllText(path), language);
    }

    private static ContentSnapshot LoadRepositoryContent()
    {
        var result = new ContentLoader(Renderer).Load(RepoPaths.Content, 1);
        return result.Snapshot ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();
}
