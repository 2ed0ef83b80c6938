using System.Text;
using System.Text.RegularExpressions;
using LibGit2Sharp;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Editing;

/// <summary>The content folder's git repository: where published versions are committed and pushed to (ADR 0015).</summary>
public sealed class ContentGitOptions
{
    public const string Section = "Content:Git";

    /// <summary>Make the content folder a git repository on start if it is not one yet, committing what it holds (Development's working copy).</summary>
    public bool InitializeIfMissing { get; set; }

    /// <summary>Where each publication's commit is pushed (an https or ssh URL, or a path); none when empty.</summary>
    public string? Remote { get; set; }

    /// <summary>The branch pushed to on <see cref="Remote"/>; the content repository's own branch when empty.</summary>
    public string? RemoteBranch { get; set; }

    /// <summary>Credentials for an https <see cref="Remote"/> (a token as the password); from configuration, never from the repository.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>How soon a failed push is tried again.</summary>
    public TimeSpan PushRetryInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public enum ContentRepositoryState
{
    /// <summary>The content folder is not the root of a git work tree: publications are files only.</summary>
    NotARepository,
    Clean,

    /// <summary>Files in the work tree differ from the last commit (edited by hand): publications are still committed, with their own files only.</summary>
    Dirty,

    /// <summary>HEAD is not on a branch: publications are written but not committed until someone checks a branch out.</summary>
    Detached,

    /// <summary>The repository could not be opened or read.</summary>
    Broken,
}

/// <summary>What the dashboard and the readiness check say about the content repository.</summary>
public sealed record ContentRepositoryStatus(
    ContentRepositoryState State,
    string? Branch,
    IReadOnlyList<string> ChangedFiles,
    bool HasRemote,
    int Unpushed,
    DateTime? PushFailedSince,
    string? PushError)
{
    public bool PushFailing => PushFailedSince is not null;
}

/// <summary>
/// Keeps every published version in git. When the content folder is the root of a git work tree,
/// each publication (with a new chapter's site.yml) becomes one commit on the checked-out branch,
/// authored by the editor, its message naming chapter, language, version, status and the audit
/// entry. The commit is built from the branch's last commit plus the publication's own files, so
/// changes made by hand in the work tree never slip into it; the branch is moved only if nobody
/// moved it meanwhile (libgit2 refuses a reference changed since it was read), so two instances
/// committing at once both land, one after the other. A failure to commit or push never takes the
/// published file back: the file is what readers see, git is its record.
/// </summary>
public sealed partial class ContentRepository(
    ContentStore store, IOptions<ContentGitOptions> options, TimeProvider clock, OperationsMetrics metrics, ILogger<ContentRepository> logger) : IDisposable
{
    /// <summary>The name under which <see cref="ContentGitOptions.Remote"/> is kept in the repository's configuration.</summary>
    public const string RemoteName = "portal";

    private const string PortalName = "Tietosuoja-portaali";
    private const string PortalEmail = "portal@tietosuoja.invalid";

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _pushWanted = new(0, 1);
    private DateTime? _pushFailedSince;
    private string? _pushError;

    private string Root => store.RootPath;

    public void Dispose() => _pushWanted.Dispose();

    private ContentGitOptions Options => options.Value;

    /// <summary>Whether the content folder is itself the root of a work tree; a repository around it (the project's own, in Development) does not count.</summary>
    public bool IsRepository =>
        (Directory.Exists(Path.Combine(Root, ".git")) || File.Exists(Path.Combine(Root, ".git"))) && Repository.IsValid(Root);

    /// <summary>Makes the content folder a repository with one commit of everything in it, if it is not one and the options ask for it.</summary>
    public void InitializeIfMissing()
    {
        if (!Options.InitializeIfMissing || IsRepository || !Directory.Exists(Root))
        {
            return;
        }

        try
        {
            Repository.Init(Root);
            File.WriteAllText(Path.Combine(Root, ".gitignore"), "# The portal's lock and temporary files\n.publishing.lock\n.*.tmp\n", new UTF8Encoding(false));
            using var repository = new Repository(Root);
            Commands.Stage(repository, "*");
            var signature = Now(PortalName, PortalEmail);
            repository.Commit("Content folder as the portal found it", signature, signature);
            LogInitialized(logger, Root);
        }
        catch (LibGit2SharpException e)
        {
            LogGitFailed(logger, e, "initialize");
        }
    }

    /// <summary>
    /// Commits a publication's files (paths relative to the content folder) as one commit; returns
    /// its id, or null when the folder is no repository, HEAD is detached, or git failed (logged,
    /// and shown by <see cref="Status"/>). A configured remote is pushed in the background.
    /// </summary>
    public string? Commit(IReadOnlyCollection<string> paths, EditorIdentity author, string message)
    {
        if (!IsRepository)
        {
            return null;
        }

        lock (_gate)
        {
            // Another instance may be moving the branch at the same moment; a few tries, each on the latest commit.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var id = TryCommit(paths, author, message);
                    if (id is not null)
                    {
                        RequestPush();
                    }

                    return id;
                }
                catch (LibGit2SharpException) when (attempt < 4)
                {
                    Thread.Sleep(TimeSpan.FromMilliseconds(50 * attempt));
                }
                catch (LibGit2SharpException e)
                {
                    LogGitFailed(logger, e, "commit");
                    return null;
                }
            }
        }
    }

    private string? TryCommit(IReadOnlyCollection<string> paths, EditorIdentity author, string message)
    {
        using var repository = new Repository(Root);
        if (repository.Info.IsHeadDetached)
        {
            LogDetached(logger);
            return null;
        }

        var parent = repository.Head.Tip;
        var tree = parent is null ? new TreeDefinition() : TreeDefinition.From(parent.Tree);
        foreach (var path in paths)
        {
            tree.Add(path, repository.ObjectDatabase.CreateBlob(Path.Combine(Root, path)), Mode.NonExecutableFile);
        }

        var signature = Now(author.Name, AuthorEmail(author));
        var commit = repository.ObjectDatabase.CreateCommit(
            signature, signature, message, repository.ObjectDatabase.CreateTree(tree), parent is null ? [] : [parent], prettifyMessage: true);
        var branch = repository.Refs.Head.TargetIdentifier;
        if (repository.Refs[branch] is { } current)
        {
            repository.Refs.UpdateTarget(current, commit.Id, $"commit: {commit.MessageShort}");
        }
        else
        {
            repository.Refs.Add(branch, commit.Id, $"commit (initial): {commit.MessageShort}");
        }

        // The index follows, so the work tree shows as clean for these files.
        foreach (var path in paths)
        {
            repository.Index.Add(path);
        }

        repository.Index.Write();
        LogCommitted(logger, commit.Sha, paths.Count);
        return commit.Sha;
    }

    /// <summary>The state of the work tree and of pushing, for the dashboard and the readiness check.</summary>
    public ContentRepositoryStatus Status()
    {
        var hasRemote = !string.IsNullOrWhiteSpace(Options.Remote);
        if (!IsRepository)
        {
            return new ContentRepositoryStatus(ContentRepositoryState.NotARepository, null, [], hasRemote, 0, null, null);
        }

        try
        {
            using var repository = new Repository(Root);
            var changed = repository.RetrieveStatus(new StatusOptions { IncludeIgnored = false })
                .Where(entry => entry.State != FileStatus.Ignored && entry.State != FileStatus.Unaltered && !IsHidden(entry.FilePath))
                .Select(entry => entry.FilePath)
                .Order(StringComparer.Ordinal)
                .ToList();
            var state = repository.Info.IsHeadDetached ? ContentRepositoryState.Detached
                : changed.Count > 0 ? ContentRepositoryState.Dirty
                : ContentRepositoryState.Clean;
            var branch = repository.Info.IsHeadDetached ? null : repository.Head.FriendlyName;
            lock (_gate)
            {
                return new ContentRepositoryStatus(state, branch, changed, hasRemote, hasRemote ? Unpushed(repository) : 0, _pushFailedSince, _pushError);
            }
        }
        catch (LibGit2SharpException e)
        {
            LogGitFailed(logger, e, "read the status of");
            return new ContentRepositoryStatus(ContentRepositoryState.Broken, null, [], hasRemote, 0, _pushFailedSince, _pushError);
        }
    }

    /// <summary>Asks the push service to push soon; never waits for it.</summary>
    public void RequestPush()
    {
        if (string.IsNullOrWhiteSpace(Options.Remote))
        {
            return;
        }

        try
        {
            _pushWanted.Release();
        }
        catch (SemaphoreFullException)
        {
            // A push is already asked for; it will take this commit too.
        }
    }

    /// <summary>Waits until a push is asked for, or <paramref name="timeout"/> passes.</summary>
    internal Task WaitForPushRequestAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pushWanted.WaitAsync(timeout, cancellationToken);

    /// <summary>Pushes the branch to the remote if it has commits the remote lacks; returns whether nothing is left to push.</summary>
    internal bool PushPending(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Options.Remote) || !IsRepository)
        {
            return true;
        }

        try
        {
            using var repository = new Repository(Root);
            if (repository.Info.IsHeadDetached || repository.Head.Tip is null || Unpushed(repository) == 0 && _pushFailedSince is null)
            {
                return true;
            }

            var remote = repository.Network.Remotes[RemoteName];
            if (remote is null)
            {
                repository.Network.Remotes.Add(RemoteName, Options.Remote);
            }
            else if (remote.PushUrl != Options.Remote)
            {
                repository.Network.Remotes.Update(RemoteName, r => (r.Url, r.PushUrl) = (Options.Remote, Options.Remote));
            }

            var local = repository.Head.CanonicalName;
            var target = $"refs/heads/{(string.IsNullOrWhiteSpace(Options.RemoteBranch) ? repository.Head.FriendlyName : Options.RemoteBranch)}";
            string? rejection = null;
            var pushOptions = new PushOptions
            {
                OnPushStatusError = error => rejection = error.Message,
                // Returning false makes libgit2 stop the transfer, so shutdown ends a slow push.
                OnPackBuilderProgress = (_, _, _) => !cancellationToken.IsCancellationRequested,
                OnPushTransferProgress = (_, _, _) => !cancellationToken.IsCancellationRequested,
                CredentialsProvider = string.IsNullOrEmpty(Options.Username)
                    ? null
                    : (_, _, _) => new UsernamePasswordCredentials { Username = Options.Username, Password = Options.Password ?? string.Empty },
            };
            var tip = repository.Head.Tip.Id;
            repository.Network.Push(repository.Network.Remotes[RemoteName], $"{local}:{target}", pushOptions);
            if (rejection is not null)
            {
                throw new LibGit2SharpException($"the remote refused the push: {rejection}");
            }

            repository.Refs.Add(TrackingReference(repository), tip, "pushed", allowOverwrite: true);
            metrics.Pushed();
            lock (_gate)
            {
                if (_pushFailedSince is not null)
                {
                    LogPushRecovered(logger);
                }

                (_pushFailedSince, _pushError) = (null, null);
            }

            return true;
        }
        catch (LibGit2SharpException e)
        {
            lock (_gate)
            {
                _pushFailedSince ??= clock.GetUtcNow().UtcDateTime;
                _pushError = e.Message;
            }

            metrics.PushFailed();
            LogPushFailed(logger, e.Message);
            return false;
        }
    }

    /// <summary>Commits on the branch that the remote does not have, as far as the last successful push knows.</summary>
    private static int Unpushed(Repository repository)
    {
        if (repository.Info.IsHeadDetached || repository.Head.Tip is null)
        {
            return 0;
        }

        var pushed = repository.Refs[TrackingReference(repository)]?.ResolveToDirectReference()?.Target as Commit;
        return repository.Commits.QueryBy(new CommitFilter
        {
            IncludeReachableFrom = repository.Head.Tip,
            ExcludeReachableFrom = pushed is null ? null : pushed,
        }).Count();
    }

    private static string TrackingReference(Repository repository) => $"refs/remotes/{RemoteName}/{repository.Head.FriendlyName}";

    /// <summary>The commit message of a publication: a subject line, then one trailer per fact, so the history can be read by a person and checked by a machine.</summary>
    public static string PublicationMessage(ChapterText text, long auditEntryId)
    {
        var status = text.Status.ToString().ToLowerInvariant();
        var subject = text.IsNewChapter
            ? $"New chapter {text.ChapterId}: {text.Language.Code()} {text.Version} ({status})"
            : $"Publish {text.ChapterId} {text.Language.Code()} {text.Version} ({status})";
        return new StringBuilder()
            .Append(subject).Append("\n\n")
            .Append(string.Join(' ', text.Title.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim()).Append("\n\n")
            .Append("Chapter: ").Append(text.ChapterId).Append('\n')
            .Append("Language: ").Append(text.Language.Code()).Append('\n')
            .Append("Version: ").Append(text.Version.ToString()).Append('\n')
            .Append("Status: ").Append(status).Append('\n')
            .Append("Audit-Entry: ").Append(auditEntryId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .ToString();
    }

    /// <summary>Git wants an e-mail address; the portal knows editors by their directory id, which is no address, so it makes one that goes nowhere.</summary>
    public static string AuthorEmail(EditorIdentity author) => $"{IdCharacters().Replace(author.Id, "-").Trim('-')}@editors.tietosuoja.invalid";

    private Signature Now(string name, string email) => new(name, email, clock.GetUtcNow());

    private static bool IsHidden(string path) => path.Split('/').Any(segment => segment.StartsWith('.'));

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex IdCharacters();

    [LoggerMessage(Level = LogLevel.Information, Message = "Content folder {Path} made a git repository")]
    private static partial void LogInitialized(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication committed to the content repository as {Commit} ({FileCount} files)")]
    private static partial void LogCommitted(ILogger logger, string commit, int fileCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content repository's HEAD is detached: the publication was written but not committed")]
    private static partial void LogDetached(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not {Operation} the content repository; the published files are kept")]
    private static partial void LogGitFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the content repository failed ({Reason}); it is tried again")]
    private static partial void LogPushFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pushing the content repository works again")]
    private static partial void LogPushRecovered(ILogger logger);
}

/// <summary>
/// Pushes the content repository whenever a commit asks for it, and again every
/// <see cref="ContentGitOptions.PushRetryInterval"/> while a push fails; readers and editors never wait for it.
/// </summary>
public sealed class ContentPushService(ContentRepository repository, BackgroundStart start, IOptions<ContentGitOptions> options) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        repository.InitializeIfMissing();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Remote))
        {
            return;
        }

        try
        {
            await start.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Commits made while this instance was down, or by another instance, are pushed too.
                // Shutdown does not wait for a push that hangs on the network (a remote that accepts
                // the connection and never answers): the commit stays in the repository and is
                // pushed after the next start, while the host stops on time.
                var done = await Task.Run(() => repository.PushPending(stoppingToken), CancellationToken.None).WaitAsync(stoppingToken);
                await repository.WaitForPushRequestAsync(done ? Timeout.InfiniteTimeSpan : options.Value.PushRetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Ready, but Degraded while publications wait for a push that fails: the files are safe on the volume, their copy elsewhere is not.</summary>
public sealed class ContentRepositoryHealthCheck(ContentRepository repository) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = repository.Status();
        return Task.FromResult(status.PushFailing
            ? HealthCheckResult.Degraded($"Pushing the content repository fails since {status.PushFailedSince:O}; {status.Unpushed} commits wait")
            : HealthCheckResult.Healthy(status.State.ToString()));
    }
}
