using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.UnitTests.Guidance.Search;

/// <summary>
/// The analyzers with the real dictionaries (Voikko with voikko-fi, Hunspell with hunspell-sv),
/// which tests/run-all.sh installs: a word form a reader types meets the form the guidance uses.
/// </summary>
public sealed class GuidanceAnalyzerTests
{
    [Fact]
    public void This_machine_has_both_dictionaries()
    {
        Assert.Empty(LanguageTools.Default.Problems);
        Assert.True(GuidanceAnalyzer.For(Language.Fi).HasDictionary);
        Assert.True(GuidanceAnalyzer.For(Language.Sv).HasDictionary);
    }

    [Theory]
    // Consonant gradation, beyond both stemmers.
    [InlineData("rekisteröity", "rekisteröidyn")]
    [InlineData("valtuutettu", "valtuutetun")]
    [InlineData("tieto", "tiedon")]
    [InlineData("pyyntö", "pyynnön")]
    [InlineData("lupa", "luvan")]
    [InlineData("kunta", "kunnan")]
    [InlineData("velvoite", "velvoitteen")]
    // Cases.
    [InlineData("rekisterinpitäjä", "rekisterinpitäjälle")]
    [InlineData("rekisterinpitäjä", "rekisterinpitäjältä")]
    [InlineData("suostumus", "suostumusta")]
    [InlineData("suostumus", "suostumukseen")]
    [InlineData("suostumus", "suostumuksetta")]
    [InlineData("viranomainen", "viranomaisena")]
    [InlineData("viranomainen", "viranomaiseksi")]
    [InlineData("henkilötieto", "henkilötiedoissa")]
    [InlineData("asiakas", "asiakkaiden")]
    [InlineData("oikeusperuste", "oikeusperusteena")]
    // Plurals.
    [InlineData("rekisterinpitäjä", "rekisterinpitäjät")]
    [InlineData("oikeus", "oikeudet")]
    [InlineData("henkilötieto", "henkilötiedot")]
    [InlineData("kunta", "kuntien")]
    // Possessive suffixes.
    [InlineData("oikeus", "oikeutensa")]
    [InlineData("tieto", "tietonsa")]
    [InlineData("velvollisuus", "velvollisuutemme")]
    [InlineData("tehtävä", "tehtäväänsä")]
    // Derivations that the dictionary links.
    [InlineData("vastustaa", "vastustaminen")]
    [InlineData("vastustaminen", "vastustamisoikeus")]
    [InlineData("vastustamisoikeus", "vastustamisoikeudesta")]
    [InlineData("oikaista", "oikaisemiseen")]
    [InlineData("oikaista", "oikaistaan")]
    // Compounds by their parts.
    [InlineData("henkilötietojen", "henkilö")]
    [InlineData("käsittelyperusteena", "peruste")]
    [InlineData("käsittelyperusteena", "käsittely")]
    [InlineData("tietosuojavaltuutettu", "valtuutettu")]
    [InlineData("yhteisrekisterinpitäjät", "rekisteri")]
    [InlineData("tietosuojavastaavan", "vastaava")]
    public void Finnish_forms_meet(string one, string other) =>
        Assert.True(Share(Language.Fi, one, other), $"{one} / {other}: {Show(Language.Fi, one)} vs {Show(Language.Fi, other)}");

    [Theory]
    [InlineData("suostumus", "sopimus")]
    [InlineData("rekisterinpitäjä", "käsittelijä")]
    [InlineData("kunta", "kuusi")]
    [InlineData("tieto", "tiede")]
    [InlineData("laki", "lakko")]
    [InlineData("oikeus", "oikea")]
    [InlineData("asia", "asiakas")]
    [InlineData("vastuu", "vastus")]
    [InlineData("rekisteri", "rekisteröity")]
    [InlineData("pitää", "pitäjä")]
    public void Different_Finnish_words_stay_apart(string one, string other) =>
        Assert.False(Share(Language.Fi, one, other), $"{Show(Language.Fi, one)} vs {Show(Language.Fi, other)}");

