// Preview and publish benchmark: what an editor waits for on the draft page. For the repository's
// content and for the search benchmark's generated corpus, checks a new chapter version (the
// preview) and publishes new versions one after another, with the portal's own ChapterPublisher
// and ContentStore over a temporary copy, and prints the median and range of several runs.
// Usage: dotnet run -c Release --project bench/PublishBench -- [content-folder] [copies] [runs]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Infrastructure;

var content = args.Length > 0 ? args[0] : Path.Combine(Directory.GetCurrentDirectory(), "content");
var copies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7;

Console.WriteLine($"{"content",-22} {"versions",8} {"step",-8} {"runs",4} {"median ms",10} {"min ms",8} {"max ms",8}");
foreach (var corpusCopies in new[] { 0, copies })
{
    var root = Path.Combine(Path.GetTempPath(), $"tietosuoja-publish-bench-{Environment.ProcessId}-{corpusCopies}");
    try
    {
        var versions = Corpus.Generate(content, root, corpusCopies);
        var renderer = new MarkdownRenderer();
        var loader = new ContentLoader(renderer);
        var store = new ContentStore(
            loader,
            Options.Create(new ContentOptions { Path = root }),
            new HostingEnvironment { ContentRootPath = root },
            NullLogger<ContentStore>.Instance);
        if (!store.HasContent)
        {
            Console.Error.WriteLine($"The corpus did not load: {string.Join("; ", store.Errors.Take(5))}");
            return 1;
        }

        using var publisher = new ChapterPublisher(store, loader, renderer, TimeProvider.System);
        var chapter = store.Current.Chapters[0];
        var latest = chapter.Versions(Language.Fi)[^1];
        var (title, summary, body) = await publisher.SourceAsync(latest, CancellationToken.None);
        ChapterText Next() => new(
            chapter.Id, Language.Fi, ChapterPublisher.VersionChoices(store.Current, chapter.Id, Language.Fi)[0],
            VersionStatus.Published, title ?? latest.Title, summary ?? latest.Summary, body + "\nUusi kappale.\n");

        // The first check also pays for JIT compilation; an editor's previews run in a warm process.
        Require(publisher.Check(Next()));
        var preview = Measure(runs, () => Require(publisher.Check(Next())));
        var publish = Measure(runs, () => Require(publisher.PublishAsync(Next(), CancellationToken.None).GetAwaiter().GetResult()));
        var label = corpusCopies == 0 ? "repository content" : $"corpus ({corpusCopies} copies)";
        Print(label, versions, "preview", preview);
        Print(label, versions, "publish", publish);
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

return 0;

static PublishCheck Require(PublishCheck check) =>
    check.CanPublish ? check : throw new InvalidOperationException("The benchmark text was refused: " + string.Join("; ", check.Problems));

static double[] Measure(int runs, Action step)
{
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        step();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(times);
    return times;
}

static void Print(string label, int versions, string step, double[] times) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-22} {versions,8} {step,-8} {times.Length,4} {times[times.Length / 2],10:0} {times[0],8:0} {times[^1],8:0}"));
