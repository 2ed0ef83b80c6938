using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// The content snapshot as the loader rendered it, with its search index, kept in a file per
/// content state (ADR 0020), so that a restart on the same content and the same build reads it
/// instead of parsing, linking, rendering, sanitising, analysing and inverting the guidance again.
/// </summary>
/// <remarks>
/// The file's name and first bytes carry a hash of everything the result depends on: this format,
/// the portal's code (the module version id of this assembly), the versions of the libraries that
/// render and index (Markdig, HtmlSanitizer, AngleSharp, YamlDotNet, Lucene.NET), each language's
/// dictionary (which one, and its files or version: ADR 0017), the URL segments other parts reserve,
/// and every visible file of the content folder, path and bytes. A SHA-256 of the rest follows, so
/// a damaged or cut-off file is refused before anything is read from it. A file that cannot be used
/// is ignored with one warning and the content is loaded afresh; nothing here fails a load. Files
/// are written to a temporary name and renamed, so replicas sharing the folder see a whole file or
/// none, and only the few newest are kept.
/// </remarks>
/// <param name="background">When given, a write waits for it (<see cref="BackgroundStart"/>): storing is not the start's work, and a first start must not be slower for it.</param>
public sealed partial class PersistedSnapshot(string? folder, ILogger<PersistedSnapshot> logger, BackgroundStart? background = null)
{
    private const int FormatVersion = 1;
    private const string Prefix = "snapshot-";
    private const string Extension = ".bin";

    /// <summary>How many stored states are kept: the current one and a few before it, for replicas of the previous build or content still running beside this one.</summary>
    public const int Kept = 3;

    private static readonly byte[] Magic = "tietosuoja-snapshot\n"u8.ToArray();

    /// <summary>The folder of the stored snapshots; null when they are not kept.</summary>
    public string? Folder { get; } = folder;

    /// <summary>
    /// The key of the content folder's present state, or null when snapshots are not kept or the
    /// folder cannot be read whole (then the loader reads it and reports what is wrong).
    /// </summary>
    public string? Key(string contentRoot, IEnumerable<string> reservedSegments, LanguageTools tools)
    {
        if (Folder is null || !Directory.Exists(contentRoot))
        {
            return null;
        }

        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var code = new StringBuilder()
                .Append(FormatVersion).Append('\n')
                .Append(typeof(PersistedSnapshot).Assembly.ManifestModule.ModuleVersionId).Append('\n');
            foreach (var library in new[] { typeof(Markdig.Markdown), typeof(Ganss.Xss.HtmlSanitizer), typeof(AngleSharp.IConfiguration), typeof(YamlDotNet.Serialization.Deserializer), typeof(Lucene.Net.Index.IndexWriter) })
            {
                code.Append(library.Assembly.GetName().Name).Append(' ')
                    .Append(library.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion).Append('\n');
            }

            foreach (var language in Languages.All)
            {
                code.Append(language).Append(' ').Append(tools.For(language) switch
                {
                    ICachedMorphology cached => $"{cached.GetType().Name} {cached.Identity}",
                    { } other => other.GetType().Name,
                    null => "none",
                }).Append('\n');
            }

            code.AppendJoin(' ', reservedSegments.Order(StringComparer.Ordinal)).Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(code.ToString()));
            foreach (var file in ContentStore.VisibleFiles(contentRoot))
            {
                var bytes = File.ReadAllBytes(file);
                hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetRelativePath(contentRoot, file).Replace(Path.DirectorySeparatorChar, '/')}\n{bytes.Length}\n"));
                hash.AppendData(bytes);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The most recent <see cref="WriteInBackground"/>, for tests and benchmarks that wait for the file.</summary>
    public Task LastWrite { get; private set; } = Task.CompletedTask;

    public string FileOf(string key) => Path.Combine(Folder!, $"{Prefix}{key}{Extension}");

    /// <summary>The snapshot stored under <paramref name="key"/>, as generation <paramref name="generation"/> and with its index; null (and one warning if a file was there but unusable) otherwise.</summary>
    public ContentSnapshot? Read(string key, long generation, LanguageTools tools)
    {
        var file = FileOf(key);
        byte[] bytes;
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogIgnored(file, e.Message);
            return null;
        }

