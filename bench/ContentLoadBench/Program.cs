// Content-load benchmark: what ContentLoader.Load costs on a content folder, as a start pays it
// (a fresh loader and renderer, so nothing from an earlier load is reused), after the dictionaries
// are loaded (they are the search's start-up cost, measured apart) and after one warm-up load.
// Prints the CPU time and wall time of each load and their medians; CPU time of this process is
// what other load on the machine changes least. With --dump FILE it instead writes everything the
// load produced for readers (HTML, headings, plain-text blocks) to FILE, so that two builds can be
// compared byte for byte (bench/content-load.sh does both).
// Usage: ContentLoadBench <content-folder> [loads=20] | ContentLoadBench <content-folder> --dump FILE
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Guidance.Search;
using Tietosuoja.Web.Infrastructure;

var content = Path.GetFullPath(args[0]);
var tools = LanguageTools.Default;
if (tools.Problems.Count > 0)
{
    Console.Error.WriteLine("Dictionaries missing, glossary links would differ from production: " + string.Join("; ", tools.Problems));
    return 2;
}

var firstCpu = Process.GetCurrentProcess().TotalProcessorTime;
var firstWall = Stopwatch.StartNew();
var first = new ContentLoader(new MarkdownRenderer()).Load(content, 1);
firstWall.Stop();
var firstCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - firstCpu).TotalMilliseconds;
if (first.Snapshot is not { } snapshot)
{
    Console.Error.WriteLine($"{content} did not load:");
    foreach (var error in first.Errors.Take(10))
    {
        Console.Error.WriteLine("  " + error);
    }

    return 1;
}

if (args.Length > 2 && args[1] == "--dump")
{
    File.WriteAllText(args[2], Dump(snapshot), new UTF8Encoding(false));
    return 0;
}

var loads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var cpu = new List<double>();
var wall = new List<double>();
for (var i = 0; i < loads; i++)
{
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var timer = Stopwatch.StartNew();
    var result = new ContentLoader(new MarkdownRenderer()).Load(content, i + 2);
    timer.Stop();
    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
    wall.Add(timer.Elapsed.TotalMilliseconds);
    if (!result.Succeeded)
    {
        Console.Error.WriteLine("A repeated load failed.");
        return 1;
    }
}

var versions = snapshot.Chapters.Sum(c => Languages.All.Sum(l => c.Versions(l).Length));
Console.WriteLine(FormattableString.Invariant($"{versions} chapter versions, {snapshot.Pages.Length} pages; first load (with JIT) {firstCpuMs:F0} ms CPU, {firstWall.Elapsed.TotalMilliseconds:F0} ms wall"));
Console.WriteLine(FormattableString.Invariant($"median of {loads} loads: cpu_ms={Median(cpu):F1} wall_ms={Median(wall):F1}"));
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Dump(ContentSnapshot snapshot)
{
    var text = new StringBuilder();
    foreach (var chapter in snapshot.Chapters)
    {
        foreach (var language in Languages.All)
        {
            foreach (var version in chapter.Versions(language))
            {
                text.Append("== ").Append(version.SourceFile).Append('\n');
                DumpRendered(text, version.Body);
                text.Append("-- commentable\n").Append(version.CommentableHtml).Append('\n');
                text.Append("-- text\n");
                foreach (var block in version.Text)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{block.Kind} {block.Level} {block.SectionAnchor} | {block.Text}\n");
                }
            }
        }
    }

    foreach (var page in snapshot.Pages)
    {
        text.Append("== ").Append(page.SourceFile).Append('\n');
        DumpRendered(text, page.Body);
    }

    return text.ToString();
}

static void DumpRendered(StringBuilder text, RenderedDocument rendered)
{
    text.Append(rendered.Html).Append('\n').Append("-- headings\n");
    foreach (var heading in rendered.Headings)
    {
        text.Append(CultureInfo.InvariantCulture, $"{heading.Level} {heading.Anchor} | {heading.Text}\n");
    }
}
