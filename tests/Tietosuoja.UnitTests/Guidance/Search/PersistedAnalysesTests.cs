using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.UnitTests.Guidance.Search;

/// <summary>
/// The persisted analyses of the guidance's words (Search:CachePath): a restart with the same
/// content and dictionaries builds the same index without reading the Swedish dictionary, a
/// changed dictionary or a damaged file is not trusted, and a query word the cache lacks waits for
/// the dictionary still loading, or gets the fallback stems once the wait is over.
/// </summary>
public sealed class PersistedAnalysesTests(PersistedAnalysesTests.WrittenCache written) : IClassFixture<PersistedAnalysesTests.WrittenCache>
{
    private static readonly (Language Language, string Query)[] Queries =
    [
        (Language.Fi, "voiko kunta käyttää suostumusta käsittelyperusteena?"),
        (Language.Fi, "rekisteröidyn oikeudet"),
        (Language.Fi, "yhteisrekisterinpitäjien järjestely"),
        (Language.Sv, "kan kommunen använda samtycke?"),
        (Language.Sv, "personuppgiftsansvarigas skyldigheter"),
        (Language.Sv, "dataskyddsombud"),
    ];

    // Only words the guidance has, which the cache holds.
    private static readonly (Language Language, string Query)[] ContentQueries = [.. Queries.Where(q => !q.Query.StartsWith("personuppgiftsansvarigas", StringComparison.Ordinal))];

    [Fact]
    public async Task A_restart_from_the_cache_builds_the_same_index_without_the_Swedish_dictionary()
    {
        var restarted = LanguageTools.Load(LanguageToolOptions.Default with { AnalysisCacheFolder = written.Folder });

        var index = GuidanceSearchIndex.Build(written.Chapters, restarted);

        Assert.False(((HunspellMorphology)restarted.Swedish!).IsLoadStarted);
        // The guidance's words are answered from the cache at once; a reader's word that the
        // guidance lacks ("personuppgiftsansvarigas…") has its dictionary analysis once the
        // dictionary is read (a query never waits for it), and then every result is the same.
        Assert.Equal(Results(written.Index, ContentQueries), Results(index, ContentQueries));
        await restarted.LoadSwedishAsync();
        var results = Results(index, Queries);
        Assert.Equal(Results(written.Index, Queries), results);
        Assert.True(results.Split('\n').Length > 2 * Queries.Length, results);
        Assert.Contains("<mark>", results, StringComparison.Ordinal);
        // Nothing new to write: the words were all read from the file.
        await restarted.PersistAnalysesAsync();
    }

