using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.UnitTests.Guidance;

/// <summary>
/// The stored snapshot and search index (ADR 0020): a restart on the same content and build reads
/// them and serves exactly what a fresh load would; a damaged, cut-off or foreign file is ignored
/// with one warning and replaced; changed content is loaded afresh and stored under its own key,
/// and old states are pruned.
/// </summary>
public sealed class PersistedSnapshotTests : IDisposable
{
    private static readonly (Language Language, string Query)[] Queries =
    [
        (Language.Fi, "voiko kunta käyttää suostumusta käsittelyperusteena?"),
        (Language.Fi, "rekisteröidyn oikeudet"),
        (Language.Fi, "henkilötietojen käsittely"),
        (Language.Fi, "rekisterinpitäjä"),
        (Language.Fi, "rekisterinpitjä"),
        (Language.Sv, "kan kommunen använda samtycke?"),
        (Language.Sv, "dataskyddsombud"),
        (Language.Sv, "personuppgifter"),
    ];

    private readonly ContentFolderBuilder _content = ContentFolderBuilder.CopyOfFixtureContent();
    private readonly string _cache = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tietosuoja-snapshots-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly ListLogger _log = new();

    [Fact]
    public async Task A_restart_reads_the_stored_snapshot_and_index_and_serves_what_a_fresh_load_does()
    {
        var fresh = await StartAsync();
        Assert.Single(StoredFiles());
        Assert.DoesNotContain(_log.Messages, m => m.Contains("read from", StringComparison.Ordinal));

        var restarted = Start(out _);

        Assert.Contains(_log.Messages, m => m.Contains("read from", StringComparison.Ordinal));
        Assert.Empty(_log.Warnings);
        Assert.True(restarted.Current.IsSearchBuilt);
        Assert.Equal(fresh.Current.Generation, restarted.Current.Generation);
        Assert.Equal(Dump(fresh.Current), Dump(restarted.Current));
        var results = Results(fresh.Current.Search);
        Assert.Contains("<mark>", results, StringComparison.Ordinal);
        Assert.Equal(results, Results(restarted.Current.Search));
        // The index itself, byte for byte: Lucene's files, term numbers, vocabulary and offsets, so every score is the same.
        Assert.Equal(StoredForm(fresh.Current.Search), StoredForm(restarted.Current.Search));
    }

    [Fact]
    public async Task A_restart_from_the_store_renders_nothing_and_so_does_not_make_the_sanitiser()
    {
        var first = new MarkdownRenderer();
        var fresh = Start(out var persisted, first);
        await persisted.LastWrite;
        Assert.True(first.IsPrepared);

        var renderer = new MarkdownRenderer();
        var restarted = Start(out _, renderer);

        Assert.Equal(Dump(fresh.Current), Dump(restarted.Current));
        // HtmlSanitizer's set-up is a quarter of a second of CPU that a warm start does not need.
        Assert.False(renderer.IsPrepared);
    }

