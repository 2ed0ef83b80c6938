using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>
/// Publishing into one content folder from several instances of the portal (replicas on a shared
/// volume), each with its own store and publisher, and taking a publication back out cleanly.
/// </summary>
public sealed class PublishingReplicasTests : IDisposable
{
    private readonly ContentFolderBuilder _content = ContentFolderBuilder.CopyOfFixtureContent();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task Two_instances_adding_different_chapters_at_the_same_time_both_land()
    {
        using var first = Replica(_content.Root);
        using var second = Replica(_content.Root);

        for (var round = 1; round <= 3; round++)
        {
            var results = await Task.WhenAll(
                Task.Run(() => first.Publisher.PublishAsync(NewChapter($"uusi-a{round}"), CancellationToken.None)),
                Task.Run(() => second.Publisher.PublishAsync(NewChapter($"uusi-b{round}"), CancellationToken.None)));

            Assert.All(results, result => Assert.True(result.CanPublish, string.Join("; ", result.Problems.Select(p => $"{p.MessageKey} {string.Join(" ", p.Arguments)}"))));
        }

        var loaded = new ContentLoader(new MarkdownRenderer()).Load(_content.Root, 1);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        var ids = loaded.Snapshot!.Chapters.Select(c => c.Id).ToList();
        Assert.Equal(["uusi-a1", "uusi-a2", "uusi-a3", "uusi-b1", "uusi-b2", "uusi-b3"], ids.Where(id => id.StartsWith("uusi-", StringComparison.Ordinal)).Order());
        Assert.False(File.Exists(_content.PathOf(ChapterPublisher.LockFileName)));
        // The comments people wrote in site.yml stay.
        Assert.StartsWith("# Site-level settings", File.ReadAllText(_content.PathOf("site.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publication_waits_for_a_lock_another_instance_holds_and_takes_over_a_stale_one()
    {
        using var replica = Replica(_content.Root);
        var lockFile = _content.PathOf(ChapterPublisher.LockFileName);
        File.WriteAllText(lockFile, string.Empty);

        var publishing = replica.Publisher.PublishAsync(NewChapter("uusi-odottaa"), CancellationToken.None);
        await Task.Delay(300);
        Assert.False(publishing.IsCompleted);
        File.Delete(lockFile);
        Assert.True((await publishing).CanPublish);

        // A lock left behind by an instance that stopped mid-publication.
        File.WriteAllText(lockFile, string.Empty);
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow - ChapterPublisher.StaleLockAge - TimeSpan.FromSeconds(1));
        Assert.True((await replica.Publisher.PublishAsync(NewChapter("uusi-vanha-lukko"), CancellationToken.None)).CanPublish);
        Assert.False(File.Exists(lockFile));
    }

    [Fact]
    public async Task A_new_chapter_whose_reload_is_refused_leaves_the_folder_exactly_as_it_was()
    {
        // The disk starts failing on a file between the check and the reload after the write.
        var files = new UnreadableAfterFirstRead(new FolderContentFiles(_content.Root), "pages/about.fi.md");
        using var replica = Replica(_content.Root, files);
        var generation = replica.Store.Current.Generation;
        var before = Tree(_content.Root);

        files.Arm();
        var result = await replica.Publisher.PublishAsync(NewChapter("uusi-peruttu"), CancellationToken.None);

        Assert.False(result.CanPublish);
        Assert.Contains(result.Problems, p => p.MessageKey == "Publish_OtherFileError" && p.Arguments[0].ToString()!.StartsWith("pages/about.fi.md: ", StringComparison.Ordinal));
        Assert.Equal(before, Tree(_content.Root));
        Assert.Equal(generation, replica.Store.Current.Generation);
    }

    [Fact]
    public async Task A_write_the_content_volume_refuses_is_reported_and_changes_nothing()
    {
        // A file where the new chapter's folder has to go: creating the folder fails as on a full or read-only volume.
        _content.WithFile("chapters/uusi-estetty", "ei kansio");
        using var replica = Replica(_content.Root);
        var before = Tree(_content.Root);

        var result = await replica.Publisher.PublishAsync(NewChapter("uusi-estetty"), CancellationToken.None);

        Assert.Equal("Publish_WriteFailed", Assert.Single(result.Problems).MessageKey);
        Assert.Equal(before, Tree(_content.Root));
    }

    [Fact]
    public void The_site_file_gets_the_new_chapter_wherever_its_list_is_and_keeps_its_comments()
    {
        const string site = "# Sivuston asetukset\nchapters: # lukujärjestys\n  - id: eka\n    slug:\n      fi: eka\n      sv: forsta\n\n# Otsikot\ntitle:\n  fi: Ohjeet\n  sv: Anvisningar\ndescription:\n  fi: Kuvaus.\n  sv: Beskrivning.\n";

        var edited = SiteFileEditor.WithChapter(site, "toka", "toka", "andra");

        Assert.Equal(
            "# Sivuston asetukset\nchapters: # lukujärjestys\n  - id: eka\n    slug:\n      fi: eka\n      sv: forsta\n  - id: toka\n    slug:\n      fi: toka\n      sv: andra\n\n# Otsikot\ntitle:\n  fi: Ohjeet\n  sv: Anvisningar\ndescription:\n  fi: Kuvaus.\n  sv: Beskrivning.\n",
            edited);
    }

    [Fact]
    public void An_id_that_yaml_would_read_as_null_or_a_number_is_quoted()
    {
        var edited = SiteFileEditor.WithChapter("chapters:\n  - id: eka\n    slug:\n      fi: eka\n      sv: forsta\n", "null", "123", "true");

        Assert.EndsWith("  - id: \"null\"\n    slug:\n      fi: \"123\"\n      sv: \"true\"\n", edited, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title:\n  fi: Ohjeet\n  sv: Anvisningar\nchapters: []\n")]
    [InlineData("title:\n  fi: Ohjeet\n  sv: Anvisningar\n")]
    [InlineData("chapters: [{id: eka, slug: {fi: eka, sv: forsta}}]\ntitle: {fi: Ohjeet, sv: Anvisningar}\n")]
    public void A_site_file_without_a_block_list_of_chapters_is_written_from_the_model(string site)
    {
        var edited = SiteFileEditor.WithChapter(site, "toka", "toka", "andra");

        Assert.Contains("Anvisningar", edited, StringComparison.Ordinal);
        Assert.Contains("id: \"toka\"", edited, StringComparison.Ordinal);
        Assert.Equal(site.Contains("eka", StringComparison.Ordinal), edited.Contains("id: eka", StringComparison.Ordinal));
    }

    private static ChapterText NewChapter(string id) =>
        new(id, Language.Fi, new VersionNumber(1, 0), VersionStatus.Published, $"Luku {id}", "Uusi luku.", "## Osio\n\nTeksti.\n", id, id + "-sv");

    /// <summary>Every folder and file under the root, with each file's hash.</summary>
    private static List<string> Tree(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(entry => Path.GetRelativePath(root, entry) + (Directory.Exists(entry) ? "/" : " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)))))
            .Order(StringComparer.Ordinal)];

    private static Instance Replica(string root, IContentFiles? files = null)
    {
        var renderer = new MarkdownRenderer();
        var loader = new ContentLoader(renderer);
        var store = new ContentStore(loader, Options.Create(new ContentOptions { Path = root }), new TestHostEnvironment(root), NullLogger<ContentStore>.Instance, files);
        return new Instance(store, new ChapterPublisher(store, loader, renderer, TimeProvider.System));
    }

    private sealed record Instance(ContentStore Store, ChapterPublisher Publisher) : IDisposable
    {
        public void Dispose() => Publisher.Dispose();
    }

    /// <summary>Content files of which one, once armed, can be read once more and then no longer.</summary>
    private sealed class UnreadableAfterFirstRead(IContentFiles inner, string path) : IContentFiles
    {
        private int _readsSinceArmed = -1;

        public void Arm() => Interlocked.Exchange(ref _readsSinceArmed, 0);

        public bool FileExists(string file) => inner.FileExists(file);

        public bool FolderExists(string folder) => inner.FolderExists(folder);

        public IReadOnlyList<string> Files(string folder, string extension) => inner.Files(folder, extension);

        public IReadOnlyList<string> Folders(string folder) => inner.Folders(folder);

        public string ReadAllText(string file) =>
            file == path && Volatile.Read(ref _readsSinceArmed) >= 0 && Interlocked.Increment(ref _readsSinceArmed) > 1
                ? throw new IOException("Input/output error")
                : inner.ReadAllText(file);
    }
}
