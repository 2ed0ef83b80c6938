using System.Text.RegularExpressions;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.ContentLint;

/// <summary>
/// The legal review of 1.12.2026 found statements in chapters 2 (legal bases) and 3 (data
/// subjects' rights) that would mislead a municipality. These tests hold every later published
/// version to the corrected law, whatever its wording: a new version may rephrase, but it may not
/// bring back a refusal threshold lower than the Act's, an agency that no longer exists, or a
/// pending bill presented as part of the base text. They read what readers get at each chapter's
/// address (the latest published version in each language), as plain text and as citations.
/// </summary>
public sealed partial class CorrectionsChapter2And3Tests
{
    private const string LegalBases = "oikeusperusteet";
    private const string Rights = "rekisteroidyn-oikeudet";
    private const string BoxContainer = "notice";
    private static readonly GuidanceLint Lint = new(RepoPaths.RealContent);
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string, Language> ChaptersTwoAndThreeInBothLanguages() => new()
    {
        { LegalBases, Language.Fi },
        { LegalBases, Language.Sv },
        { Rights, Language.Fi },
        { Rights, Language.Sv },
    };

    /// <summary>A1: access is refused only on the Act's "serious danger" grounds, after redacting others' data under Article 15(4).</summary>
    [Theory]
    [InlineData(Language.Fi, "vakavaa vaaraa")]
    [InlineData(Language.Sv, "allvarlig fara")]
    public void Chapter_3_restricts_access_only_for_serious_danger_and_redacts_others_data_first(Language language, string seriousDanger)
    {
        var blocks = Latest(Rights, language).Text;

        var redaction = Assert.Single(blocks, b => b.Kind == TextBlockKind.Paragraph && Cites(b, language, Law.Gdpr, 15, 4));
        var refusal = Assert.Single(blocks, b => b.Kind == TextBlockKind.Paragraph && Cites(b, language, Law.DataProtectionAct, 34) && b.SectionAnchor == redaction.SectionAnchor);
        Assert.Contains(seriousDanger, refusal.Text, StringComparison.Ordinal);
        Assert.True(blocks.IndexOf(redaction) < blocks.IndexOf(refusal), "redaction under Article 15(4) comes before refusal under section 34");
        Assert.DoesNotContain(blocks, b => b.Text.Contains("voisi vaarantaa toisen henkilön oikeuksia", StringComparison.Ordinal) || b.Text.Contains("kunde äventyra en annan persons rättigheter", StringComparison.Ordinal));
    }

