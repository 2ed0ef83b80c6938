using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.UnitTests.Guidance.Search;

/// <summary>Search over the test fixture's guidance (a frozen copy of real guidance), as readers would meet it.</summary>
public sealed class GuidanceSearchIndexTests
{
    private static readonly ContentSnapshot Snapshot = new ContentLoader(new MarkdownRenderer()).Load(RepoPaths.FixtureContent, 1).Snapshot!;

    [Theory]
    [InlineData(Language.Fi, "voiko kunta käyttää suostumusta käsittelyperusteena?", "suostumus")]
    [InlineData(Language.Fi, "oikeutettu etu", "oikeutettu-etu")]
    [InlineData(Language.Fi, "yhteisrekisterinpitäjien järjestely", "yhteisrekisterinpitajien-jarjestely")]
    [InlineData(Language.Sv, "kan kommunen använda samtycke?", "samtycke")]
    public void A_question_answered_under_a_heading_ranks_that_section_first(Language language, string question, string anchor)
    {
        var results = Snapshot.Search.Search(language, question, includeEarlier: false);

        Assert.Null(results.Problem);
        Assert.Equal(anchor, results.Hits[0].Anchor);
    }

    [Theory]
    [InlineData("rekisterinpitäjän")]
    [InlineData("rekisterinpitäjälle")]
    [InlineData("rekisterinpitäjät")]
    public void Inflected_forms_find_the_base_form_and_mark_it(string query)
    {
        var results = Snapshot.Search.Search(Language.Fi, query, includeEarlier: false);

        Assert.NotEmpty(results.Hits);
        Assert.Contains(results.Hits.Take(5), h => h.HeadingHtml.Contains("<mark>Rekisterinpitäjä", StringComparison.OrdinalIgnoreCase) || h.SnippetHtml.Contains("<mark>rekisterinpitäjä</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_word_found_only_inside_compounds_ranks_below_the_word_itself()
    {
        // "Kuntayhtymä" holds "kunta" only as a part; sections about the municipality itself come first.
        var kunta = Snapshot.Search.Search(Language.Fi, "kunta", includeEarlier: false).Hits;
        var lautakunta = Snapshot.Search.Search(Language.Fi, "lautakunta", includeEarlier: false).Hits;

        Assert.Equal("kunta-oikeushenkilona", kunta[0].Anchor);
        Assert.DoesNotContain(kunta.Take(5), h => h.Anchor == "kuntayhtyma");
        Assert.Equal("kunta-oikeushenkilona", lautakunta[0].Anchor);
        Assert.Contains("<mark>lautakunta</mark>", lautakunta[0].SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compound_is_found_by_a_query_for_its_part()
    {
        Assert.Contains(Snapshot.Search.Search(Language.Fi, "valtuutettu", includeEarlier: false).Hits, h => h.SnippetHtml.Contains("<mark>tietosuojavaltuutettu", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Snapshot.Search.Search(Language.Sv, "ombud", includeEarlier: false).Hits, h => h.HeadingHtml.Contains("<mark>dataskyddsombud</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_plural_finds_the_singular()
    {
        var hits = Snapshot.Search.Search(Language.Fi, "oikeusperusteet", includeEarlier: false).Hits;

        Assert.Contains(hits, h => h.SnippetHtml.Contains("<mark>oikeusperuste</mark>", StringComparison.OrdinalIgnoreCase) || h.HeadingHtml.Contains("<mark>Oikeusperuste", StringComparison.Ordinal));
    }

    [Fact]
    public void By_default_only_the_latest_published_versions_are_searched_and_earlier_ones_on_request()
    {
        // "HE 9/2026" appears only in the consultation version 1.2 of chapter 2.
        var current = Snapshot.Search.Search(Language.Fi, "vireillä olevat lakimuutokset", includeEarlier: false);
        var all = Snapshot.Search.Search(Language.Fi, "vireillä olevat lakimuutokset", includeEarlier: true);

        Assert.All(current.Hits, h => Assert.True(h.IsLatest));
        Assert.DoesNotContain(current.Hits, h => h.Anchor == "vireilla-olevat-lakimuutokset");
        var hit = Assert.Single(all.Hits, h => h.Anchor == "vireilla-olevat-lakimuutokset");
        Assert.Equal("1.2", hit.Version.Version.ToString());
        Assert.False(hit.IsLatest);
    }

    [Theory]
    [InlineData("", SearchProblem.Empty)]
    [InlineData("   ", SearchProblem.Empty)]
    [InlineData("\"\" ?! () -- ++ **", SearchProblem.NoWords)]
    [InlineData("ja tai", SearchProblem.NoWords)]
    public void Queries_without_words_are_refused_with_a_reason(string query, SearchProblem problem) =>
        Assert.Equal(problem, Snapshot.Search.Search(Language.Fi, query, includeEarlier: false).Problem);

    [Fact]
    public void A_very_long_query_is_refused_with_a_reason() =>
        Assert.Equal(SearchProblem.TooLong, Snapshot.Search.Search(Language.Fi, new string('a', GuidanceSearchIndex.MaxQueryLength + 1), includeEarlier: false).Problem);

    [Theory]
    [InlineData("\"suostumus\"")]
    [InlineData("suostumus AND NOT laki")]
    [InlineData("suostumus~2 OR title:laki^3")]
    [InlineData("+suostumus -sopimus")]
    [InlineData("suost*")]
    [InlineData("[a TO z] {x} \\ / :")]
    [InlineData("<script>alert(1)</script> suostumus")]
    public void Query_syntax_characters_are_just_text(string query)
    {
        var results = Snapshot.Search.Search(Language.Fi, query, includeEarlier: false);

        Assert.Null(results.Problem);
        Assert.All(results.Hits, h => Assert.DoesNotContain("<script", h.SnippetHtml, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Snippets_are_encoded_text_with_only_mark_elements()
    {
        var hit = Snapshot.Search.Search(Language.Fi, "suostumus", includeEarlier: false).Hits[0];

        Assert.True(hit.SnippetHtml.Contains("<mark>", StringComparison.Ordinal), $"{hit.Anchor}: {hit.HeadingHtml} / {hit.SnippetHtml}");
        var withoutMarks = hit.SnippetHtml.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
        Assert.Contains("<mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.True(withoutMarks.Length <= Snippet.DefaultLength + 2, withoutMarks);
    }

    [Fact]
    public void Snippet_starts_near_the_match_in_a_long_text()
    {
        var text = string.Join(' ', Enumerable.Repeat("täyte", 200)) + " suostumus on tässä & <b> " + string.Join(' ', Enumerable.Repeat("täyte", 200));
        var match = text.IndexOf("suostumus", StringComparison.Ordinal);

        var snippet = Snippet.Highlight(text, [(match, match + "suostumus".Length)], 120);

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>suostumus</mark> on tässä &amp; &lt;b&gt;", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < 200, snippet);
    }
}
