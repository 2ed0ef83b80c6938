// Search benchmark: builds a corpus of at least 200 chapter versions from the repository's content,
// loads it with the portal's own ContentLoader (so the index is exactly what readers get), then
// measures the search alone: single-threaded latency percentiles and two-thread throughput, for
// the default scope (latest published versions) and for "earlier versions too".
// Usage: dotnet run -c Release --project bench/SearchBench -- [content-folder] [copies] [seconds]
using System.Diagnostics;
using System.Globalization;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Guidance.Search;
using Tietosuoja.Web.Infrastructure;

var content = args.Length > 0 ? args[0] : Path.Combine(Directory.GetCurrentDirectory(), "content");
var copies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;

string[] finnishQueries =
[
    "voiko kunta käyttää suostumusta käsittelyperusteena?", "rekisterinpitäjän vastuu", "yhteisrekisterinpitäjien järjestely",
    "oikeusperusteet", "tietosuojavastaava", "rekisteröidyn oikeus saada pääsy tietoihin", "oikeutettu etu viranomainen",
    "henkilötietojen käsittelijä sopimus", "kuntayhtymä", "hyvinvointialue rekisterinpitäjä", "tietojen luovuttaminen viranomaisten välillä",
    "valitus tietosuojavaltuutetulle", "salassa pidettävät tiedot", "lapsen suostumus", "rikostiedot", "\"oikeus tulla unohdetuksi\"",
];
string[] swedishQueries =
[
    "kan kommunen använda samtycke?", "personuppgiftsansvarig", "gemensamt personuppgiftsansvariga", "rättslig grund",
    "dataskyddsombud", "den registrerades rätt till tillgång", "berättigat intresse", "personuppgiftsbiträde avtal",
];

var root = Path.Combine(Path.GetTempPath(), "tietosuoja-search-bench-" + Environment.ProcessId);
try
{
    var versions = Corpus.Generate(content, root, copies);
    var loader = new ContentLoader(new MarkdownRenderer());
    var loadTimer = Stopwatch.StartNew();
    var result = loader.Load(root, 1);
    loadTimer.Stop();
    // A content change reloads in a warm process; the first load also pays for JIT compilation.
    var reloadTimer = Stopwatch.StartNew();
    loader.Load(root, 2);
    reloadTimer.Stop();
    if (result.Snapshot is not { } snapshot)
    {
        Console.Error.WriteLine("The generated corpus did not load:");
        foreach (var error in result.Errors.Take(10))
        {
            Console.Error.WriteLine("  " + error);
        }

        return 1;
    }

    // Index build time, both analyzer paths in one run so that the ratio holds on a noisy machine:
    // the stemmers alone (as on a machine without the dictionaries) and the dictionaries. The
    // first dictionary build fills the analysis cache; a content change in a running portal
    // rebuilds with it warm.
    var dictionaryTimer = Stopwatch.StartNew();
    var tools = LanguageTools.Load(LanguageToolOptions.Default);
    dictionaryTimer.Stop();
    var bare = LanguageTools.Load(new LanguageToolOptions { VoikkoLibrary = "libvoikko-hidden-by-bench.so.1", SwedishAffixFiles = [] });
    GuidanceSearchIndex.Build(snapshot.Chapters, bare);
    var stemmersOnly = BuildTimes(snapshot, bare, 3);
    var firstWithDictionaries = BuildTimes(snapshot, tools, 1)[0];
    var withDictionaries = BuildTimes(snapshot, tools, 3);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dictionaries loaded in {dictionaryTimer.ElapsedMilliseconds} ms ({(tools.Problems.Count == 0 ? "Voikko and Hunspell" : string.Join("; ", tools.Problems))})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Index build, median of 3: stemmers only {stemmersOnly[1]:0} ms; dictionaries {withDictionaries[1]:0} ms warm, {firstWithDictionaries:0} ms first (empty analysis cache); ratio warm {withDictionaries[1] / stemmersOnly[1]:0.00}, first {firstWithDictionaries / stemmersOnly[1]:0.00}"));

    var queries = finnishQueries.Select(q => (Language.Fi, q)).Concat(swedishQueries.Select(q => (Language.Sv, q))).ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Corpus: {snapshot.Chapters.Length} chapters, {versions} chapter versions; content load with search index: {loadTimer.ElapsedMilliseconds} ms first, {reloadTimer.ElapsedMilliseconds} ms reload"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Queries: {queries.Length} ({finnishQueries.Length} Finnish, {swedishQueries.Length} Swedish), {seconds:0} s per measurement after a 2 s warm-up"));
    Console.WriteLine();
    Console.WriteLine($"{"scope",-28} {"threads",7} {"queries/s",10} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"hits/q",7} {"CPU ms/q",9}");
    foreach (var earlier in new[] { false, true })
    {
        Run(snapshot, queries, earlier, threads: 1, TimeSpan.FromSeconds(2));
        var single = Run(snapshot, queries, earlier, threads: 1, TimeSpan.FromSeconds(seconds));
        var parallel = Run(snapshot, queries, earlier, threads: 2, TimeSpan.FromSeconds(seconds));
        var scope = earlier ? "all versions" : "latest published";
        Print(scope, 1, single);
        Print(scope, 2, parallel);
    }

    GC.Collect();
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Managed heap after the runs: {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MiB"));
    GC.KeepAlive(snapshot);
    return 0;
}
finally
{
    Directory.Delete(root, recursive: true);
}

static double[] BuildTimes(ContentSnapshot snapshot, LanguageTools tools, int runs)
{
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        GC.KeepAlive(GuidanceSearchIndex.Build(snapshot.Chapters, tools));
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(times);
    return times;
}

static Measurement Run(ContentSnapshot snapshot, (Language Language, string Query)[] queries, bool earlier, int threads, TimeSpan duration)
{
    var perThread = new List<double>[threads];
    var hits = new long[threads];
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
    {
        var latencies = perThread[thread] = new List<double>(200_000);
        var i = thread;
        while (clock.Elapsed < duration)
        {
            var (language, query) = queries[i++ % queries.Length];
            var start = Stopwatch.GetTimestamp();
            var results = snapshot.Search.Search(language, query, earlier);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            hits[thread] += results.Hits.Count;
        }
    });
    var elapsed = clock.Elapsed.TotalSeconds;
    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    var all = perThread.SelectMany(l => l).Order().ToArray();
    return new Measurement(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all[^1], (double)hits.Sum() / all.Length, cpuMs / all.Length);
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static void Print(string scope, int threads, Measurement m) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scope,-28} {threads,7} {m.QueriesPerSecond,10:0} {m.P50,8:0.000} {m.P99,8:0.000} {m.Max,8:0.00} {m.HitsPerQuery,7:0.0} {m.CpuMsPerQuery,9:0.000}"));

internal sealed record Measurement(double QueriesPerSecond, double P50, double P99, double Max, double HitsPerQuery, double CpuMsPerQuery);
