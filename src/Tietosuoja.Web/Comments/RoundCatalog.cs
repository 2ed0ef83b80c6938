using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Comments;

public enum RoundState
{
    Upcoming,
    Open,
    Closed,
}

/// <summary>A chapter version covered by a round.</summary>
public sealed record RoundTarget(string ChapterId, VersionNumber Version);

/// <summary>An immutable copy of a round, as the reading pages need it.</summary>
public sealed record RoundInfo(
    int Id,
    ImmutableDictionary<Language, string> Titles,
    ImmutableDictionary<Language, string> Descriptions,
    DateTime OpensAt,
    DateTime ClosesAt,
    DateTime? FeedbackPublishedAt,
    ImmutableArray<RoundTarget> Targets)
{
    public string Title(Language language) => Titles[language];

    public string Description(Language language) => Descriptions[language];

    /// <summary>Open from the opening time up to, not including, the closing time.</summary>
    public RoundState StateAt(DateTime utcNow) =>
        utcNow < OpensAt ? RoundState.Upcoming : utcNow < ClosesAt ? RoundState.Open : RoundState.Closed;

    public bool Covers(string chapterId, VersionNumber version) => Targets.Contains(new RoundTarget(chapterId, version));

    public bool HasPublishedFeedback => FeedbackPublishedAt is not null;

    internal static RoundInfo From(Round round) => new(
        round.Id,
        ImmutableDictionary<Language, string>.Empty.Add(Language.Fi, round.TitleFi).Add(Language.Sv, round.TitleSv),
        ImmutableDictionary<Language, string>.Empty.Add(Language.Fi, round.DescriptionFi).Add(Language.Sv, round.DescriptionSv),
        round.OpensAt,
        round.ClosesAt,
        round.FeedbackPublishedAt,
        [.. round.Versions.Select(v => new RoundTarget(v.ChapterId, v.Version)).OrderBy(t => t.ChapterId, StringComparer.Ordinal).ThenBy(t => t.Version)]);
}

/// <summary>
/// The rounds in memory, so reading pages can say "open for comments" without a database query
/// per request. Refreshed after every change made through this instance and, for changes made on
/// another instance, every <see cref="CommentOptions.RoundRefreshInterval"/>.
/// </summary>
public sealed class RoundCatalog(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable, IOutputCacheStamp
{
    private ImmutableArray<RoundInfo> _rounds = [];
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public ImmutableArray<RoundInfo> Rounds => _rounds;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public RoundInfo? Find(int id) => _rounds.FirstOrDefault(r => r.Id == id);

    /// <summary>The round in which this chapter version is open for comments right now, if any.</summary>
    public RoundInfo? OpenRoundFor(string chapterId, VersionNumber version)
    {
        var now = UtcNow;
        return _rounds.FirstOrDefault(r => r.StateAt(now) == RoundState.Open && r.Covers(chapterId, version));
    }

    /// <summary>
    /// Changes whenever what the reading pages show about rounds may change: a round edited, opened
    /// or closed. Output cache entries are keyed by it.
    /// </summary>
    public string CacheStamp() => _stamp.For(_rounds, UtcNow);

    private readonly ClockBoundStamp<RoundInfo> _stamp = new(
        round => [round.OpensAt, round.ClosesAt],
        (rounds, now) => string.Join(',', rounds.Where(r => r.StateAt(now) == RoundState.Open)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id}:{r.ClosesAt.Ticks}:{r.Targets.Length}"))));

    public void Dispose() => _refreshing.Dispose();

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rounds = await db.Rounds.AsNoTracking().Include(r => r.Versions).ToListAsync(cancellationToken);
            _rounds = [.. rounds.Select(RoundInfo.From).OrderBy(r => r.OpensAt).ThenBy(r => r.Id)];
        }
        finally
        {
            _refreshing.Release();
        }
    }
}

/// <summary>Re-reads the rounds periodically, so an instance notices rounds changed on another one.</summary>
public sealed partial class RoundCatalogRefresher(RoundCatalog catalog, IOptions<CommentOptions> options, ILogger<RoundCatalogRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Scheduling runs on the wall clock; the app's TimeProvider is for what the rules compare against.
        using var timer = new PeriodicTimer(options.Value.RoundRefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await catalog.RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Keep serving the rounds we have; the next tick tries again.
                LogRefreshFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the commenting rounds; serving the ones already loaded")]
    private partial void LogRefreshFailed(Exception exception);
}
