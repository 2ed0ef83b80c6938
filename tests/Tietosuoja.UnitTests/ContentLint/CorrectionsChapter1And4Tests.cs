using System.Text.RegularExpressions;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.ContentLint;

/// <summary>
/// The corrections of the legal review (shared/legal-review.md) to chapter 1, chapter 4, the
/// privacy notice, the accessibility statement and the glossary hold in what readers get today:
/// the latest published version of chapter 1, the latest version of the draft chapter 4, and the
/// site pages. Unlike <see cref="GuidanceContentTests"/>, these are facts about today's text, on
/// purpose: a later version that drops a correction must fail here, not reach a municipality.
/// </summary>
public sealed partial class CorrectionsChapter1And4Tests
{
    private const string Controller = "rekisterinpitaja";
    private const string FurtherUse = "jatkokaytto";
    private static readonly GuidanceLint Lint = new(RepoPaths.RealContent);

    public static TheoryData<Language> BothLanguages() => [Language.Fi, Language.Sv];

    [Fact]
    public void No_latest_version_of_any_chapter_cites_the_local_government_act_section_85()
    {
        var latest = Lint.Snapshot.Chapters
            .SelectMany(c => Languages.All.SelectMany(l => new[] { c.LatestPublished(l), c.Current(l) }))
            .OfType<ChapterVersion>()
            .Distinct()
            .ToList();

        Assert.NotEmpty(latest);
        Assert.All(latest, v => Assert.DoesNotContain(Citations(v), r => r is { Law: Law.LocalGovernmentAct, Number: 85 }));
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Chapter_1_grounds_elected_officials_liability_on_the_criminal_code_and_the_constitution(Language language)
    {
        var citations = Citations(LatestPublished(Controller, language));

        Assert.Contains(citations, r => r is { Law: Law.CriminalCode, Chapter: 40, Number: 11 });
        Assert.Contains(citations, r => r is { Law: Law.Constitution, Number: 118 });
        Assert.Contains(citations, r => r is { Law: Law.Constitution, Number: 124 });
        Assert.Contains(citations, r => r is { Law: Law.LocalGovernmentAct, Number: 39 });
    }

    [Theory]
    [InlineData(Language.Fi, "Ohjeet eivät koske Ahvenanmaan kuntia.")]
    [InlineData(Language.Sv, "Anvisningarna gäller inte kommunerna på Åland.")]
    public void Chapter_1_chapter_4_and_the_about_page_say_the_guidance_does_not_apply_on_aland(Language language, string note)
    {
        Assert.Contains(note, Text(LatestPublished(Controller, language)), StringComparison.Ordinal);
        Assert.Contains("Ålands Datainspektion", Text(LatestPublished(Controller, language)), StringComparison.Ordinal);
        Assert.Contains(note, Text(Current(FurtherUse, language)), StringComparison.Ordinal);
        Assert.Contains(note, PageText("about", language), StringComparison.Ordinal);
        Assert.Contains("Ålands Datainspektion", PageText("about", language), StringComparison.Ordinal);
    }

    [Fact]
    public void The_swedish_site_description_carries_the_aland_scope_note() =>
        Assert.Contains("gäller inte kommunerna på Åland", Lint.Snapshot.Site.Description(Language.Sv), StringComparison.Ordinal);

    [Theory]
    [InlineData(Language.Fi, "olisiko käsittely mahdollinen ilman molempia osapuolia?", "Kela")]
    [InlineData(Language.Sv, "vore behandlingen möjlig utan båda parterna?", "FPA")]
    public void Chapter_1_applies_the_edpb_necessity_test_and_says_a_disclosure_to_kela_is_not_joint_control(Language language, string test, string kela)
    {
        var text = Text(LatestPublished(Controller, language));

        Assert.Contains("07/2020", text, StringComparison.Ordinal);
        Assert.Contains(test, text, StringComparison.Ordinal);
        Assert.Matches(NotJointControl(language), Section(text, language == Language.Fi ? "Milloin yhteisrekisterinpitäjyys ei synny" : "När gemensamt personuppgiftsansvar inte uppstår"));
        Assert.Contains(kela, Section(text, language == Language.Fi ? "Milloin yhteisrekisterinpitäjyys ei synny" : "När gemensamt personuppgiftsansvar inte uppstår"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Fi, "Varda", "KOSKI", "Kanta", "KEHA-keskus")]
    [InlineData(Language.Sv, "Varda", "KOSKI", "Kanta", "UF-centret")]
    public void Chapter_1_names_the_statutory_joint_controllerships_a_municipality_meets(Language language, string varda, string koski, string kanta, string employmentServices)
    {
        string[] registers = [varda, koski, kanta, employmentServices];
        var text = Text(LatestPublished(Controller, language));

        Assert.All(registers, r => Assert.Contains(r, text, StringComparison.Ordinal));
        Assert.All(new[] { "540/2018", "884/2017", "703/2023" }, act => Assert.Contains(act, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Language.Fi, "**Laki edellyttää**", "**Suositeltavaa**")]
    [InlineData(Language.Sv, "**Lagen kräver**", "**Rekommenderas**")]
    public void Chapter_1_separates_what_article_26_requires_from_what_is_recommended_and_cites_article_28_10(Language language, string required, string recommended)
    {
        var version = LatestPublished(Controller, language);
        var text = Text(version);

        Assert.True(text.IndexOf(required, StringComparison.Ordinal) is var at && at >= 0 && text.IndexOf(recommended, at, StringComparison.Ordinal) > at, $"{required} before {recommended}");
        Assert.Contains(Citations(version), r => r is { Law: Law.Gdpr, Number: 26, Paragraph: 1 });
        Assert.Contains(Citations(version), r => r is { Law: Law.Gdpr, Number: 28, Paragraph: 10 });
        Assert.Contains(Citations(version), r => r is { Law: Law.Gdpr, Number: 28, Paragraph: 9 });
    }

    [Theory]
    [InlineData(Language.Fi, "ei työsopimussuhteinen työntekijä", "Koulutuskuntayhtymä", "615/2021", "616/2021", "HUS-yhtymä")]
    [InlineData(Language.Sv, "inte av en arbetstagare i arbetsavtalsförhållande", "En utbildningssamkommun", "615/2021", "616/2021", "HUS-sammanslutningen")]
    public void Chapter_1_corrects_who_decides_the_joint_authority_caveat_and_the_helsinki_exception(Language language, string decides, string jointAuthority, string helsinkiAct, string transferAct, string hus)
    {
        string[] phrases = [decides, jointAuthority, helsinkiAct, transferAct, hus];
        var text = Text(LatestPublished(Controller, language));

        Assert.All(phrases, p => Assert.Contains(p, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Language.Fi, "Mallipykälät hallintosääntöön", "Yhteisrekisterinpitäjien järjestelyn runko", "Kuka allekirjoittaa sopimukset?", "Käsittelysopimuksen pakollinen sisältö")]
    [InlineData(Language.Sv, "Modellbestämmelser för förvaltningsstadgan", "Stomme för arrangemang mellan gemensamt personuppgiftsansvariga", "Vem undertecknar avtalen?", "Biträdesavtalets obligatoriska innehåll")]
    public void Chapter_1_has_the_templates_and_the_checklists_as_sections(Language language, string clauses, string outline, string signing, string processorChecklist)
    {
        string[] headings = [clauses, outline, signing, processorChecklist];
        var version = LatestPublished(Controller, language);

        Assert.All(headings, h => Assert.Contains(version.Body.Headings, x => x.Text == h));
        Assert.True(version.Version >= new VersionNumber(1, 2), version.Version.ToString());
    }

    [Theory]
    [MemberData(nameof(BothLanguages))]
    public void Chapter_4_is_a_draft_version_0_2_or_later_written_out_on_settled_law(Language language)
    {
        var version = Current(FurtherUse, language);
        var citations = Citations(version);

        Assert.Equal(VersionStatus.Draft, version.Status);
        Assert.True(version.Version >= new VersionNumber(0, 2), version.Version.ToString());
        Assert.Contains(citations, r => r is { Law: Law.Gdpr, Number: 6, Paragraph: 4 });
        Assert.Contains(citations, r => r is { Law: Law.Gdpr, Number: 6, Paragraph: 3 });
        Assert.Contains(citations, r => r is { Law: Law.DataProtectionAct, Number: 4 });
        Assert.Contains(citations, r => r is { Law: Law.OpennessAct, Number: 24 });
        Assert.Contains("552/2019", Text(version), StringComparison.Ordinal);
        Assert.StartsWith(language == Language.Fi ? "**Tämä luku on luonnos.**" : "**Det här kapitlet är ett utkast.**", Text(version).TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Chapter_4_cites_recital_50_for_further_processing_by_authorities() =>
        Assert.Contains(Citations(Current(FurtherUse, Language.Fi)), r => r is { Law: Law.GdprRecital, Number: 50 });

    [Theory]
    [InlineData(Language.Fi, "Euroopan talousalueen ulkopuolelle", "henkilötietojen käsittelijänä", "niin kauan kuin kommentoitu luku")]
    [InlineData(Language.Sv, "Europeiska ekonomiska samarbetsområdet", "personuppgiftsbiträde", "så länge det kommenterade kapitlet")]
    public void The_privacy_notice_gives_every_article_13_item(Language language, string transfers, string processor, string retention)
    {
        var text = PageText("privacy", language);
        var citations = LegalReferenceParser.Find(text, language);

        Assert.Contains(citations, r => r is { Law: Law.Gdpr, Number: 18 });
        Assert.Contains(citations, r => r is { Law: Law.Gdpr, Number: 6, Paragraph: 1, Point: "a" });
        Assert.Contains(citations, r => r is { Law: Law.Gdpr, Number: 6, Paragraph: 1, Point: "f" });
        Assert.Contains(citations, r => r is { Law: Law.Gdpr, Number: 28 });
        Assert.All(new[] { transfers, processor, retention, "kirjaamo@kuntaliitto.fi" }, p => Assert.Contains(p, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Language.Fi, "täyttää osittain", "itsearviointina", "laadittu 1.12.2026", "tarkistettu viimeksi 1.12.2026", "Sivusto täyttää WCAG 2.1 -ohjeistuksen A- ja AA-tason vaatimukset.")]
    [InlineData(Language.Sv, "uppfyller delvis", "självbedömning", "utarbetats 1.12.2026", "senast granskats 1.12.2026", "Webbplatsen uppfyller kraven på nivå A och AA i WCAG 2.1.")]
    public void The_accessibility_statement_claims_partial_conformance_with_its_method_and_dates(Language language, string partial, string method, string prepared, string reviewed, string fullClaim)
    {
        var text = PageText("accessibility", language);

        Assert.All(new[] { partial, method, prepared, reviewed, "axe-core" }, p => Assert.Contains(p, text, StringComparison.Ordinal));
        Assert.DoesNotContain(fullClaim, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_glossary_carries_the_corrected_and_the_new_terms()
    {
        Assert.Contains("pääsee tietoihin luvatta", Term("tietoturvaloukkaus", Language.Fi).Definition, StringComparison.Ordinal);
        Assert.Contains("obehörig åtkomst", Term("tietoturvaloukkaus", Language.Sv).Definition, StringComparison.Ordinal);
        Assert.DoesNotContain("johtosääntö", Term("hallintosaanto", Language.Fi).Definition, StringComparison.Ordinal);
        Assert.Contains("kannattaa kirjata", Term("hallintosaanto", Language.Fi).Definition, StringComparison.Ordinal);
        Assert.DoesNotContain("instruktion", Term("hallintosaanto", Language.Sv).Definition, StringComparison.Ordinal);
        Assert.Contains("kolmannen osapuolen oikeutettujen etujen", Term("oikeutettu-etu", Language.Fi).Definition, StringComparison.Ordinal);
        Assert.Contains("tredje parts berättigade intressen", Term("oikeutettu-etu", Language.Sv).Definition, StringComparison.Ordinal);
        Assert.Contains("Helsingin kaupunki", Term("hyvinvointialue", Language.Fi).Definition, StringComparison.Ordinal);
        Assert.Contains("HUS", Term("hyvinvointialue", Language.Sv).Definition, StringComparison.Ordinal);
        Assert.Equal("intressebevakningsfullmakt", Term("edunvalvontavaltuutus", Language.Sv).Term);
        Assert.Equal("Riksarkivet", Term("kansallisarkisto", Language.Sv).Term);
        Assert.Equal("automatiserat beslutsfattande", Term("automaattinen-paatoksenteko", Language.Sv).Term);
    }

    private static ChapterVersion LatestPublished(string chapter, Language language) =>
        Lint.Snapshot.FindChapterById(chapter)?.LatestPublished(language) ?? throw new Xunit.Sdk.XunitException($"{chapter} has no published {language} version");

    private static ChapterVersion Current(string chapter, Language language) =>
        Lint.Snapshot.FindChapterById(chapter)?.Current(language) ?? throw new Xunit.Sdk.XunitException($"{chapter} has no {language} version");

    private static GlossaryText Term(string id, Language language) => Assert.Single(Lint.Snapshot.Glossary, e => e.Id == id).In(language);

    /// <summary>The body of a version without its front matter, with line breaks as spaces so that a phrase may wrap.</summary>
    private static string Text(ChapterVersion version) => Flatten(FrontMatter().Replace(File.ReadAllText(Path.Combine(Lint.Root, version.SourceFile)), string.Empty));

    private static string PageText(string key, Language language) =>
        Flatten(FrontMatter().Replace(File.ReadAllText(Path.Combine(Lint.Root, (Lint.Snapshot.Page(key, language) ?? throw new Xunit.Sdk.XunitException($"no {key} page in {language}")).SourceFile)), string.Empty));

    private static IReadOnlyList<LegalReference> Citations(ChapterVersion version) => LegalReferenceParser.Find(Text(version), version.Language);

    /// <summary>The text of the section under a heading, up to the next heading.</summary>
    private static string Section(string text, string heading)
    {
        var start = text.IndexOf("### " + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        var end = text.IndexOf(" #", start + heading.Length + 4, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static Regex NotJointControl(Language language) => language == Language.Fi ? NotJointControlFi() : NotJointControlSv();

    private static string Flatten(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\A---\r?\n.*?\r?\n---\r?\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("ei tee osapuolista yhteisrekisterinpitäjiä")]
    private static partial Regex NotJointControlFi();

    [GeneratedRegex("gör inte parterna till gemensamt personuppgiftsansvariga")]
    private static partial Regex NotJointControlSv();
}
