using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.ContentLint;

/// <summary>
/// The lint of the real content/: the guidance text is legally exact, complete in both languages
/// and readable. Only rules that any content must follow belong here, never facts about today's
/// chapters, so that publishing a version or adding a chapter keeps this green while it follows them.
/// </summary>
public sealed class GuidanceContentTests
{
    private static readonly GuidanceLint Lint = new(RepoPaths.RealContent);

    public static TheoryData<string> ChapterFiles() => [.. Lint.ChapterFiles];

    public static TheoryData<string> SiteFiles() => [.. Lint.SiteFiles];

    [Fact]
    public void The_content_loads_without_errors()
    {
        Assert.Empty(Lint.LoadErrors);
        Assert.NotEmpty(Lint.Snapshot.Chapters);
    }

    [Theory]
    [MemberData(nameof(ChapterFiles))]
    [MemberData(nameof(SiteFiles))]
    public void Every_cited_provision_exists(string file) =>
        Assert.Empty(Lint.CitationsOfProvisionsThatDoNotExist(file));

    [Theory]
    [MemberData(nameof(ChapterFiles))]
    [MemberData(nameof(SiteFiles))]
    public void Every_citation_is_written_in_a_recognised_form(string file) =>
        Assert.Empty(Lint.CitationsNotRecognised(file));

    [Fact]
    public void Every_glossary_reference_cites_a_provision_that_exists()
    {
        Assert.NotEmpty(Lint.GlossaryCitations());
        Assert.Empty(Lint.GlossaryCitationsOfProvisionsThatDoNotExist());
    }

    /// <summary>The glossary is the terminology reference: each key term is in it, with the Swedish term the Swedish statutes use.</summary>
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
        var entry = Assert.Single(Lint.Snapshot.Glossary, e => e.In(Language.Fi).Term == finnish);

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
    public void Every_published_version_after_a_chapters_first_describes_its_changes() =>
        Assert.Empty(Lint.LaterVersionsWithoutDescribedChanges());

    [Fact]
    public void Every_swedish_chapter_has_the_same_sections_as_its_finnish_original() =>
        Assert.Empty(Lint.TranslationsWithOtherSections());

    [Fact]
    public void Every_published_chapter_has_a_practical_checklist_in_each_language_it_is_published_in() =>
        Assert.Empty(Lint.PublishedVersionsWithoutChecklist());

    [Theory]
    [MemberData(nameof(ChapterFiles))]
    public void No_stretch_of_text_runs_longer_than_600_words_without_a_subheading_or_list(string file) =>
        Assert.Empty(Lint.TextRunningTooLongWithoutBreak(file));
}