    /// <summary>B8: the Archives Service has been the National Archives since 1.1.2018; no chapter may name the old agency.</summary>
    [Fact]
    public void No_latest_version_of_any_chapter_names_the_former_archives_service()
    {
        var versions = Lint.Snapshot.Chapters.SelectMany(c => Languages.All.Select(c.LatestPublished)).OfType<ChapterVersion>().ToList();

        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.DoesNotMatch(FormerArchivesService(), string.Join('\n', v.Text.Select(b => b.Text))));
        Assert.Contains("Kansallisarkisto", PlainText(Latest(Rights, Language.Fi)), StringComparison.Ordinal);
        Assert.Contains("Riksarkivet", PlainText(Latest(Rights, Language.Sv)), StringComparison.Ordinal);
    }

    /// <summary>B17: the Finnish acts and the Ombudsman do not reach Åland's municipalities; both languages say so in the introduction.</summary>
    [Theory]
    [MemberData(nameof(ChaptersTwoAndThreeInBothLanguages))]
    public void The_introduction_says_the_guidance_does_not_apply_to_the_municipalities_of_aland(string chapter, Language language)
    {
        var introduction = Latest(chapter, language).Text.Where(b => b.SectionAnchor is null).Select(b => b.Text).ToList();

        var note = Assert.Single(introduction, t => t.Contains(language == Language.Fi ? "Ohjeet eivät koske Ahvenanmaan kuntia" : "Anvisningarna gäller inte kommunerna på Åland", StringComparison.Ordinal));
        Assert.Contains("Ålands Datainspektion", note, StringComparison.Ordinal);
    }

    /// <summary>Each corrected version tells readers what was corrected, in words the version history shows.</summary>
    [Theory]
    [MemberData(nameof(ChaptersTwoAndThreeInBothLanguages))]
    public void The_change_summary_names_the_corrections(string chapter, Language language) =>
        Assert.StartsWith(language == Language.Fi ? "Korjattu: " : "Rättat: ", Latest(chapter, language).Summary, StringComparison.Ordinal);

    /// <summary>B1: Article 30 does not list the legal basis; it is told to data subjects under Articles 13(1)(c) and 14(1)(c).</summary>
    [Theory]
    [InlineData(Language.Fi, "30 artikla ei sitä edellytä")]
    [InlineData(Language.Sv, "artikel 30 i dataskyddsförordningen inte kräver det")]
    public void Chapter_2_does_not_present_the_record_of_processing_as_where_the_legal_basis_must_be_recorded(Language language, string notRequired)
    {
        var blocks = Latest(LegalBases, language).Text;

        Assert.Contains(blocks, b => Cites(b, language, Law.Gdpr, 13, 1, "c") && Cites(b, language, Law.Gdpr, 14, 1, "c"));
        Assert.All(blocks.Where(b => b.Kind != TextBlockKind.Heading && Cites(b, language, Law.Gdpr, 30)), b => Assert.Contains(notRequired, b.Text, StringComparison.Ordinal));
    }

    /// <summary>A3: a bill before Parliament appears only in a box dated with the day its status was checked, never in the base text.</summary>
    [Theory]
    [InlineData(Language.Fi, "HE 9/2026", "Ajankohtaista – tilanne tarkistettu ")]
    [InlineData(Language.Sv, "RP 9/2026", "Aktuellt – läget kontrollerat ")]
    public void The_pending_bill_is_described_only_inside_a_dated_box(Language language, string bill, string label)
    {
        var document = Renderer.Parse(File.ReadAllText(Path.Combine(Lint.Root, Latest(LegalBases, language).SourceFile)), language);
        var mentions = document.Descendants<ParagraphBlock>().Where(p => MarkdownRenderer.PlainText(p.Inline).Contains(bill, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(mentions);
        Assert.All(mentions, paragraph =>
        {
            var box = paragraph.Parent as CustomContainer ?? Assert.IsType<CustomContainer>(paragraph.Parent?.Parent?.Parent);
            Assert.Equal(BoxContainer, box.Info);
            var heading = MarkdownRenderer.PlainText(box.Descendants<ParagraphBlock>().First().Inline);
            Assert.Matches($"^{Regex.Escape(label)}\\d{{1,2}}\\.\\d{{1,2}}\\.\\d{{4}}$", heading);
        });
        Assert.Contains(mentions.SelectMany(p => p.Parent!.Descendants<ParagraphBlock>()), p => MarkdownRenderer.PlainText(p.Inline).Contains(language == Language.Fi ? "julkisen vallan käyttämiseksi" : "utöva offentlig makt", StringComparison.Ordinal));
    }

    /// <summary>B2, B3, B4, B5: the safeguards are chosen, vital interests need Article 9(2)(c) for health data, secret data follow the Openness Act, interfaces are used when there is a right to the data.</summary>
    [Theory]
    [InlineData(Language.Fi, "asianmukaiset ja erityiset toimenpiteet", "luetellut suojatoimet", "ei ole tietosuoja-asetuksen mukainen suostumus", "pyrittävä hyödyntämään")]
    [InlineData(Language.Sv, "lämpliga och särskilda åtgärder", "de skyddsåtgärder som räknas upp", "inte ett samtycke enligt dataskyddsförordningen", "sträva efter att utnyttja")]
    public void Chapter_2_states_the_safeguards_vital_interests_secrecy_and_interfaces_as_the_acts_do(Language language, string appropriateMeasures, string allMandatory, string notGdprConsent, string seekToUse)
    {
        var blocks = Latest(LegalBases, language).Text;
        var text = PlainText(Latest(LegalBases, language));

        Assert.Contains(blocks, b => Cites(b, language, Law.DataProtectionAct, 6, 2) && b.Text.Contains(appropriateMeasures, StringComparison.Ordinal));
        Assert.DoesNotContain(allMandatory, text, StringComparison.Ordinal);
        var vitalInterests = blocks.First(b => b.Kind == TextBlockKind.Paragraph && Cites(b, language, Law.Gdpr, 6, 1, "d")).SectionAnchor;
        Assert.Contains(blocks, b => b.SectionAnchor == vitalInterests && Cites(b, language, Law.Gdpr, 9, 2, "c"));
        Assert.Contains(blocks, b => Cites(b, language, Law.OpennessAct, 26));
        Assert.Contains(blocks, b => Cites(b, language, Law.OpennessAct, 29) && b.Text.Contains(notGdprConsent, StringComparison.Ordinal));
        Assert.Contains(blocks, b => Cites(b, language, Law.InformationManagementAct, 20) && b.Text.Contains(seekToUse, StringComparison.Ordinal));
    }

    /// <summary>B9, B10, B11, B12, B18: erasure, the passivity appeal, the action against the controller, the Openness Act route and the free first copy.</summary>
    [Theory]
    [InlineData(Language.Fi, "Poistaminen | ei, kun käsittely on velvoitteen vuoksi tarpeen", "kolmen kuukauden", "kanne", "Ensimmäinen jäljennös on maksuton")]
    [InlineData(Language.Sv, "Radering | nej, när behandlingen är nödvändig för förpliktelsen", "tre månader", "föra talan", "Den första kopian är avgiftsfri")]
    public void Chapter_3_states_erasure_remedies_and_copies_as_the_law_does(Language language, string erasureRow, string threeMonths, string action, string firstCopy)
    {
        var blocks = Latest(Rights, language).Text;

        Assert.Contains(blocks, b => b.Kind == TextBlockKind.TableRow && b.Text.StartsWith(erasureRow, StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Text.Contains(threeMonths, StringComparison.Ordinal) && Cites(b, language, Law.DataProtectionAct, 21) && Cites(b, language, Law.Gdpr, 78, 2));
        Assert.All(blocks.Where(b => b.Kind != TextBlockKind.Quote && Cites(b, language, Law.Gdpr, 79)), b => Assert.Contains(action, b.Text, StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Kind == TextBlockKind.ListItem && Cites(b, language, Law.OpennessAct, 14, 3));
        Assert.Contains(blocks, b => b.Text.Contains(firstCopy, StringComparison.Ordinal) && Cites(b, language, Law.Gdpr, 15, 3));
    }

    /// <summary>B13, B14: automated decisions need the Administrative Procedure Act's conditions; the GDPR's own exceptions to informing come first.</summary>
    [Theory]
    [InlineData(Language.Fi, "vastaavalla tavalla merkittävästi")]
    [InlineData(Language.Sv, "på liknande sätt i betydande grad")]
    public void Chapter_3_names_the_legal_basis_for_automated_decisions_and_the_gdprs_own_exceptions_to_informing(Language language, string similarlySignificant)
    {
        var blocks = Latest(Rights, language).Text;

        var automated = Assert.Single(blocks, b => Cites(b, language, Law.Gdpr, 22, 2, "b")).SectionAnchor;
        Assert.Contains(blocks, b => b.SectionAnchor == automated && b.Text.Contains(similarlySignificant, StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.SectionAnchor == automated && b.Text.Contains("8 b", StringComparison.Ordinal) && LegalReferenceParser.Find(b.Text, language).Any(r => r.Law == Law.AdministrativeProcedureAct));
        Assert.Contains(blocks, b => Cites(b, language, Law.Gdpr, 13, 4));
        Assert.Contains(blocks, b => Cites(b, language, Law.Gdpr, 14, 5, "c"));
    }

    /// <summary>The template a DPO asked for: a reply to an access request with the remedies and the appeal instructions, in its own section.</summary>
    [Theory]
    [InlineData(Language.Fi, "Mallivastaus", "30 päivän")]
    [InlineData(Language.Sv, "Mall", "30 dagar")]
    public void Chapter_3_has_an_access_reply_template_with_appeal_instructions(Language language, string headingStart, string appealPeriod)
    {
        var version = Latest(Rights, language);
        var heading = Assert.Single(version.Body.Headings, h => h.Level == 2 && h.Text.StartsWith(headingStart, StringComparison.Ordinal));
        var letter = version.Text.Where(b => b.SectionAnchor == heading.Anchor && b.Kind == TextBlockKind.Quote).ToList();

        Assert.Contains(letter, b => Cites(b, language, Law.Gdpr, 77));
        Assert.Contains(letter, b => Cites(b, language, Law.Gdpr, 79));
        Assert.Contains(letter, b => Cites(b, language, Law.OpennessAct, 14, 3) && b.Text.Contains(appealPeriod, StringComparison.Ordinal));
    }

    private static ChapterVersion Latest(string chapterId, Language language) =>
        Assert.IsType<ChapterVersion>(Assert.IsType<Chapter>(Lint.Snapshot.FindChapterById(chapterId)).LatestPublished(language));

    private static string PlainText(ChapterVersion version) => string.Join('\n', version.Text.Select(b => b.Text));

    private static bool Cites(TextBlock block, Language language, Law law, int number, int? paragraph = null, string? point = null) =>
        LegalReferenceParser.Find(block.Text, language).Any(r =>
            r.Law == law && r.Number == number && (paragraph is null || r.Paragraph == paragraph) && (point is null || r.Point == point));

    [GeneratedRegex(@"arkistolaito|arkivverk", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormerArchivesService();
}