    [Theory]
    [InlineData("flipped byte")]
    [InlineData("cut off")]
    [InlineData("another program's file")]
    [InlineData("empty")]
    [InlineData("header only")]
    public async Task A_damaged_cut_off_or_foreign_file_is_ignored_with_one_warning_and_replaced(string damage)
    {
        var fresh = await StartAsync();
        var file = Assert.Single(StoredFiles());
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "flipped byte" => [.. bytes[..(bytes.Length / 2)], (byte)(bytes[bytes.Length / 2] ^ 0x10), .. bytes[(bytes.Length / 2 + 1)..]],
            "cut off" => bytes[..(bytes.Length * 2 / 3)],
            "another program's file" => Encoding.UTF8.GetBytes("tietosuoja-analyses 1 abc\nend 0\n"),
            "empty" => [],
            _ => bytes[..100],
        });

        var restarted = await StartAsync();

        Assert.Single(_log.Warnings);
        Assert.Contains("is ignored", _log.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(Dump(fresh.Current), Dump(restarted.Current));
        Assert.Equal(Results(fresh.Current.Search), Results(restarted.Current.Search));

        // Written again whole: the next start reads it.
        _log.Clear();
        Start(out _);
        Assert.Empty(_log.Warnings);
        Assert.Contains(_log.Messages, m => m.Contains("read from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changed_content_is_loaded_afresh_and_stored_under_its_own_key_and_old_states_are_pruned()
    {
        var store = Start(out var persisted);
        await persisted.LastWrite;
        var first = Assert.Single(StoredFiles());

        for (var change = 1; change <= PersistedSnapshot.Kept + 1; change++)
        {
            File.AppendAllText(_content.PathOf("pages/about.fi.md"), $"\nMuutos numero {change} sivulla.\n");
            Assert.True(store.ReloadIfChanged());
            await persisted.LastWrite;
            Assert.Contains($"Muutos numero {change} sivulla.", store.Current.Page("about", Language.Fi)!.Body.Html, StringComparison.Ordinal);
        }

        Assert.Equal(PersistedSnapshot.Kept, StoredFiles().Count);
        Assert.DoesNotContain(first, StoredFiles());
        Assert.DoesNotContain(_log.Messages, m => m.Contains("read from", StringComparison.Ordinal));

        // A restart on the last state reads it.
        var restarted = Start(out _);
        Assert.Contains(_log.Messages, m => m.Contains("read from", StringComparison.Ordinal));
        Assert.Contains($"Muutos numero {PersistedSnapshot.Kept + 1} sivulla.", restarted.Current.Page("about", Language.Fi)!.Body.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_changed_during_the_load_is_not_stored_under_the_state_before_it()
    {
        var store = Start(out var persisted);
        await persisted.LastWrite;
        File.Delete(Assert.Single(StoredFiles()));

        await persisted.WriteInBackground(persisted.Key(_content.Root, [], LanguageTools.Default)!, store.Current, () => "the folder as it is now");

        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Replicas_writing_one_state_at_once_leave_one_whole_file_that_reads_back()
    {
        var store = Start(out var persisted);
        await persisted.LastWrite;
        var key = persisted.Key(_content.Root, new ContentLoader(new MarkdownRenderer()).ReservedSegments, LanguageTools.Default)!;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PersistedSnapshot.Write(persisted.FileOf(key), key, store.Current))));

        Assert.Equal([persisted.FileOf(key)], StoredFiles());
        Assert.Empty(Directory.GetFiles(_cache, "*.tmp"));
        Assert.Equal(Dump(store.Current), Dump(persisted.Read(key, store.Current.Generation, LanguageTools.Default)!));
    }

    [Fact]
    public void Without_a_folder_nothing_is_stored_and_the_content_loads()
    {
        var store = new ContentStore(new ContentLoader(new MarkdownRenderer()), Options.Create(new ContentOptions { Path = _content.Root }), new TestHostEnvironment(_content.Root), NullLogger<ContentStore>.Instance, persisted: new PersistedSnapshot(null, _log));

        Assert.True(store.HasContent);
        Assert.Empty(Directory.GetFiles(_cache));
    }

    public void Dispose()
    {
        _content.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    private ContentStore Start(out PersistedSnapshot persisted, MarkdownRenderer? renderer = null)
    {
        persisted = new PersistedSnapshot(_cache, _log);
        return new ContentStore(new ContentLoader(renderer ?? new MarkdownRenderer()), Options.Create(new ContentOptions { Path = _content.Root }), new TestHostEnvironment(_content.Root), NullLogger<ContentStore>.Instance, persisted: persisted);
    }

    /// <summary>A start, once its snapshot is stored.</summary>
    private async Task<ContentStore> StartAsync()
    {
        var store = Start(out var persisted);
        await persisted.LastWrite;
        return store;
    }

    private List<string> StoredFiles() => [.. Directory.GetFiles(_cache, "snapshot-*.bin").Order(StringComparer.Ordinal)];

    /// <summary>Everything a reader can be shown from a snapshot, field by field.</summary>
    private static string Dump(ContentSnapshot snapshot)
    {
        var text = new StringBuilder();
        foreach (var language in Languages.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"site {language} {snapshot.Site.Title(language)} | {snapshot.Site.Description(language)}");
        }

        foreach (var entry in snapshot.Glossary)
        {
            foreach (var language in Languages.All)
            {
                var t = entry.In(language);
                text.AppendLine(CultureInfo.InvariantCulture, $"term {entry.Id} {language} {t.Term} | {t.Definition} | {t.Reference}");
            }
        }

        foreach (var chapter in snapshot.Chapters)
        {
            foreach (var language in Languages.All)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"chapter {chapter.Id} {chapter.Number} {language} {chapter.Slug(language)} {chapter.Current(language)?.Version}");
                foreach (var v in chapter.Versions(language))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"version {v.ChapterId} {v.Language} {v.Version} {v.Title} {v.Status} {v.Date:O} {v.Summary} {v.SourceFile} {v.IsFinal}");
                    text.AppendLine(v.Body.Html).AppendLine(v.CommentableHtml);
                    text.AppendJoin('\n', v.Body.Headings.Select(h => $"heading {h.Level} {h.Text} {h.Anchor}")).AppendLine();
                    text.AppendJoin('\n', v.Text.Select(b => $"block {b.Kind} {b.Level} {b.SectionAnchor} {b.Text}")).AppendLine();
                }
            }
        }

        foreach (var page in snapshot.Pages)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"page {page.Key} {page.Language} {page.Slug} {page.Title} {page.SourceFile}").AppendLine(page.Body.Html);
            text.AppendJoin('\n', page.Body.Headings.Select(h => $"heading {h.Level} {h.Text} {h.Anchor}")).AppendLine();
        }

        return text.ToString();
    }

    private static string Results(GuidanceSearchIndex index) =>
        string.Join('\n', Queries.SelectMany(q => new[] { (true, 1), (false, 1), (true, 2) }.SelectMany(options =>
        {
            var results = index.Search(q.Language, q.Query, options.Item1, options.Item2);
            return results.Hits
                .Select(h => $"{h.Chapter.Id} {h.Version.Language} {h.Version.Version} {h.Anchor} {h.IsLatest} {h.HeadingHtml} {h.SnippetHtml}")
                .Prepend($"{q.Query} {options} {results.Total} {results.Page} {results.Problem} {results.Suggestion}");
        })));

    private static byte[] StoredForm(GuidanceSearchIndex index)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            index.Write(writer);
        }

        return stream.ToArray();
    }

    private sealed class ListLogger : ILogger<PersistedSnapshot>
    {
        private readonly List<(LogLevel Level, string Message)> _entries = [];

        public List<string> Messages
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries.Select(e => e.Message)];
                }
            }
        }

        public List<string> Warnings
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message)];
                }
            }
        }

        public void Clear()
        {
            lock (_entries)
            {
                _entries.Clear();
            }
        }

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
