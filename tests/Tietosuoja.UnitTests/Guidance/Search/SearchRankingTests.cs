using System.Text.RegularExpressions;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance.Search;

/// <summary>
/// Questions and inflected, derived forms as a data protection officer types them, over the
/// fixture guidance: the section that answers comes first. The first three are the failures
/// reported in issue 16 with the stemmers alone.
/// </summary>
public sealed partial class SearchRankingTests
{
    private static readonly ContentSnapshot Snapshot = new ContentLoader(new MarkdownRenderer()).Load(RepoPaths.FixtureContent, 1).Snapshot!;

    [Theory]
    [InlineData(Language.Fi, "vastustamisoikeudesta", "Vastustamisoikeus")]
    [InlineData(Language.Fi, "oikaistaan virheellinen tieto", "Oikeus tietojen oikaisemiseen")]
    [InlineData(Language.Fi, "rekisteröidyille annettavat tiedot", "Oikeus saada tietoa käsittelystä")]
    [InlineData(Language.Fi, "miten tietoja poistetaan?", "Oikeus tietojen poistamiseen")]
    [InlineData(Language.Fi, "saako rekisteröity pääsyn tietoihinsa", "Oikeus saada pääsy tietoihin")]
    [InlineData(Language.Fi, "voiko käsittelyä rajoittaa", "Oikeus käsittelyn rajoittamiseen")]
    [InlineData(Language.Fi, "tietojen siirtäminen järjestelmästä toiseen", "Oikeus siirtää tiedot järjestelmästä toiseen")]
    [InlineData(Language.Fi, "hyvinvointialueella", "Hyvinvointialue")]
    [InlineData(Language.Fi, "automaattisesti tehdyt päätökset", "Automaattiset päätökset")]
    [InlineData(Language.Fi, "määräajassa vastaaminen", "Määräajat")]
    [InlineData(Language.Fi, "valtakirjalla asiointi", "Edunvalvoja ja valtakirja")]
    [InlineData(Language.Fi, "pyytäjän tunnistamisesta", "Pyytäjän tunnistaminen")]
    [InlineData(Language.Fi, "elintärkeän edun perusteella", "Elintärkeä etu")]
    [InlineData(Language.Fi, "lakisääteisen velvoitteen noudattaminen", "Lakisääteinen velvoite")]
    [InlineData(Language.Fi, "virkavastuusta", "Virkavastuu ja seuraamukset")]
    [InlineData(Language.Fi, "kunnan omistamat yhtiöt", "Kunnan omistama yhtiö")]
    [InlineData(Language.Fi, "rajapintojen kautta", "Tiedon liikkuvuus ja rajapinnat")]
    [InlineData(Language.Sv, "invändningar mot behandlingen", "Rätt att göra invändningar")]
    [InlineData(Language.Sv, "rättelse av felaktiga uppgifter", "Rätt till rättelse")]
    [InlineData(Language.Sv, "raderingen av personuppgifter", "Rätt till radering")]
    [InlineData(Language.Sv, "samkommunen", "Samkommun")]
    [InlineData(Language.Sv, "välfärdsområdets ansvar", "Välfärdsområde")]
    [InlineData(Language.Sv, "automatiserat beslut", "Automatiserade beslut")]
    [InlineData(Language.Sv, "vårdnadshavarens rätt", "Vårdnadshavare")]
    [InlineData(Language.Sv, "tidsfristerna", "Tidsfrister")]
    [InlineData(Language.Sv, "dataportabiliteten", "Rätt till dataportabilitet")]
    [InlineData(Language.Sv, "kommunägda bolag", "Kommunägt bolag")]
    public void The_section_that_answers_comes_first(Language language, string query, string heading)
    {
        var hits = Snapshot.Search.Search(language, query, includeEarlier: false).Hits;

        Assert.NotEmpty(hits);
        Assert.True(heading == Text(hits[0].HeadingHtml), $"{query}: {string.Join(" | ", hits.Take(5).Select(h => Text(h.HeadingHtml)))}");
    }

    [Theory]
    [InlineData(Language.Fi, "rekisterinpitjä", "rekisterinpitäjä")]
    [InlineData(Language.Fi, "vastustamisoikeus suostumsu", "vastustamisoikeus suostumus")]
    [InlineData(Language.Sv, "personuppgiftsansvarg", "personuppgiftsansvarig")]
    [InlineData(Language.Sv, "samtyke", "samtycke")]
    public void A_misspelled_word_gets_a_suggestion(Language language, string query, string suggestion)
    {
        var results = Snapshot.Search.Search(language, query, includeEarlier: false);

        Assert.Equal(suggestion, results.Suggestion);
        Assert.NotEmpty(Snapshot.Search.Search(language, results.Suggestion!, includeEarlier: false).Hits);
    }

    [Theory]
    [InlineData(Language.Fi, "rekisterinpitäjän vastuu")]
    [InlineData(Language.Sv, "personuppgiftsansvariga")]
    public void Known_words_get_no_suggestion(Language language, string query) =>
        Assert.Null(Snapshot.Search.Search(language, query, includeEarlier: false).Suggestion);

    [Fact]
    public void Whole_words_are_marked_by_base_form_not_by_a_shared_beginning()
    {
        var hits = Snapshot.Search.Search(Language.Fi, "kunta", includeEarlier: true).Hits;

        Assert.Contains(hits, h => h.SnippetHtml.Contains("<mark>kunnan</mark>", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(hits, h => h.SnippetHtml.Contains("<mark>kun</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_snippet_from_a_table_names_its_row_and_column_without_table_syntax()
    {
        // The fixture's table of rights (rows) by legal basis (columns), cells "kyllä" and "ei".
        var hits = Snapshot.Search.Search(Language.Fi, "pääsy tietoihin suostumus kyllä", includeEarlier: true).Hits;

        Assert.DoesNotContain(hits, h => h.SnippetHtml.Contains('|', StringComparison.Ordinal));
        Assert.Contains(hits, h => Text(h.SnippetHtml).Contains("Pääsy tietoihin – Suostumus: kyllä.", StringComparison.Ordinal));
    }

    private static string Text(string html) => Tags().Replace(html, string.Empty);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
