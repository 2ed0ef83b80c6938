namespace Tietosuoja.TestSupport;

/// <summary>Locations in the repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The guidance content tests own (tests/fixtures/content): frozen, changed only when a test
    /// needs it to, so that publishing real guidance never turns a test red.
    /// </summary>
    public static string FixtureContent => Path.Combine(Root, "tests", "fixtures", "content");

    /// <summary>
    /// The real content/ folder that the portal ships with, which editors change. Only the content
    /// lint (tests/Tietosuoja.UnitTests/ContentLint) may read it, and only to check rules that hold
    /// for any content; <c>TestSourcesTests</c> fails if anything else refers to it.
    /// </summary>
    public static string RealContent => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tietosuoja.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Tietosuoja.sln not found above {AppContext.BaseDirectory}");
    }
}
