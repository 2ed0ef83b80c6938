using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Events;

/// <summary>The outcome of saving an event or its memo or recording: its id, or the problems that kept it from being saved.</summary>
public sealed record EventSaved(int EventId, IReadOnlyList<FieldProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>One line of the editors' event list, with its registration counts by status.</summary>
public sealed record EventSummary(
    int Id, EventKind Kind, string TitleFi, DateTime StartsAt, DateTime EndsAt, DateTime RegistrationOpensAt, DateTime RegistrationClosesAt,
    int? Capacity, int Registered, int Selected, int WaitingList, int NotSelected, int Cancelled,
    DateTime? SelectionConfirmedAt, DateTime? MemoPublishedAt, DateTime? RecordingPublishedAt, DateTime? PersonalDataErasedAt);

/// <summary>
/// Editors create and change events and publish their memos and recordings. Every change is
/// recorded in the audit trail in the same save and refreshes the catalog so public pages follow.
/// </summary>
public sealed class EventAdmin(
    PortalDbContext db, ContentStore content, MarkdownRenderer renderer, EventCatalog catalog, AuditLog audit, TimeProvider clock,
    EventMails mails, EventNotices notices, EventRegistrations registrations)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>How the audit trail names an event.</summary>
    public static string Subject(int eventId) => string.Create(CultureInfo.InvariantCulture, $"event {eventId}");

    /// <summary>Every event, latest first, with counts of its registrations by status.</summary>
    public async Task<IReadOnlyList<EventSummary>> ListAsync(CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id)
            .Select(e => new EventSummary(
                e.Id, e.Kind, e.TitleFi, e.StartsAt, e.EndsAt, e.RegistrationOpensAt, e.RegistrationClosesAt, e.Capacity,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Registered),
                e.Registrations.Count(r => r.Status == RegistrationStatus.Selected),
                e.Registrations.Count(r => r.Status == RegistrationStatus.WaitingList),
                e.Registrations.Count(r => r.Status == RegistrationStatus.NotSelected),
                e.Registrations.Count(r => r.Status == RegistrationStatus.Cancelled),
                e.SelectionConfirmedAt, e.MemoPublishedAt, e.RecordingPublishedAt, e.PersonalDataErasedAt))
            .ToListAsync(cancellationToken);

    /// <summary>One event with everything editors may see of it (meeting link, memo, recording), without registrations; null if there is none.</summary>
    public Task<PortalEvent?> FindAsync(int eventId, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Include(e => e.Chapters).SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);

    /// <summary>Rounds an event may be linked to, as (id, Finnish title), latest first.</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> RoundChoicesAsync(CancellationToken cancellationToken) =>
        [.. (await db.Rounds.AsNoTracking().OrderByDescending(r => r.OpensAt).Select(r => new { r.Id, r.TitleFi }).ToListAsync(cancellationToken))
            .Select(r => (r.Id, r.TitleFi))];

    public async Task<IReadOnlyList<FieldProblem>> ValidateAsync(EventDraft draft, CancellationToken cancellationToken) =>
        draft.Validate(content.Current, await db.Rounds.Select(r => r.Id).ToListAsync(cancellationToken));

    /// <summary>Creates an event if the draft follows the rules (<see cref="EventDraft.Validate"/>).</summary>
    public async Task<EventSaved> CreateAsync(EventDraft draft, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (await ValidateAsync(draft, cancellationToken) is { Count: > 0 } problems)
        {
            return new EventSaved(0, problems);
        }

        var portalEvent = new PortalEvent { TitleFi = string.Empty, DescriptionFi = string.Empty, CreatedAt = Now };
        Apply(draft, portalEvent);
        // The audit entry names the event by its id, which exists only after the first save.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Events.Add(portalEvent);
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(actor, AuditAction.EventCreated, Subject(portalEvent.Id), Describe(portalEvent));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        await catalog.RefreshAsync(cancellationToken);
        return new EventSaved(portalEvent.Id, []);
    }

    /// <summary>
    /// Changes an event if the draft follows the rules. The kind cannot change once people have
    /// registered (their statuses follow from it), nor the capacity fall below the seats given; a
    /// capacity raised (or removed) gives the free seats to the waiting list in the same save.
    /// </summary>
    public async Task<EventSaved> UpdateAsync(int eventId, EventDraft draft, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (await ValidateAsync(draft, cancellationToken) is { Count: > 0 } problems)
        {
            return new EventSaved(eventId, problems);
        }

        // Serializable like a registration, so seats freed by a larger capacity are not also taken by a concurrent registrant.
        var saved = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
            var result = await UpdateInTransactionAsync(eventId, draft, actor, cancellationToken);
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        });
        if (saved.Succeeded)
        {
            await catalog.RefreshAsync(cancellationToken);
        }

        return saved;
    }

    private async Task<EventSaved> UpdateInTransactionAsync(int eventId, EventDraft draft, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var portalEvent = await db.Events.Include(e => e.Chapters).SingleAsync(e => e.Id == eventId, cancellationToken);
        var statuses = await db.EventRegistrations.Where(r => r.EventId == eventId).Select(r => r.Status).ToListAsync(cancellationToken);
        if (statuses.Count > 0 && draft.Kind != portalEvent.Kind)
        {
            return new EventSaved(eventId, [new(nameof(EventDraft.Kind), "Error_EventKindFixed")]);
        }

        var seated = statuses.Count(s => s == RegistrationStatus.Selected);
        if (draft.Capacity is { } capacity && capacity < seated)
        {
            return new EventSaved(eventId, [new(nameof(EventDraft.Capacity), "Error_CapacityBelowSeated", seated)]);
        }

        var before = Describe(portalEvent);
        var previousLink = portalEvent.MeetingLink;
        Apply(draft, portalEvent);
        var mailed = 0;
        if (portalEvent.MeetingLink is not null && portalEvent.MeetingLink != previousLink)
        {
            // Those with a seat were promised the link (or hold an old one): it goes to them in the same save.
            var holders = await db.EventRegistrations.AsNoTracking()
                .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Selected).ToListAsync(cancellationToken);
            foreach (var registration in holders)
            {
                mails.MeetingLinkChanged(registration, portalEvent);
            }

            mailed = holders.Count;
        }

        audit.Add(actor, AuditAction.EventEdited, Subject(eventId),
            $"{before} → {Describe(portalEvent)}{(mailed > 0 ? string.Create(CultureInfo.InvariantCulture, $"; meeting link mailed to {mailed} participants") : string.Empty)}");
        // A larger (or removed) capacity is a free seat for the waiting list, in this same save; after
        // the link mails above, so those promoted get one mail, the promotion's, with the current link.
        await registrations.PromoteAsync(portalEvent, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new EventSaved(eventId, []);
    }

    /// <summary>
    /// Publishes (or corrects) the memo. The first publication tells the participants (those with
    /// a seat) and the subscribers, once: the publication time is set by a conditional update.
    /// </summary>
    public async Task<EventSaved> PublishMemoAsync(int eventId, MemoDraft memo, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (memo.Validate(renderer) is { Count: > 0 } problems)
        {
            return new EventSaved(eventId, problems);
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = Now;
            var first = await db.Events.Where(e => e.Id == eventId && e.MemoPublishedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.MemoPublishedAt, now), cancellationToken) == 1;
            var portalEvent = await db.Events.Include(e => e.Chapters).SingleAsync(e => e.Id == eventId, cancellationToken);
            portalEvent.MemoFi = PlainText.Trim(memo.MemoFi);
            portalEvent.MemoSv = PlainText.TrimToNull(memo.MemoSv);
            portalEvent.UpdatedAt = now;
            audit.Add(actor, AuditAction.EventMemoPublished, Subject(eventId), first ? "memo published" : "memo corrected");
            if (first)
            {
                var participants = await db.EventRegistrations.AsNoTracking()
                    .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Selected).ToListAsync(cancellationToken);
                foreach (var participant in participants)
                {
                    mails.MemoPublished(participant, portalEvent);
                }

                await notices.MemoPublishedAsync(portalEvent, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        await catalog.RefreshAsync(cancellationToken);
        return new EventSaved(eventId, []);
    }

    /// <summary>Publishes (or replaces) the recording, only with valid WebVTT captions and a transcript (<see cref="RecordingDraft.Validate"/>).</summary>
    public async Task<EventSaved> PublishRecordingAsync(int eventId, RecordingDraft recording, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (recording.Validate(renderer) is { Count: > 0 } problems)
        {
            return new EventSaved(eventId, problems);
        }

        var portalEvent = await db.Events.SingleAsync(e => e.Id == eventId, cancellationToken);
        var replaced = portalEvent.RecordingPublishedAt is not null;
        portalEvent.RecordingUrl = PlainText.Trim(recording.RecordingUrl);
        portalEvent.CaptionsVtt = recording.CaptionsVtt.TrimStart('\uFEFF');
        portalEvent.TranscriptFi = PlainText.Trim(recording.TranscriptFi);
        portalEvent.TranscriptSv = PlainText.TrimToNull(recording.TranscriptSv);
        portalEvent.RecordingPublishedAt = Now;
        portalEvent.UpdatedAt = Now;
        audit.Add(actor, AuditAction.EventRecordingPublished, Subject(eventId),
            $"{(replaced ? "recording replaced" : "recording published")}: {portalEvent.RecordingUrl}{(RecordingDraft.IsVideoFile(portalEvent.RecordingUrl) ? " (played on the page with captions)" : " (external, linked)")}");
        await db.SaveChangesAsync(cancellationToken);
        await catalog.RefreshAsync(cancellationToken);
        return new EventSaved(eventId, []);
    }

    /// <summary>The caption file of a published recording; null when there is none.</summary>
    public Task<string?> CaptionsAsync(int eventId, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Where(e => e.Id == eventId && e.RecordingPublishedAt != null).Select(e => e.CaptionsVtt).SingleOrDefaultAsync(cancellationToken);

    private void Apply(EventDraft draft, PortalEvent portalEvent)
    {
        portalEvent.Kind = draft.Kind;
        portalEvent.TitleFi = PlainText.Trim(draft.TitleFi);
        portalEvent.TitleSv = PlainText.TrimToNull(draft.TitleSv);
        portalEvent.DescriptionFi = PlainText.Trim(draft.DescriptionFi);
        portalEvent.DescriptionSv = PlainText.TrimToNull(draft.DescriptionSv);
        portalEvent.RoundId = draft.RoundId;
        portalEvent.StartsAt = draft.StartsAt;
        portalEvent.EndsAt = draft.EndsAt;
        portalEvent.RegistrationOpensAt = draft.RegistrationOpensAt;
        portalEvent.RegistrationClosesAt = draft.RegistrationClosesAt;
        portalEvent.Capacity = draft.Capacity;
        portalEvent.MeetingLink = PlainText.TrimToNull(draft.MeetingLink);
        portalEvent.UpdatedAt = Now;
        var chapters = draft.ChapterIds.Distinct(StringComparer.Ordinal).ToList();
        portalEvent.Chapters.RemoveAll(c => !chapters.Contains(c.ChapterId));
        portalEvent.Chapters.AddRange(chapters.Where(id => portalEvent.Chapters.All(c => c.ChapterId != id)).Select(id => new EventChapter { ChapterId = id }));
    }

    // The meeting link is named only as present or not: the audit trail is read more widely than the participants' mails.
    private static string Describe(PortalEvent e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Kind} \"{e.TitleFi}\", {Format(e.StartsAt)}–{Format(e.EndsAt)}, registration {Format(e.RegistrationOpensAt)}–{Format(e.RegistrationClosesAt)}, "
        + $"capacity {(e.Capacity is { } c ? c.ToString(CultureInfo.InvariantCulture) : "none")}, chapters {(e.Chapters.Count == 0 ? "none" : string.Join(", ", e.Chapters.Select(c => c.ChapterId)))}, "
        + $"round {(e.RoundId is { } r ? r.ToString(CultureInfo.InvariantCulture) : "none")}, meeting link {(e.MeetingLink is null ? "not set" : "set")}");

    private static string Format(DateTime utc) => FinnishTime.Format(utc, Language.Fi);
}
