using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Guidance.Search;
using static Tietosuoja.UnitTests.Guidance.Search.GuidanceAnalyzerTests;

namespace Tietosuoja.UnitTests.Guidance.Search;

/// <summary>
/// A machine without Voikko and hunspell-sv: the library and dictionary are pointed at names that
/// do not exist, and search runs on the stemmers and the fixed compound list, as before the dictionaries.
/// </summary>
public sealed class FallbackAnalyzerTests
{
    private static readonly LanguageTools Bare = LanguageTools.Load(new LanguageToolOptions
    {
        VoikkoLibrary = "libvoikko-not-installed.so.1",
        SwedishAffixFiles = ["/nonexistent/hunspell/sv_FI.aff"],
    });

    [Fact]
    public void Missing_libraries_are_reported_with_what_to_install()
    {
        Assert.Null(Bare.Finnish);
        Assert.Null(Bare.Swedish);
        Assert.Collection(
            Bare.Problems,
            finnish => Assert.StartsWith("Finnish morphology (Voikko) not found: install libvoikko1 and voikko-fi for better Finnish search", finnish, StringComparison.Ordinal),
            swedish => Assert.StartsWith("Swedish dictionary (Hunspell) not found: install hunspell-sv", swedish, StringComparison.Ordinal));
        Assert.False(Bare.Analyzer(Language.Fi).HasDictionary);
    }

    [Fact]
    public async Task Readiness_stays_healthy_without_the_libraries_and_says_what_to_install()
    {
        var result = await new SearchLanguageHealthCheck(Bare).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("install libvoikko1 and voikko-fi", result.Description, StringComparison.Ordinal);
        Assert.Contains("install hunspell-sv", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_without_the_voikko_functions_is_reported_not_thrown()
    {
        // libc loads, but has no voikkoInit: EntryPointNotFoundException inside, a reason outside.
        var voikko = VoikkoMorphology.TryLoad("libc.so.6", null, out var problem);

        Assert.Null(voikko);
        Assert.Contains("voikkoInit", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Fi, "rekisterinpitäjä", "rekisterinpitäjän")]
    [InlineData(Language.Fi, "suostumus", "suostumusta")]
    [InlineData(Language.Fi, "henkilötieto", "henkilötiedot")]
    [InlineData(Language.Fi, "käsittelyperusteena", "peruste")]
    [InlineData(Language.Sv, "samtycke", "samtycket")]
    [InlineData(Language.Sv, "personuppgiftsansvariga", "ansvarig")]
    public void The_stemmers_and_the_compound_list_still_unify_the_common_forms(Language language, string one, string other) =>
        Assert.True(Share(language, one, other, Bare), $"{Show(language, one, Bare)} vs {Show(language, other, Bare)}");

    [Fact]
    public void Consonant_gradation_is_what_the_fallback_misses()
    {
        Assert.False(Share(Language.Fi, "rekisteröity", "rekisteröidyn", Bare));
        Assert.True(Share(Language.Fi, "rekisteröity", "rekisteröidyn"));
    }

    [Fact]
    public void Search_works_without_the_dictionaries()
    {
        var snapshot = new ContentLoader(new MarkdownRenderer()).Load(RepoPaths.FixtureContent, 1).Snapshot!;
        var index = GuidanceSearchIndex.Build(snapshot.Chapters, Bare);

        var results = index.Search(Language.Fi, "voiko kunta käyttää suostumusta käsittelyperusteena?", includeEarlier: false);

        Assert.Equal("suostumus", results.Hits[0].Anchor);
        Assert.NotEmpty(index.Search(Language.Sv, "samtycket", includeEarlier: false).Hits);
    }
}
