using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.TestSupport;

namespace Tietosuoja.UnitTests.Architecture;

/// <summary>
/// The folder graph of docs/architecture.md, enforced: Infrastructure at the bottom, then Data,
/// Guidance, Comments, Editing, Events, and Pages on top. A folder's code may name only the folders below
/// it, so the graph stays acyclic and Guidance never learns that commenting or the editor area exist.
/// </summary>
public sealed partial class FolderGraphTests
{
    /// <summary>Each folder and the folders it may use; anything not listed (Pages, Program.cs) may use all.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        ["Infrastructure"] = [],
        ["Data"] = ["Infrastructure"],
        ["Guidance"] = ["Infrastructure", "Data"],
        ["Comments"] = ["Infrastructure", "Data", "Guidance"],
        ["Editing"] = ["Infrastructure", "Data", "Guidance", "Comments"],
        ["Events"] = ["Infrastructure", "Data", "Guidance", "Comments", "Editing"],
    };

    private static readonly string[] Folders = ["Infrastructure", "Data", "Guidance", "Comments", "Editing", "Events", "Pages"];

    [Fact]
    public void Every_source_file_names_only_the_folders_below_its_own()
    {
        var web = Path.Combine(RepoPaths.Root, "src", "Tietosuoja.Web");
        var files = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(web, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} source files found under {web}");

        var violations = files.SelectMany(file => Violations(file, File.ReadAllText(Path.Combine(web, file)))).ToList();

        Assert.True(violations.Count == 0, "Against the folder graph (docs/architecture.md):\n" + string.Join('\n', violations));
    }

    [Theory]
    [InlineData("Guidance/X.cs", "using Tietosuoja.Web.Editing;\nnamespace Tietosuoja.Web.Guidance;")]
    [InlineData("Guidance/X.cs", "namespace Tietosuoja.Web.Guidance;\nclass X { object y = Tietosuoja.Web.Comments.RoundCatalog.Empty; }")]
    [InlineData("Comments/X.cs", "using Alias = Tietosuoja.Web.Pages.Thing;\nnamespace Tietosuoja.Web.Comments;")]
    [InlineData("Data/X.cs", "using static Tietosuoja.Web.Guidance.SiteUrls;\nnamespace Tietosuoja.Web.Data;")]
    [InlineData("Infrastructure/X.cs", "namespace Tietosuoja.Web.Infrastructure;\nclass X { Data.PortalDbContext? db; }")]
    [InlineData("Editing/X.cs", "namespace Tietosuoja.Web.Comments;")]
    [InlineData("Guidance/X.cshtml", "@using Tietosuoja.Web.Editing\n<p></p>")]
    [InlineData("Editing/X.cs", "using Tietosuoja.Web.Events;\nnamespace Tietosuoja.Web.Editing;")]
    [InlineData("Events/X.cs", "namespace Tietosuoja.Web.Events;\nclass X { Pages.PortalPageModel? page; }")]
    public void A_reference_against_the_graph_is_reported(string file, string source) =>
        Assert.NotEmpty(Violations(file, source));

    [Theory]
    [InlineData("Editing/X.cs", "using Tietosuoja.Web.Comments;\nusing Tietosuoja.Web.Data;\nnamespace Tietosuoja.Web.Editing;")]
    [InlineData("Guidance/Search/X.cs", "using Tietosuoja.Web.Guidance.Linking;\nnamespace Tietosuoja.Web.Guidance.Search;")]
    [InlineData("Pages/X.cs", "using Tietosuoja.Web.Editing;\nnamespace Tietosuoja.Web.Pages.Editor;")]
    [InlineData("Events/X.cs", "using Tietosuoja.Web.Editing;\nusing Tietosuoja.Web.Comments;\nnamespace Tietosuoja.Web.Events;")]
    [InlineData("Pages/X.cs", "using Tietosuoja.Web.Events;\nnamespace Tietosuoja.Web.Pages.Events;")]
    [InlineData("Guidance/X.cs", "namespace Tietosuoja.Web.Guidance;\nclass X { int n = snapshot.Pages.Length; }")]
    [InlineData("Guidance/X.cs", "namespace Tietosuoja.Web.Guidance;\n// Comments about Tietosuoja.Web.Editing do not count.\n/// <summary>Nor do doc comments naming Tietosuoja.Web.Pages.</summary>\nclass X { }")]
    public void A_reference_the_graph_allows_passes(string file, string source) =>
        Assert.Empty(Violations(file, source));

    [Fact]
    public void The_draft_table_holds_every_title_and_summary_the_content_rules_allow()
    {
        var model = new Web.Data.SqliteDbContext(new DbContextOptionsBuilder<Web.Data.SqliteDbContext>()
            .UseSqlite("Data Source=:memory:").Options).Model;
        var draft = model.FindEntityType(typeof(Web.Data.ChapterDraft))!;
        Assert.True(draft.FindProperty(nameof(Web.Data.ChapterDraft.Title))!.GetMaxLength() >= Web.Guidance.ContentLimits.TitleMaxLength);
        Assert.True(draft.FindProperty(nameof(Web.Data.ChapterDraft.Summary))!.GetMaxLength() >= Web.Guidance.ContentLimits.SummaryMaxLength);
    }

    /// <summary>What in one file goes against the graph: its namespace outside its folder, or a name from a folder it may not use.</summary>
    public static IEnumerable<string> Violations(string file, string source)
    {
        var folder = file.Split('/') is [var first, _, ..] && Folders.Contains(first) ? first : null;
        if (folder is null)
        {
            yield break; // Program.cs and the resources sit on top (or beside the graph) and may use anything.
        }

        var code = WithoutComments(source);
        foreach (Match declared in NamespaceDeclaration().Matches(code))
        {
            var declaredFolder = declared.Groups["folder"].Value;
            if (declaredFolder != folder && !(folder == "Pages" && declaredFolder == "Pages"))
            {
                yield return $"{file}: declares namespace Tietosuoja.Web.{declaredFolder}, but lives in {folder}/";
            }
        }

        if (!MayUse.TryGetValue(folder, out var allowed))
        {
            yield break;
        }

        foreach (var used in Referenced().Matches(code).Select(match => match.Groups["folder"].Value).Distinct())
        {
            if (used != folder && !allowed.Contains(used))
            {
                yield return $"{file}: {folder}/ uses {used}/, which it may not (it may use: {(allowed.Length == 0 ? "nothing else" : string.Join(", ", allowed))})";
            }
        }

        // Inside namespace Tietosuoja.Web.X, "Data.PortalDbContext" reaches Tietosuoja.Web.Data without a using.
        foreach (var used in RelativeReference().Matches(code)
            .Where(match => WebTypes.Contains($"{match.Groups["folder"].Value}.{match.Groups["type"].Value}"))
            .Select(match => match.Groups["folder"].Value).Distinct())
        {
            if (used != folder && !allowed.Contains(used))
            {
                yield return $"{file}: {folder}/ names {used}.… , which it may not use";
            }
        }
    }

    /// <summary>"Folder.Type" for every type of the portal, so that a property such as <c>snapshot.Pages</c> is not taken for the folder.</summary>
    private static readonly HashSet<string> WebTypes = [.. typeof(Program).Assembly.GetTypes()
        .Where(type => type.Namespace?.StartsWith("Tietosuoja.Web.", StringComparison.Ordinal) == true)
        .Select(type => $"{type.Namespace!["Tietosuoja.Web.".Length..].Split('.')[0]}.{type.Name.Split('`')[0]}")];

    private static string WithoutComments(string source) => Comment().Replace(source, string.Empty);

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bnamespace\s+Tietosuoja\.Web\.(?<folder>[A-Za-z]+)")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"(?<!namespace\s+)\bTietosuoja\.Web\.(?<folder>Infrastructure|Data|Guidance|Comments|Editing|Events|Pages)\b")]
    private static partial Regex Referenced();

    [GeneratedRegex(@"(?<![\w.])(?<folder>Data|Guidance|Comments|Editing|Events|Pages)\.(?<type>[A-Z]\w*)")]
    private static partial Regex RelativeReference();
}
