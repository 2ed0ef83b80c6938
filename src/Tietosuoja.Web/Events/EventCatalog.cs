using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Events;

/// <summary>Where an event's registration is at a moment.</summary>
public enum RegistrationState
{
    NotYetOpen,
    Open,
    Closed,
}

/// <summary>
/// An event as the public pages, the feed and the chapter pages show it. It has no meeting link
/// and no registrants: what is not here cannot leak onto a public page. Memo and transcript are
/// rendered and sanitised once, when the catalog is refreshed; a Swedish text missing falls back
/// to the Finnish one (<see cref="TextLanguage"/> says which language a text is in).
/// </summary>
public sealed record PublicEvent(
    int Id,
    EventKind Kind,
    ImmutableDictionary<Language, string> Titles,
    ImmutableDictionary<Language, string> Descriptions,
    ImmutableArray<string> ChapterIds,
    int? RoundId,
    DateTime StartsAt,
    DateTime EndsAt,
    DateTime RegistrationOpensAt,
    DateTime RegistrationClosesAt,
    int? Capacity,
    DateTime? MemoPublishedAt,
    ImmutableDictionary<Language, string> MemoHtml,
    string? RecordingUrl,
    DateTime? RecordingPublishedAt,
    ImmutableDictionary<Language, string> TranscriptHtml,
    DateTime UpdatedAt)
{
    public string Title(Language language) => Titles.GetValueOrDefault(language) ?? Titles[Language.Fi];

    public string Description(Language language) => Descriptions.GetValueOrDefault(language) ?? Descriptions[Language.Fi];

    /// <summary>The language the title and description are shown in: Finnish when there is no Swedish text.</summary>
    public Language TextLanguage(Language language) => Titles.ContainsKey(language) ? language : Language.Fi;

    public bool HasMemo => MemoPublishedAt is not null;

    public string? Memo(Language language) => MemoHtml.GetValueOrDefault(language) ?? MemoHtml.GetValueOrDefault(Language.Fi);

    public Language MemoLanguage(Language language) => MemoHtml.ContainsKey(language) ? language : Language.Fi;

    public bool HasRecording => RecordingPublishedAt is not null && RecordingUrl is not null;

    /// <summary>A video file the page plays with its caption track; otherwise the recording is an external page linked with the transcript.</summary>
    public bool PlaysOnPage => HasRecording && RecordingDraft.IsVideoFile(RecordingUrl!);

    public string? Transcript(Language language) => TranscriptHtml.GetValueOrDefault(language) ?? TranscriptHtml.GetValueOrDefault(Language.Fi);

    public Language TranscriptLanguage(Language language) => TranscriptHtml.ContainsKey(language) ? language : Language.Fi;

    /// <summary>Workshops choose their participants; the others accept registrants up to the cap.</summary>
    public bool HasSelection => Kind == EventKind.Workshop;

    public RegistrationState RegistrationAt(DateTime utcNow) =>
        utcNow < RegistrationOpensAt ? RegistrationState.NotYetOpen : utcNow < RegistrationClosesAt ? RegistrationState.Open : RegistrationState.Closed;

    /// <summary>Upcoming until it has ended; then past.</summary>
    public bool IsPastAt(DateTime utcNow) => EndsAt <= utcNow;

    public bool Concerns(string chapterId) => ChapterIds.Contains(chapterId);

    internal static PublicEvent From(PortalEvent e, MarkdownRenderer renderer) => new(
        e.Id,
        e.Kind,
        Texts(e.TitleFi, e.TitleSv),
        Texts(e.DescriptionFi, e.DescriptionSv),
        [.. e.Chapters.Select(c => c.ChapterId).Order(StringComparer.Ordinal)],
        e.RoundId,
        e.StartsAt,
        e.EndsAt,
        e.RegistrationOpensAt,
        e.RegistrationClosesAt,
        e.Capacity,
        e.MemoPublishedAt,
        e.MemoPublishedAt is null ? ImmutableDictionary<Language, string>.Empty : Rendered(renderer, e.MemoFi, e.MemoSv),
        e.RecordingPublishedAt is null ? null : e.RecordingUrl,
        e.RecordingPublishedAt,
        e.RecordingPublishedAt is null ? ImmutableDictionary<Language, string>.Empty : Rendered(renderer, e.TranscriptFi, e.TranscriptSv),
        e.UpdatedAt);

    private static ImmutableDictionary<Language, string> Texts(string fi, string? sv) =>
        PlainText.IsBlank(sv) ? ImmutableDictionary<Language, string>.Empty.Add(Language.Fi, fi) : ImmutableDictionary<Language, string>.Empty.Add(Language.Fi, fi).Add(Language.Sv, sv);

    private static ImmutableDictionary<Language, string> Rendered(MarkdownRenderer renderer, string? fi, string? sv)
    {
        var rendered = ImmutableDictionary<Language, string>.Empty;
        foreach (var (language, markdown) in new[] { (Language.Fi, fi), (Language.Sv, sv) })
        {
            // Stored text passed the editor's check; a document refused now is left out rather than failing the whole catalog.
            if (!PlainText.IsBlank(markdown) && renderer.Parse(markdown, language, out _) is { } document)
            {
                rendered = rendered.Add(language, renderer.Render(document, language).Html);
            }
        }

        return rendered;
    }
}

