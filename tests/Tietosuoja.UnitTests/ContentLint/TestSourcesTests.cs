using System.Text.RegularExpressions;
using Tietosuoja.TestSupport;

namespace Tietosuoja.UnitTests.ContentLint;

/// <summary>
/// Only the content lint (this folder) reads the real content/; every other test reads the fixture
/// or content it builds, so that editors publishing guidance never turn a test red. Checked in the
/// test sources, so the rule holds without anyone remembering it.
/// </summary>
public sealed partial class TestSourcesTests
{
    private static readonly string TestsFolder = Path.Combine(RepoPaths.Root, "tests");
    private static readonly string LintFolder = Path.Combine(TestsFolder, "Tietosuoja.UnitTests", "ContentLint") + Path.DirectorySeparatorChar;
    private static readonly string RepoPathsFile = Path.Combine(TestsFolder, "Tietosuoja.TestSupport", "RepoPaths.cs");
    private static readonly string PortalFactoryFile = Path.Combine(TestsFolder, "Tietosuoja.TestSupport", "PortalFactory.cs");

    public static TheoryData<string> SourcesOutsideTheLint() => [.. Sources()];

    [Theory]
    [MemberData(nameof(SourcesOutsideTheLint))]
    public void No_test_outside_the_lint_reads_the_real_content(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));

        Assert.DoesNotContain(nameof(RepoPaths.RealContent), text, StringComparison.Ordinal);
        Assert.Empty(ContentFolderLiterals().Matches(text).Select(m => m.Value));
    }

    /// <summary>A host started without <see cref="PortalFactory"/> would read the portal's configured content folder, the real one.</summary>
    [Theory]
    [MemberData(nameof(SourcesOutsideTheLint))]
    public void Every_test_host_is_a_portal_factory_with_its_own_content(string file)
    {
        if (Path.Combine(RepoPaths.Root, file) == PortalFactoryFile)
        {
            return;
        }

        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));

        Assert.DoesNotContain("WebApplicationFactory<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scan_sees_the_test_projects_and_recognises_a_path_to_content()
    {
        Assert.Contains("tests/Tietosuoja.IntegrationTests/Pages/ReadingPagesTests.cs", Sources());
        Assert.All(
            ["Path.Combine(RepoPaths.Root, \"content\")", "\"../../content\"", "\"content/chapters/x/fi/1.0.md\""],
            code => Assert.Matches(ContentFolderLiterals(), code));
        Assert.DoesNotMatch(ContentFolderLiterals(), "\"https://eur-lex.europa.eu/legal-content/FI/TXT/HTML/\" \"tietosuoja-content-\"");
    }

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(TestsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(f => !f.StartsWith(LintFolder, StringComparison.Ordinal) && f != RepoPathsFile)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>A string literal that names the content folder: "content", "../../content", "content/chapters/…".</summary>
    [GeneratedRegex(@"""(?:\.{0,2}[/\\])*content(?:[/\\][^""\r\n]*)?""")]
    private static partial Regex ContentFolderLiterals();
}
