using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// Holds the snapshot that requests read. A reload builds a complete new snapshot off to the side
/// and swaps the reference in one write, so a request sees either the old content or the new,
/// never a mix; invalid content is refused and the last good snapshot stays in service.
/// </summary>
public sealed partial class ContentStore
{
    private readonly ContentLoader _loader;
    private readonly ILogger<ContentStore> _logger;
    private readonly Lock _reloadLock = new();
    private ContentSnapshot _current = ContentSnapshot.Empty;
    private ImmutableArray<ContentError> _errors = [];
    private string? _fingerprint;

    public ContentStore(ContentLoader loader, IOptions<ContentOptions> options, IHostEnvironment environment, ILogger<ContentStore> logger)
    {
        _loader = loader;
        _logger = logger;
        RootPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));
        if (options.Value.SeedFrom is { Length: > 0 } seedFrom)
        {
            var seed = Path.GetFullPath(Path.Combine(environment.ContentRootPath, seedFrom));
            if (ContentFolder.SeedIfMissing(RootPath, seed))
            {
                LogSeeded(RootPath, seed);
            }
        }

        Reload();
    }

    public string RootPath { get; }

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
                result = _loader.Load(RootPath, Current.Generation + 1);
            }
            catch (IOException)
            {
                // Forget the fingerprint so that the next check tries again.
                _fingerprint = null;
                throw;
            }

            _errors = result.Errors;
            if (result.Snapshot is { } snapshot)
            {
                Volatile.Write(ref _current, snapshot);
                var versionCount = snapshot.Chapters.Sum(c => Languages.All.Sum(l => c.Versions(l).Length));
                LogLoaded(snapshot.Generation, snapshot.Chapters.Length, versionCount);
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    LogContentError(error.File, error.Line, error.Message);
                }

                LogRefused(result.Errors.Length, Current.Generation);
            }

            return result;
        }
    }

    private static string Fingerprint(string root)
    {
        if (!Directory.Exists(root))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            text.Append(file).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content folder {Path} created as a copy of {Seed}")]
    private partial void LogSeeded(string path, string seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content loaded as generation {Generation}: {ChapterCount} chapters, {VersionCount} chapter versions")]
    private partial void LogLoaded(long generation, int chapterCount, int versionCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content error in {File} at line {Line}: {Problem}")]
    private partial void LogContentError(string file, int? line, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content refused with {ErrorCount} errors; still serving generation {Generation}")]
    private partial void LogRefused(int errorCount, long generation);
}
