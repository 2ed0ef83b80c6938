using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// Holds the snapshot that requests read. A reload builds a complete new snapshot off to the side
/// and swaps the reference in one write, so a request sees either the old content or the new,
/// never a mix; invalid content is refused and the last good snapshot stays in service. Nothing
/// here throws: a refused or failed load is logged and reported by <see cref="Errors"/> (and so by
/// /health/ready), and the next change to the folder is tried again.
/// </summary>
public sealed partial class ContentStore
{
    private readonly ContentLoader _loader;
    private readonly ILogger<ContentStore> _logger;
    private readonly Lock _reloadLock = new();
    private ContentSnapshot _current = ContentSnapshot.Empty;
    private ImmutableArray<ContentError> _errors = [];
    private string? _fingerprint;
    private readonly PersistedSnapshot? _persisted;

    /// <param name="files">What the loader reads; by default the content folder itself.</param>
    /// <param name="persisted">Where loaded snapshots are kept between starts; only used when the loader reads the content folder itself.</param>
    public ContentStore(ContentLoader loader, IOptions<ContentOptions> options, IHostEnvironment environment, ILogger<ContentStore> logger, IContentFiles? files = null, PersistedSnapshot? persisted = null)
    {
        _loader = loader;
        _logger = logger;
        RootPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));
        Files = files ?? new FolderContentFiles(RootPath);
        _persisted = files is null && persisted?.Folder is not null ? persisted : null;
        if (options.Value.SeedFrom is { Length: > 0 } seedFrom)
        {
            Seed(Path.GetFullPath(Path.Combine(environment.ContentRootPath, seedFrom)));
        }

        Reload();
    }

    public string RootPath { get; }

    /// <summary>A seed that cannot be copied leaves the folder as it is; the load then reports what is missing.</summary>
    private void Seed(string seed)
    {
        try
        {
            if (ContentFolder.SeedIfMissing(RootPath, seed))
            {
                LogSeeded(RootPath, seed);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSeedFailed(e, RootPath, seed);
        }
    }

    /// <summary>The content files as the loader reads them; a draft check lays its new file over these.</summary>
    public IContentFiles Files { get; }

    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Errors of the most recent load; empty when it succeeded.</summary>
    public ImmutableArray<ContentError> Errors => _errors;

    public bool HasContent => Current.Generation > 0;

    /// <summary>Reloads when any file under the content folder was added, removed or changed since the last attempt.</summary>
    public bool ReloadIfChanged()
    {
        var fingerprint = Fingerprint(RootPath);
        if (fingerprint == Volatile.Read(ref _fingerprint))
        {
            return false;
        }

        Reload(fingerprint);
        return true;
    }

    public ContentLoadResult Reload() => Reload(Fingerprint(RootPath));

    /// <param name="fingerprint">Taken before reading, so that a change made during the load is seen by the next check.</param>
    private ContentLoadResult Reload(string fingerprint)
    {
        lock (_reloadLock)
        {
            _fingerprint = fingerprint;
            ContentLoadResult result;
            try
            {
                result = StoredOrLoaded(Current.Generation + 1);
            }
            catch (Exception e)
            {
                // The loader does not throw; this is a fault of our own (logging, say). Forget the
                // fingerprint so that the next check tries again, and keep serving what we have.
                _fingerprint = null;
                LogReloadFailed(e);
                result = new ContentLoadResult(null, [new ContentError(".", null, ContentErrorCode.ContentLoadFailed, e.GetType().Name)]);
            }

            _errors = result.Errors;
            if (result.Snapshot is { } snapshot)
            {
                Volatile.Write(ref _current, snapshot);
                var versionCount = snapshot.Chapters.Sum(c => Languages.All.Sum(l => c.Versions(l).Length));
                LogLoaded(snapshot.Generation, snapshot.Chapters.Length, versionCount);
                PortalMetrics.ContentReloads.Add(1, PortalMetrics.Tag("outcome", "accepted"));
                PortalMetrics.SnapshotGeneration.Record(snapshot.Generation);
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    LogContentError(error.File, error.Line, error.Code, error.Message);
                }

                LogRefused(result.Errors.Length, Current.Generation);
                PortalMetrics.ContentReloads.Add(1, PortalMetrics.Tag("outcome", "refused"));
            }

            return result;
        }
    }

    /// <summary>
    /// The snapshot stored for exactly the folder's present files and this build, index included
    /// (ADR 0020); else a load with its index built, stored on the thread pool for the next start
    /// or replica. Either way the same snapshot, ready before readers get it.
    /// </summary>
    private ContentLoadResult StoredOrLoaded(long generation)
    {
        var key = _persisted?.Key(RootPath, _loader.ReservedSegments, LanguageTools.Default);
        if (key is not null && _persisted!.Read(key, generation, LanguageTools.Default) is { } stored)
        {
            return new ContentLoadResult(stored, []);
        }

        var result = IntoService(_loader.Load(Files, generation));
        if (key is not null && result.Snapshot is { } snapshot)
        {
            _ = _persisted!.WriteInBackground(key, snapshot, () => _persisted.Key(RootPath, _loader.ReservedSegments, LanguageTools.Default));
        }

        return result;
    }

    /// <summary>Builds the search index of a valid snapshot before readers get it; a failure refuses the snapshot like a content error.</summary>
    private ContentLoadResult IntoService(ContentLoadResult result)
    {
        if (result.Snapshot is not { } snapshot)
        {
            return result;
        }

        try
        {
            _ = snapshot.Search;
            return result;
        }
        catch (Exception e)
        {
            LogIndexFailed(e);
            return new ContentLoadResult(null, [new ContentError(".", null, ContentErrorCode.SearchIndexFailed, e.GetType().Name)]);
        }
    }

    /// <summary>
    /// Names, sizes and times of the visible files (hidden ones, such as temporary and lock files,
    /// are not content). An entry that cannot be examined still changes the fingerprint, so the
    /// loader runs and reports it.
    /// </summary>
    private static string Fingerprint(string root)
    {
        var text = new StringBuilder();
        try
        {
            if (!Directory.Exists(root))
            {
                return string.Empty;
            }

            foreach (var file in VisibleFiles(root))
            {
                text.Append(file).Append('|');
                try
                {
                    var info = new FileInfo(file);
                    text.Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    text.Append(e.GetType().Name);
                }

                text.Append('\n');
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text.Append("unlisted|").Append(e.GetType().Name);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Every file under <paramref name="root"/> but hidden ones (and those in hidden folders), full paths in ordinal order.</summary>
    internal static IEnumerable<string> VisibleFiles(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(file => !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content folder {Path} created as a copy of {Seed}")]
    private partial void LogSeeded(string path, string seed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content folder {Path} could not be created as a copy of {Seed}")]
    private partial void LogSeedFailed(Exception exception, string path, string seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content loaded as generation {Generation}: {ChapterCount} chapters, {VersionCount} chapter versions")]
    private partial void LogLoaded(long generation, int chapterCount, int versionCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content error in {File} at line {Line}: {Code} {Problem}")]
    private partial void LogContentError(string file, int? line, ContentErrorCode code, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content refused with {ErrorCount} errors; still serving generation {Generation}")]
    private partial void LogRefused(int errorCount, long generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload failed; still serving the current generation")]
    private partial void LogReloadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the search index failed; the new content was refused")]
    private partial void LogIndexFailed(Exception exception);
}