/// <summary>
/// The events in memory, like the round catalog: the public list, the chapter pages and the feed
/// read them without a database query per request. Refreshed after every change made through this
/// instance and, for changes made on another one, every <see cref="EventOptions.RefreshInterval"/>.
/// </summary>
public sealed class EventCatalog(IServiceScopeFactory scopes, TimeProvider clock, MarkdownRenderer renderer) : IDisposable, IOutputCacheStamp
{
    private ImmutableArray<PublicEvent> _events = [];
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    /// <summary>Every event, by start time.</summary>
    public ImmutableArray<PublicEvent> Events => _events;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public PublicEvent? Find(int id) => _events.FirstOrDefault(e => e.Id == id);

    /// <summary>An event just read from the database, as the public pages would show it (for one not in the catalog yet).</summary>
    public PublicEvent Describe(PortalEvent portalEvent) => PublicEvent.From(portalEvent, renderer);

    /// <summary>Events that have not ended, soonest first.</summary>
    public IReadOnlyList<PublicEvent> Upcoming()
    {
        var now = UtcNow;
        return [.. _events.Where(e => !e.IsPastAt(now))];
    }

    /// <summary>Events that have ended, latest first.</summary>
    public IReadOnlyList<PublicEvent> Past()
    {
        var now = UtcNow;
        return [.. _events.Where(e => e.IsPastAt(now)).Reverse()];
    }

    /// <summary>The events that concern a chapter: upcoming ones soonest first, then past ones latest first.</summary>
    public IReadOnlyList<PublicEvent> ForChapter(string chapterId) =>
        [.. Upcoming().Where(e => e.Concerns(chapterId)), .. Past().Where(e => e.Concerns(chapterId))];

    /// <summary>
    /// Changes whenever a page showing events could change: an event added or edited, its memo or
    /// recording published, its registration opening or closing, the event ending.
    /// </summary>
    public string CacheStamp() => _stamp.For(_events, UtcNow);

    private readonly ClockBoundStamp<PublicEvent> _stamp = new(
        e => [e.RegistrationOpensAt, e.RegistrationClosesAt, e.EndsAt],
        (events, now) => string.Join(',', events.Select(e => string.Create(
            CultureInfo.InvariantCulture, $"{e.Id}:{e.UpdatedAt.Ticks}:{(int)e.RegistrationAt(now)}:{(e.IsPastAt(now) ? 1 : 0)}"))));

    public void Dispose() => _refreshing.Dispose();

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var events = await db.Events.AsNoTracking().Include(e => e.Chapters).ToListAsync(cancellationToken);
            _events = [.. events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Select(e => PublicEvent.From(e, renderer))];
        }
        finally
        {
            _refreshing.Release();
        }
    }
}

/// <summary>Keeps the catalog current, announces opened registrations and erases expired personal data, every <see cref="EventOptions.RefreshInterval"/>.</summary>
public sealed partial class EventWorker(
    EventCatalog catalog, BackgroundStart start, IServiceScopeFactory scopes, TimeProvider clock, IOptions<EventOptions> options, ILogger<EventWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.WaitAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await catalog.RefreshAsync(stoppingToken);
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<EventAnnouncer>().AnnounceOpenedAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<EventRetention>().EraseExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Each step is idempotent and claims its rows; what failed now is done on the next tick.
                LogFailed(exception);
            }

            await Task.Delay(options.Value.RefreshInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing events, announcing registrations or erasing expired registrant data failed; trying again on the next tick")]
    private partial void LogFailed(Exception exception);
}
