using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Editing;

/// <summary>The outcome of a review step: done, or the problems that stopped it (nothing changed then).</summary>
public sealed record ReviewResult(IReadOnlyList<FieldProblem> Problems, PublishCheck? Check = null)
{
    public static readonly ReviewResult Done = new([]);

    public bool Succeeded => Problems.Count == 0;

    public static ReviewResult Refused(string messageKey, string? field = null) => new([new FieldProblem(field, messageKey)]);
}

/// <summary>
/// Four eyes before publishing: the author submits a draft, another editor approves it (to be
/// published at once or at a time) or returns it with a note, and a scheduled publication can be
/// cancelled until it happens. Every step is one conditional UPDATE on the draft's
/// <see cref="DraftState"/> (see <see cref="DraftService.MoveAsync"/>), so a step taken twice, by
/// two editors or by two instances, happens once and the second is refused.
/// </summary>
public sealed partial class DraftReview(
    PortalDbContext db, DraftService drafts, ChapterPublisher publisher, AuditLog audit, TimeProvider clock,
    IOptions<EditingOptions> options, ILogger<DraftReview> logger)
{
    public const int NoteMaxLength = 2_000;

    public bool RequireReview => options.Value.RequireReview;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Drafts waiting for a reviewer and scheduled ones, oldest first: the review queue.</summary>
    public Task<List<ChapterDraft>> QueueAsync(CancellationToken cancellationToken) =>
        db.ChapterDrafts.AsNoTracking()
            .Where(d => d.State == DraftState.Submitted || d.State == DraftState.Scheduled || d.State == DraftState.Publishing)
            .OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);

    /// <summary>How many drafts wait for a reviewer (for the dashboard).</summary>
    public Task<int> WaitingCountAsync(CancellationToken cancellationToken) =>
        db.ChapterDrafts.CountAsync(d => d.State == DraftState.Submitted, cancellationToken);

    /// <summary>The latest published versions' records: who wrote and who approved each, newest first.</summary>
    public Task<List<ChapterDraft>> PublishedAsync(int count, CancellationToken cancellationToken) =>
        db.ChapterDrafts.AsNoTracking().Where(d => d.State == DraftState.Published)
            .OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>Whether <paramref name="actor"/> may approve the draft: never its author while review is required.</summary>
    public bool MayApprove(ChapterDraft draft, EditorIdentity actor) => !RequireReview || draft.SubmittedById != actor.Id;

    /// <summary>Sends a saved draft to the review queue; its text must pass the content check first.</summary>
    public async Task<ReviewResult> SubmitAsync(int id, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(id, cancellationToken) is not { } draft)
        {
            return ReviewResult.Refused("Review_Gone");
        }

        if (draft.State != DraftState.Editing)
        {
            return ReviewResult.Refused(draft.State == DraftState.Submitted ? "Review_AlreadySubmitted" : "Review_NotEditable");
        }

        var check = publisher.Check(DraftService.ToText(draft));
        if (!check.CanPublish)
        {
            return new ReviewResult(check.Problems, check);
        }

        var now = Now;
        var moved = await drafts.MoveAsync(
            id,
            d => d.State == DraftState.Editing,
            set => set
                .SetProperty(d => d.State, DraftState.Submitted)
                .SetProperty(d => d.SubmittedById, actor.Id)
                .SetProperty(d => d.SubmittedByName, actor.Name)
                .SetProperty(d => d.SubmittedAt, now)
                .SetProperty(d => d.ReviewedById, (string?)null)
                .SetProperty(d => d.ReviewedByName, (string?)null)
                .SetProperty(d => d.ReviewedAt, (DateTime?)null)
                .SetProperty(d => d.ReviewNote, (string?)null)
                .SetProperty(d => d.ScheduleFailed, false),
            d => audit.Add(actor, AuditAction.DraftSubmitted, Subject(d), $"submitted for review: \"{d.Title}\""),
            cancellationToken);
        return moved ? ReviewResult.Done : ReviewResult.Refused("Review_AlreadySubmitted");
    }

    /// <summary>Sends a submitted draft back to writing with the reviewer's note.</summary>
    public async Task<ReviewResult> ReturnAsync(int id, string? note, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (PlainText.Check("Note", note, NoteMaxLength, requiredMessage: "Review_NoteRequired", tooLongMessage: "Error_TooLong") is { } problem)
        {
            return new ReviewResult([problem]);
        }

        var text = PlainText.Trim(note)!;
        var now = Now;
        var moved = await drafts.MoveAsync(
            id,
            d => d.State == DraftState.Submitted,
            set => set
                .SetProperty(d => d.State, DraftState.Editing)
                .SetProperty(d => d.ReviewedById, actor.Id)
                .SetProperty(d => d.ReviewedByName, actor.Name)
                .SetProperty(d => d.ReviewedAt, now)
                .SetProperty(d => d.ReviewNote, text),
            d => audit.Add(actor, AuditAction.DraftReturned, Subject(d), $"returned to {d.SubmittedByName}: {text}"),
            cancellationToken);
        return moved ? ReviewResult.Done : ReviewResult.Refused("Review_AlreadyHandled");
    }

    /// <summary>
    /// Approves a submitted draft: publishes it now (<paramref name="publishAt"/> null) or schedules
    /// it. Refused for its author (while review is required), for a time that has passed, and for a
    /// version another scheduled publication has already taken.
    /// </summary>
    public async Task<ReviewResult> ApproveAsync(int id, DateTime? publishAt, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(id, cancellationToken) is not { } draft)
        {
            return ReviewResult.Refused("Review_Gone");
        }

        if (draft.State != DraftState.Submitted)
        {
            return ReviewResult.Refused("Review_AlreadyHandled");
        }

        if (!MayApprove(draft, actor))
        {
            return ReviewResult.Refused("Review_OwnDraft");
        }

        var now = Now;
        if (publishAt is { } at && at <= now)
        {
            return ReviewResult.Refused("Review_PublishAtPast", "PublishAt");
        }

        var text = DraftService.ToText(draft);
        var check = publisher.Check(text);
        if (!check.CanPublish)
        {
            return new ReviewResult(check.Problems, check);
        }

        if (publishAt is { } time)
        {
            if (await VersionTakenAsync(draft, cancellationToken))
            {
                return ReviewResult.Refused("Review_VersionScheduled", "PublishAt");
            }

            var scheduled = await drafts.MoveAsync(
                id,
                Approvable(actor),
                set => Approve(set, actor, now).SetProperty(d => d.State, DraftState.Scheduled).SetProperty(d => d.PublishAt, time),
                d => audit.Add(actor, AuditAction.PublicationScheduled, Subject(d), $"approved, author {d.SubmittedByName}; to be published {FinnishTime.Format(time, Language.Fi)}"),
                cancellationToken);
            return scheduled ? ReviewResult.Done : ReviewResult.Refused("Review_AlreadyHandled");
        }

        var lease = now + options.Value.PublishLease;
        var claimed = await drafts.MoveAsync(
            id,
            Approvable(actor),
            set => Approve(set, actor, now).SetProperty(d => d.State, DraftState.Publishing).SetProperty(d => d.PublishAt, (DateTime?)null).SetProperty(d => d.ClaimedUntil, lease),
            d => audit.Add(actor, AuditAction.DraftApproved, Subject(d), $"approved, author {d.SubmittedByName}"),
            cancellationToken);
        if (!claimed)
        {
            return ReviewResult.Refused("Review_AlreadyHandled");
        }

        var published = await PublishClaimedAsync(id, actor, "approved", cancellationToken);
        if (!published.CanPublish)
        {
            // Back in the queue as it was, so the reviewer can read why and the author can fix it.
            await drafts.MoveAsync(
                id,
                d => d.State == DraftState.Publishing,
                set => set.SetProperty(d => d.State, DraftState.Submitted).SetProperty(d => d.ClaimedUntil, (DateTime?)null),
                _ => { },
                cancellationToken);
            return new ReviewResult(published.Problems, published);
        }

        return new ReviewResult([], published);
    }

    /// <summary>Takes a scheduled publication back into the review queue, as long as it has not started.</summary>
    public async Task<ReviewResult> CancelAsync(int id, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var cancelled = await drafts.MoveAsync(
            id,
            d => d.State == DraftState.Scheduled,
            set => set.SetProperty(d => d.State, DraftState.Submitted).SetProperty(d => d.PublishAt, (DateTime?)null),
            d => audit.Add(actor, AuditAction.ScheduledPublicationCancelled, Subject(d), $"scheduled publication cancelled: \"{d.Title}\""),
            cancellationToken);
        return cancelled ? ReviewResult.Done : ReviewResult.Refused("Review_CancelTooLate");
    }

    /// <summary>
    /// Publishes every scheduled draft that is due, and takes over any publication whose instance
    /// stopped holding it. Each draft is claimed by one conditional UPDATE, so with several
    /// instances on one database each draft is published by exactly one of them. Returns how many
    /// this call published.
    /// </summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.ChapterDrafts.AsNoTracking()
            .Where(d => (d.State == DraftState.Scheduled && d.PublishAt <= now) || (d.State == DraftState.Publishing && d.ClaimedUntil < now))
            .OrderBy(d => d.PublishAt).Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var id in due)
        {
            var lease = Now + options.Value.PublishLease;
            var claimed = await db.ChapterDrafts
                .Where(d => d.Id == id && ((d.State == DraftState.Scheduled && d.PublishAt <= now) || (d.State == DraftState.Publishing && d.ClaimedUntil < now)))
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.State, DraftState.Publishing).SetProperty(d => d.ClaimedUntil, lease), cancellationToken);
            if (claimed != 1)
            {
                // Another instance claimed it between the query and the update.
                continue;
            }

            var check = await PublishClaimedAsync(id, EditorIdentity.System, "scheduled", cancellationToken);
            if (check.CanPublish)
            {
                published++;
                continue;
            }

            LogScheduledRefused(id, string.Join(", ", check.Problems.Select(p => p.MessageKey)));
            await drafts.MoveAsync(
                id,
                d => d.State == DraftState.Publishing,
                set => set.SetProperty(d => d.State, DraftState.Editing).SetProperty(d => d.ClaimedUntil, (DateTime?)null).SetProperty(d => d.ScheduleFailed, true),
                d => audit.Add(EditorIdentity.System, AuditAction.ScheduledPublicationFailed, Subject(d), string.Join("; ", check.Problems.Select(p => p.MessageKey))),
                cancellationToken);
        }

        return published;
    }

    /// <summary>Publishes a draft this instance has claimed (state Publishing) and marks it published with the audit entries.</summary>
    private async Task<PublishCheck> PublishClaimedAsync(int id, EditorIdentity actor, string how, CancellationToken cancellationToken)
    {
        var draft = await db.ChapterDrafts.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        var text = DraftService.ToText(draft);
        var check = await publisher.PublishAsync(text, cancellationToken);
        if (!check.CanPublish)
        {
            return check;
        }

        var now = Now;
        var history = $"{how}; author {draft.SubmittedByName} {Format(draft.SubmittedAt)}, approved by {draft.ReviewedByName} {Format(draft.ReviewedAt)}";
        AuditEntry? published = null;
        if (await drafts.MoveAsync(
            id,
            d => d.State == DraftState.Publishing,
            set => set.SetProperty(d => d.State, DraftState.Published).SetProperty(d => d.PublishedAt, now).SetProperty(d => d.ClaimedUntil, (DateTime?)null),
            async _ => published = await drafts.RecordPublicationAsync(actor, text, history, cancellationToken),
            cancellationToken) && published is not null)
        {
            drafts.CommitToHistory(text, actor, published);
        }

        return check;
    }

    private static string Format(DateTime? utc) => utc is { } at ? FinnishTime.Format(at, Language.Fi) : "–";

    private System.Linq.Expressions.Expression<Func<ChapterDraft, bool>> Approvable(EditorIdentity actor)
    {
        var anyone = !RequireReview;
        return d => d.State == DraftState.Submitted && (anyone || d.SubmittedById != actor.Id);
    }

    private static Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ChapterDraft> Approve(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ChapterDraft> set, EditorIdentity actor, DateTime now) => set
        .SetProperty(d => d.ReviewedById, actor.Id)
        .SetProperty(d => d.ReviewedByName, actor.Name)
        .SetProperty(d => d.ReviewedAt, now)
        .SetProperty(d => d.ReviewNote, (string?)null);

    /// <summary>Whether another draft is already scheduled (or being published) under the same chapter, language and version.</summary>
    private Task<bool> VersionTakenAsync(ChapterDraft draft, CancellationToken cancellationToken) =>
        db.ChapterDrafts.AnyAsync(
            d => d.Id != draft.Id && d.ChapterId == draft.ChapterId && d.Language == draft.Language && d.Version == draft.Version
                && (d.State == DraftState.Scheduled || d.State == DraftState.Publishing),
            cancellationToken);

    private static string Subject(ChapterDraft draft) => DraftService.Subject(DraftService.ToText(draft));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled publication of draft {DraftId} was refused by the content check ({Problems}); the draft went back to editing")]
    private partial void LogScheduledRefused(int draftId, string problems);
}