    [Theory]
    [InlineData("personuppgiftsansvarig", "personuppgiftsansvariga")]
    [InlineData("personuppgiftsansvarig", "personuppgiftsansvarige")]
    [InlineData("samtycke", "samtycket")]
    [InlineData("samtycke", "samtycken")]
    [InlineData("behandling", "behandlingen")]
    [InlineData("kommun", "kommunens")]
    [InlineData("personuppgift", "personuppgifterna")]
    [InlineData("rättslig", "rättsliga")]
    [InlineData("myndighet", "myndigheter")]
    [InlineData("beslut", "besluten")]
    [InlineData("invändning", "invändningar")]
    [InlineData("rättelse", "rättelsen")]
    [InlineData("dataskyddsombud", "dataskyddsombudet")]
    [InlineData("personuppgiftsansvariga", "ansvarig")]
    [InlineData("dataskyddsförordningen", "förordning")]
    [InlineData("behandlingsgrunden", "grund")]
    [InlineData("dataskyddsombud", "ombud")]
    public void Swedish_forms_meet(string one, string other) =>
        Assert.True(Share(Language.Sv, one, other), $"{one} / {other}: {Show(Language.Sv, one)} vs {Show(Language.Sv, other)}");

    [Theory]
    [InlineData("samtycke", "avtal")]
    [InlineData("behandling", "handling")]
    [InlineData("kommun", "kommunikation")]
    public void Different_Swedish_words_stay_apart(string one, string other) =>
        Assert.False(Share(Language.Sv, one, other), $"{Show(Language.Sv, one)} vs {Show(Language.Sv, other)}");

    [Fact]
    public void A_word_the_dictionary_does_not_know_falls_back_to_the_stemmers()
    {
        // A made-up system name: Voikko does not know it, its inflections still meet.
        Assert.True(Share(Language.Fi, "kuntarekkari", "kuntarekkarin"), Show(Language.Fi, "kuntarekkarin"));
        Assert.True(Share(Language.Sv, "kommunreggan", "kommunreggans"), Show(Language.Sv, "kommunreggans"));
    }

    [Fact]
    public void Compound_parts_are_apart_from_the_word_in_a_query()
    {
        var word = Assert.Single(GuidanceAnalyzer.For(Language.Fi).QueryWords("henkilötietojen"));

        Assert.Equal(["henkilötieto"], word.Stems);
        Assert.Equal(["henkilö", "tieto"], word.Parts);
    }

    [Fact]
    public void Stop_words_and_punctuation_give_no_terms()
    {
        Assert.Empty(GuidanceAnalyzer.For(Language.Fi).TermsByWord("ja tai että \"\" ( ) + - * ? !"));
        Assert.Empty(GuidanceAnalyzer.For(Language.Sv).TermsByWord("och att i på ?!"));
    }

    [Fact]
    public void Tokens_point_at_the_words_they_came_from()
    {
        const string text = "Kunnan rekisterinpitäjän vastuu";

        var tokens = GuidanceAnalyzer.For(Language.Fi).Tokens(text).Where(t => t.StartsWord).ToList();

        Assert.Equal(["Kunnan", "rekisterinpitäjän", "vastuu"], tokens.Select(t => text[t.Start..t.End]));
    }

    internal static bool Share(Language language, string one, string other, LanguageTools? tools = null)
    {
        var analyzer = (tools ?? LanguageTools.Default).Analyzer(language);
        return analyzer.TermsByWord(one).SelectMany(w => w).Intersect(analyzer.TermsByWord(other).SelectMany(w => w)).Any();
    }

    internal static string Show(Language language, string text, LanguageTools? tools = null) =>
        string.Join(" ", (tools ?? LanguageTools.Default).Analyzer(language).TermsByWord(text).Select(w => "[" + string.Join(",", w) + "]"));
}