        try
        {
            var snapshot = Deserialize(bytes, key, generation, tools);
            LogRead(file, bytes.Length);
            Touch(file);
            return snapshot;
        }
        catch (Exception e)
        {
            // Damage that passed the checks, or a fault of our own: the content is loaded afresh either way.
            LogIgnored(file, e is InvalidDataException or EndOfStreamException ? e.Message : e.GetType().Name);
            return null;
        }
    }

    /// <summary>Stores <paramref name="snapshot"/>, whose search index is built, under <paramref name="key"/> on the thread pool, if the folder still holds that state once it is written.</summary>
    /// <param name="currentKey">The key of the folder as it is now: a file changed during the load must not be stored under the old state's key.</param>
    public Task WriteInBackground(string key, ContentSnapshot snapshot, Func<string?> currentKey) => LastWrite = Task.Run(async () =>
    {
        var file = FileOf(key);
        try
        {
            if (background is not null)
            {
                await background.WaitAsync(CancellationToken.None);
            }

            if (currentKey() != key)
            {
                return;
            }

            Write(file, key, snapshot);
            LogWritten(file);
            Prune(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(file, e.Message);
        }
        catch (Exception e)
        {
            // Never an unobserved fault: the next start loads afresh.
            LogWriteFault(e, file);
        }
    });

    internal static void Write(string file, string key, ContentSnapshot snapshot)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            SnapshotFormat.Write(writer, snapshot);
            snapshot.Search.Write(writer);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(key);
                writer.Write(payload.Length);
                writer.Write(SHA256.HashData(payload.GetBuffer().AsSpan(0, (int)payload.Length)));
                writer.Write(payload.GetBuffer(), 0, (int)payload.Length);
            }

            File.Move(temporary, file, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static ContentSnapshot Deserialize(byte[] bytes, string key, long generation, LanguageTools tools)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        if (bytes.Length < Magic.Length || !reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a stored snapshot");
        }

        if (reader.ReadInt32() != FormatVersion || reader.ReadString() != key)
        {
            throw new InvalidDataException("written for another format or content");
        }

        var length = reader.ReadInt64();
        var expected = reader.ReadBytes(32);
        var start = (int)reader.BaseStream.Position;
        if (length != bytes.Length - start)
        {
            throw new InvalidDataException("its length does not match (cut off or written over)");
        }

        if (!SHA256.HashData(bytes.AsSpan(start)).AsSpan().SequenceEqual(expected))
        {
            throw new InvalidDataException("its checksum does not match (damaged)");
        }

        var parts = SnapshotFormat.Read(reader);
        var search = GuidanceSearchIndex.Read(reader, parts.Chapters, tools);
        if (reader.BaseStream.Position != bytes.Length)
        {
            throw new InvalidDataException("it has bytes after the index");
        }

        return new ContentSnapshot(parts.Site, parts.Chapters, parts.Pages, parts.Glossary, generation, search);
    }

    /// <summary>A state read again is still in use: it is kept by <see cref="Prune"/> before older ones.</summary>
    private static void Touch(string file)
    {
        try
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only volume keeps its files; pruning then goes by write time alone.
        }
    }

    /// <summary>Keeps the newest <see cref="Kept"/> states (the one just written among them) and drops temporary files a stopped writer left.</summary>
    private void Prune(string written)
    {
        var folder = new DirectoryInfo(Folder!);
        var stale = folder.EnumerateFiles($"{Prefix}*{Extension}")
            .Where(f => f.FullName != written)
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Skip(Kept - 1)
            .Concat(folder.EnumerateFiles($"{Prefix}*.tmp").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1)));
        foreach (var file in stale)
        {
            try
            {
                file.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another replica removed it first, or may not: the next write tries again.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content snapshot and search index read from {File} ({Bytes} bytes)")]
    private partial void LogRead(string file, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored content snapshot {File} is ignored ({Problem}); the content is loaded afresh and stored again")]
    private partial void LogIgnored(string file, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content snapshot and search index stored in {File}")]
    private partial void LogWritten(string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content snapshot could not be stored in {File} ({Problem}); the next start loads the content afresh")]
    private partial void LogWriteFailed(string file, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing the content snapshot in {File} failed; the next start loads the content afresh")]
    private partial void LogWriteFault(Exception exception, string file);
}

/// <summary>The snapshot's own parts in the stored form of <see cref="PersistedSnapshot"/>: every field of every record, in a fixed order.</summary>
internal static class SnapshotFormat
{
    public sealed record Parts(SiteInfo Site, ImmutableArray<Chapter> Chapters, ImmutableArray<SitePage> Pages, ImmutableArray<GlossaryEntry> Glossary);

    public static void Write(BinaryWriter writer, ContentSnapshot snapshot)
    {
        foreach (var language in Languages.All)
        {
            writer.Write(snapshot.Site.Title(language));
            writer.Write(snapshot.Site.Description(language));
        }

        writer.Write(snapshot.Glossary.Length);
        foreach (var entry in snapshot.Glossary)
        {
            writer.Write(entry.Id);
            writer.Write(entry.Texts.Count);
            foreach (var (language, text) in entry.Texts.OrderBy(t => t.Key))
            {
                writer.Write((int)language);
                writer.Write(text.Term);
                writer.Write(text.Definition);
                WriteNullable(writer, text.Reference);
            }
        }

        writer.Write(snapshot.Chapters.Length);
        foreach (var chapter in snapshot.Chapters)
        {
            writer.Write(chapter.Id);
            writer.Write(chapter.Number);
            var languages = Languages.All.Where(chapter.IsAvailableIn).ToList();
            writer.Write(languages.Count);
            foreach (var language in languages)
            {
                writer.Write((int)language);
                writer.Write(chapter.Slug(language));
                var versions = chapter.Versions(language);
                writer.Write(versions.Length);
                foreach (var version in versions)
                {
                    WriteVersion(writer, version);
                }
            }

            // Slugs of languages without versions: the site file gives every chapter a slug per language.
            var slugOnly = Languages.All.Where(l => !chapter.IsAvailableIn(l)).ToList();
            writer.Write(slugOnly.Count);
            foreach (var language in slugOnly)
            {
                writer.Write((int)language);
                writer.Write(chapter.Slug(language));
            }
        }

        writer.Write(snapshot.Pages.Length);
        foreach (var page in snapshot.Pages)
        {
            writer.Write(page.Key);
            writer.Write((int)page.Language);
            writer.Write(page.Slug);
            writer.Write(page.Title);
            WriteDocument(writer, page.Body);
            writer.Write(page.SourceFile);
        }
    }

    public static Parts Read(BinaryReader reader)
    {
        var titles = ImmutableDictionary.CreateBuilder<Language, string>();
        var descriptions = ImmutableDictionary.CreateBuilder<Language, string>();
        foreach (var language in Languages.All)
        {
            titles[language] = reader.ReadString();
            descriptions[language] = reader.ReadString();
        }

        var glossary = ImmutableArray.CreateBuilder<GlossaryEntry>();
        for (var count = ReadCount(reader); glossary.Count < count;)
        {
            var id = reader.ReadString();
            var texts = ImmutableDictionary.CreateBuilder<Language, GlossaryText>();
            for (var i = ReadCount(reader); i > 0; i--)
            {
                texts[ReadLanguage(reader)] = new GlossaryText(reader.ReadString(), reader.ReadString(), ReadNullable(reader));
            }

            glossary.Add(new GlossaryEntry(id, texts.ToImmutable()));
        }

        var chapters = ImmutableArray.CreateBuilder<Chapter>();
        for (var count = ReadCount(reader); chapters.Count < count;)
        {
            var id = reader.ReadString();
            var number = reader.ReadInt32();
            var slugs = ImmutableDictionary.CreateBuilder<Language, string>();
            var versions = ImmutableDictionary.CreateBuilder<Language, ImmutableArray<ChapterVersion>>();
            for (var languages = ReadCount(reader); languages > 0; languages--)
            {
                var language = ReadLanguage(reader);
                slugs[language] = reader.ReadString();
                var list = ImmutableArray.CreateBuilder<ChapterVersion>();
                for (var i = ReadCount(reader); i > 0; i--)
                {
                    list.Add(ReadVersion(reader));
                }

                versions[language] = list.ToImmutable();
            }

            for (var slugOnly = ReadCount(reader); slugOnly > 0; slugOnly--)
            {
                slugs[ReadLanguage(reader)] = reader.ReadString();
            }

            chapters.Add(new Chapter(id, number, slugs.ToImmutable(), versions.ToImmutable()));
        }

        var pages = ImmutableArray.CreateBuilder<SitePage>();
        for (var count = ReadCount(reader); pages.Count < count;)
        {
            pages.Add(new SitePage(reader.ReadString(), ReadLanguage(reader), reader.ReadString(), reader.ReadString(), ReadDocument(reader), reader.ReadString()));
        }

        return new Parts(new SiteInfo(titles.ToImmutable(), descriptions.ToImmutable()), chapters.ToImmutable(), pages.ToImmutable(), glossary.ToImmutable());
    }

    private static void WriteVersion(BinaryWriter writer, ChapterVersion version)
    {
        writer.Write(version.ChapterId);
        writer.Write((int)version.Language);
        writer.Write(version.Version.Major);
        writer.Write(version.Version.Minor);
        writer.Write(version.Title);
        writer.Write((int)version.Status);
        writer.Write(version.Date.DayNumber);
        writer.Write(version.Summary);
        WriteDocument(writer, version.Body);
        writer.Write(version.CommentableHtml);
        writer.Write(version.Text.Length);
        foreach (var block in version.Text)
        {
            writer.Write((int)block.Kind);
            writer.Write(block.Level);
            writer.Write(block.Text);
            WriteNullable(writer, block.SectionAnchor);
        }

        writer.Write(version.SourceFile);
    }

    private static ChapterVersion ReadVersion(BinaryReader reader)
    {
        var chapterId = reader.ReadString();
        var language = ReadLanguage(reader);
        var number = new VersionNumber(reader.ReadInt32(), reader.ReadInt32());
        var title = reader.ReadString();
        var status = ReadEnum<VersionStatus>(reader);
        var date = DateOnly.FromDayNumber(reader.ReadInt32());
        var summary = reader.ReadString();
        var body = ReadDocument(reader);
        var commentable = reader.ReadString();
        var text = ImmutableArray.CreateBuilder<TextBlock>();
        for (var i = ReadCount(reader); i > 0; i--)
        {
            text.Add(new TextBlock(ReadEnum<TextBlockKind>(reader), reader.ReadInt32(), reader.ReadString(), ReadNullable(reader)));
        }

        return new ChapterVersion(chapterId, language, number, title, status, date, summary, body, commentable, text.ToImmutable(), reader.ReadString());
    }

    private static void WriteDocument(BinaryWriter writer, RenderedDocument document)
    {
        writer.Write(document.Html);
        writer.Write(document.Headings.Length);
        foreach (var heading in document.Headings)
        {
            writer.Write(heading.Level);
            writer.Write(heading.Text);
            writer.Write(heading.Anchor);
        }
    }

    private static RenderedDocument ReadDocument(BinaryReader reader)
    {
        var html = reader.ReadString();
        var headings = ImmutableArray.CreateBuilder<Heading>();
        for (var i = ReadCount(reader); i > 0; i--)
        {
            headings.Add(new Heading(reader.ReadInt32(), reader.ReadString(), reader.ReadString()));
        }

        return new RenderedDocument(html, headings.ToImmutable());
    }

    private static void WriteNullable(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        // Counts are checked before anything is allocated for them: no record is smaller than a byte.
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position ? count : throw new InvalidDataException("a count is out of range");
    }

    private static Language ReadLanguage(BinaryReader reader) => ReadEnum<Language>(reader);

    private static T ReadEnum<T>(BinaryReader reader)
        where T : struct, Enum
    {
        var value = (T)(object)reader.ReadInt32();
        return Enum.IsDefined(value) ? value : throw new InvalidDataException($"not a {typeof(T).Name}");
    }
}
