namespace Tietosuoja.TestSupport;

/// <summary>Locations in the repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real content/ folder that the portal ships with.</summary>
    public static string Content => Path.Combine(Root, "content");

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