    [Fact]
    public async Task Before_the_dictionary_has_loaded_cached_words_are_answered_and_others_wait_for_it_at_most_the_bound()
    {
        using var gate = new ManualResetEventSlim();
        var tools = LanguageTools.Load(LanguageToolOptions.Default with { AnalysisCacheFolder = written.Folder }, new SwedishLoading(gate.Wait, TimeSpan.FromMilliseconds(300)));
        try
        {
            var index = GuidanceSearchIndex.Build(written.Chapters, tools);
            Assert.Equal(Results(written.Index, ContentQueries), Results(index, ContentQueries));
            Assert.Contains("Hunspell (sv_", (await Health(tools)), StringComparison.Ordinal);
            Assert.Contains("still loading", await Health(tools), StringComparison.Ordinal);

            // Not in the guidance, so not in the cache: the fallback stems while the dictionary loads, and not kept.
            Assert.Null(tools.Swedish!.Analyze("hundarna"));
            Assert.Single(tools.Analyzer(Language.Sv).QueryWords("hundarna"));

            gate.Set();
            await tools.LoadSwedishAsync();

            Assert.Contains("hund", tools.Swedish.Analyze("hundarna")!.BaseForms);
            Assert.Matches(@"^Finnish: Voikko \(libvoikko\.so\.1, Finnish dictionary\); Swedish: Hunspell \(sv_(FI|SE)\)$", await Health(tools));
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public void A_search_while_the_dictionary_loads_does_not_wait_for_it()
    {
        using var gate = new ManualResetEventSlim();
        var tools = LanguageTools.Load(LanguageToolOptions.Default with { AnalysisCacheFolder = written.Folder }, new SwedishLoading(gate.Wait, TimeSpan.FromSeconds(40)));
        try
        {
            var index = GuidanceSearchIndex.Build(written.Chapters, tools);
            var clock = System.Diagnostics.Stopwatch.StartNew();

            // Neither word is in the guidance, so neither is in the cache: the query and its
            // "did you mean" check take the fallback stems at once instead of holding the request
            // until the dictionary is read (here: never, until the gate opens).
            var results = index.Search(Language.Sv, "hundarna personuppgiftsansvarg", includeEarlier: true);

            Assert.Null(results.Problem);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the search waited {clock.Elapsed} for the dictionary");
            Assert.False(tools.Swedish is HunspellMorphology { IsLoaded: true });
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public async Task A_word_not_in_the_cache_waits_for_the_dictionary_still_loading()
    {
        using var gate = new ManualResetEventSlim();
        var tools = LanguageTools.Load(LanguageToolOptions.Default with { AnalysisCacheFolder = written.Folder }, new SwedishLoading(gate.Wait, TimeSpan.FromSeconds(60)));
        gate.Set();
        var analysis = await Task.Run(() => tools.Swedish!.Analyze("hundarna"));

        Assert.Contains("hund", analysis!.BaseForms);
    }

    [Fact]
    public async Task Query_words_are_never_written_to_the_cache()
    {
        written.Tools.Analyzer(Language.Sv).QueryWords("personuppgiftsansvarigaskatter hundarna");
        written.Tools.Analyzer(Language.Fi).QueryWords("koirakaverin");
        await written.Tools.PersistAnalysesAsync();

        var swedish = await File.ReadAllTextAsync(Path.Combine(written.Folder, "analyses-sv.txt"));
        var finnish = await File.ReadAllTextAsync(Path.Combine(written.Folder, "analyses-fi.txt"));
        Assert.Contains("\nsamtycke\tk\t", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("hundarna", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("personuppgiftsansvarigaskatter", swedish, StringComparison.Ordinal);
        Assert.Contains("\nsuostumus\tk\t", finnish, StringComparison.Ordinal);
        Assert.DoesNotContain("koirakaverin", finnish, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_dictionary_makes_its_analyses_be_made_again()
    {
        using var folder = new TemporaryFolder();
        var options = CopiedDictionary(folder);
        var first = LanguageTools.Load(options);
        // An analysis no dictionary would give, to see whether the file was read.
        Write(options, first, "samtycke\tk\tmarker-from-the-file\t\nend 1\n");
        Assert.Equal(["marker-from-the-file"], LanguageTools.Load(options).Swedish!.Analyze("samtycke")!.BaseForms);

        File.SetLastWriteTimeUtc(Path.ChangeExtension(options.SwedishAffixFiles[0], ".dic"), DateTime.UtcNow.AddMinutes(1));
        var log = new ListLogger();
        var changed = LanguageTools.Load(options);
        changed.AttachLogger(log);

        var analysis = changed.Swedish!.Analyze("samtycke")!;
        Assert.Contains("samtycke", analysis.BaseForms);
        Assert.DoesNotContain("marker-from-the-file", analysis.BaseForms);
        Assert.Contains(log.Messages, m => m.Contains("analyses-sv.txt was written for other dictionaries", StringComparison.Ordinal));
        Assert.Empty(log.Warnings);
    }

    [Theory]
    [InlineData("samtycke\tk\tmarker-from-the-file\t\nend 2\n")]
    [InlineData("samtycke\tk\tmarker-from-the-file\t\n")]
    [InlineData("samtycke\tx\n\u0000\u0001binary\nend 2\n")]
    public void A_damaged_cache_file_is_ignored_with_one_warning(string damaged)
    {
        using var folder = new TemporaryFolder();
        using var gate = new ManualResetEventSlim();
        var options = CopiedDictionary(folder);
        Write(options, LanguageTools.Load(options), damaged);
        var log = new ListLogger();

        var tools = LanguageTools.Load(options, new SwedishLoading(gate.Wait, TimeSpan.FromMilliseconds(100)));
        tools.AttachLogger(log);

        try
        {
            Assert.Null(tools.Swedish!.Analyze("samtycke"));
            Assert.Single(log.Warnings);
            Assert.Contains("analyses-sv.txt is ignored", log.Warnings[0], StringComparison.Ordinal);
            Assert.Empty(tools.Problems);
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public void A_file_that_is_not_a_cache_is_ignored_with_one_warning()
    {
        using var folder = new TemporaryFolder();
        var options = LanguageToolOptions.Default with { AnalysisCacheFolder = folder.Path, SwedishAffixFiles = ["/nonexistent/sv.aff"] };
        File.WriteAllText(Path.Combine(folder.Path, "analyses-fi.txt"), "{\"this\": \"is json\"}");
        var log = new ListLogger();

        var tools = LanguageTools.Load(options);
        tools.AttachLogger(log);

        Assert.Contains("tieto", tools.Finnish!.Analyze("tiedon")!.BaseForms);
        Assert.Contains("analyses-fi.txt is ignored (not an analysis cache of this format)", Assert.Single(log.Warnings), StringComparison.Ordinal);
    }

    private static LanguageToolOptions CopiedDictionary(TemporaryFolder folder)
    {
        var affix = LanguageToolOptions.Default.SwedishAffixFiles.First(File.Exists);
        var copy = Path.Combine(folder.Path, "sv_TEST.aff");
        File.Copy(affix, copy);
        File.Copy(Path.ChangeExtension(affix, ".dic"), Path.ChangeExtension(copy, ".dic"));
        return LanguageToolOptions.Default with { SwedishAffixFiles = [copy], AnalysisCacheFolder = Path.Combine(folder.Path, "cache") };
    }

    /// <summary>Writes a Swedish cache file by hand, under the key the tools' dictionary has now.</summary>
    private static void Write(LanguageToolOptions options, LanguageTools tools, string lines)
    {
        Directory.CreateDirectory(options.AnalysisCacheFolder!);
        var key = PersistedAnalyses.Key((ICachedMorphology)tools.Swedish!);
        File.WriteAllText(Path.Combine(options.AnalysisCacheFolder!, "analyses-sv.txt"), $"tietosuoja-analyses 1 {key}\n{lines}");
    }

    private static async Task<string> Health(LanguageTools tools) =>
        (await new SearchLanguageHealthCheck(tools).CheckHealthAsync(new HealthCheckContext())).Description!;

    /// <summary>Everything a reader sees of the results of <see cref="Queries"/>, one line per hit.</summary>
    private static string Results(GuidanceSearchIndex index, (Language Language, string Query)[] queries) =>
        string.Join('\n', queries.SelectMany(q =>
        {
            var results = index.Search(q.Language, q.Query, includeEarlier: true);
            return results.Hits.Select(h => $"{q.Query} {results.Total} {h.Chapter.Id} {h.Version.Version} {h.Anchor} {h.HeadingHtml} {h.SnippetHtml}").Prepend(results.Suggestion ?? string.Empty);
        }));

    /// <summary>The fixture content's index built once with a cold cache, which it then writes.</summary>
    public sealed class WrittenCache : IDisposable
    {
        private readonly TemporaryFolder _folder = new();

        public WrittenCache()
        {
            Chapters = new ContentLoader(new MarkdownRenderer()).Load(RepoPaths.FixtureContent, 1).Snapshot!.Chapters;
            Tools = LanguageTools.Load(LanguageToolOptions.Default with { AnalysisCacheFolder = Folder });
            Index = GuidanceSearchIndex.Build(Chapters, Tools);
            Tools.PersistAnalysesAsync().GetAwaiter().GetResult();
        }

        public string Folder => _folder.Path;

        public IReadOnlyList<Chapter> Chapters { get; }

        public LanguageTools Tools { get; }

        public GuidanceSearchIndex Index { get; }

        public void Dispose() => _folder.Dispose();
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tietosuoja-analyses-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private sealed class ListLogger : ILogger
    {
        private readonly List<(LogLevel Level, string Message)> _entries = [];

        public List<string> Messages => [.. _entries.Select(e => e.Message)];

        public List<string> Warnings => [.. _entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message)];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
