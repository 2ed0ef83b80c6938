using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

/// <summary>Development serves a working copy of content/, made on first run, so that publishing never writes into the repository.</summary>
public sealed class ContentWorkingCopyTests : IDisposable
{
    private readonly ContentFolderBuilder _seed = new ContentFolderBuilder()
        .WithChapter("rekisterinpitaja", "rekisterinpitaja", "personuppgiftsansvarig")
        .WithVersion("rekisterinpitaja", "fi", "1.0")
        .WithFile(".kesken.md", "Käsin kirjoitettava tiedosto, ei vielä valmis.");

    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "tietosuoja-workspace-" + Guid.NewGuid().ToString("N"));

    private const string WorkingCopyPath = "App_Data/content";

    private string WorkingCopy => Path.GetFullPath(Path.Combine(_workspace, WorkingCopyPath));

    public void Dispose()
    {
        _seed.Dispose();
        if (Directory.Exists(_workspace))
        {
            Directory.Delete(_workspace, recursive: true);
        }
    }

    [Fact]
    public void A_missing_content_folder_is_created_from_the_seed_and_served()
    {
        var store = Store();

        Assert.Equal(WorkingCopy, store.RootPath);
        Assert.Equal("rekisterinpitaja", Assert.Single(store.Current.Chapters).Id);
        Assert.Equal(Files(_seed.Root).Where(f => !f.StartsWith('.')), Files(WorkingCopy));
        Assert.Equal([WorkingCopy], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(WorkingCopy)!));
    }

    [Fact]
    public void An_existing_working_copy_is_kept_with_what_was_published_into_it_and_the_seed_is_never_written()
    {
        Store();
        File.WriteAllText(Path.Combine(WorkingCopy, "chapters", "rekisterinpitaja", "fi", "1.1.md"), File.ReadAllText(_seed.PathOf("chapters/rekisterinpitaja/fi/1.0.md")).Replace("\"1.0\"", "\"1.1\"", StringComparison.Ordinal));
        var seedBefore = Files(_seed.Root);

        var store = Store();

        Assert.Equal(["1.0", "1.1"], store.Current.Chapters[0].Versions(Language.Fi).Select(v => v.Version.ToString()));
        Assert.Equal(seedBefore, Files(_seed.Root));
    }

    [Fact]
    public void Without_a_seed_the_content_folder_is_read_where_it_is()
    {
        var store = Store(seeded: false, path: _seed.Root);

        Assert.Equal(_seed.Root, store.RootPath);
        Assert.False(Directory.Exists(_workspace));
    }

    [Fact]
    public void Development_serves_and_publishes_into_a_folder_git_ignores_made_from_another()
    {
        var project = Path.Combine(RepoPaths.Root, "src", "Tietosuoja.Web");
        var development = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(project, "appsettings.json"))
            .AddJsonFile(Path.Combine(project, "appsettings.Development.json"))
            .Build()
            .GetSection(ContentOptions.Section)
            .Get<ContentOptions>()!;

        var served = Path.GetRelativePath(RepoPaths.Root, Path.GetFullPath(Path.Combine(project, development.Path))).Replace('\\', '/');
        var ignored = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".gitignore")).Where(line => line.EndsWith('/') && !line.StartsWith('#'));

        Assert.Contains(ignored, folder => served.StartsWith(folder, StringComparison.Ordinal));
        Assert.NotNull(development.SeedFrom);
        Assert.NotEqual(Path.GetFullPath(Path.Combine(project, development.Path)), Path.GetFullPath(Path.Combine(project, development.SeedFrom)));
    }

    private ContentStore Store(bool seeded = true, string path = WorkingCopyPath)
    {
        var options = new ContentOptions { Path = path, SeedFrom = seeded ? _seed.Root : null };
        return new ContentStore(new ContentLoader(new MarkdownRenderer()), Options.Create(options), new TestHostEnvironment(_workspace, "Development"), NullLogger<ContentStore>.Instance);
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}
