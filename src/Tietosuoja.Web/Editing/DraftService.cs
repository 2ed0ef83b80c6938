using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Editing;

/// <summary>
/// Editors' unpublished chapter texts, kept in the database until they are published (or thrown
/// away), and the step that publishes one. Each step is recorded in the audit trail. A published
/// draft stays as the version's editorial record: who wrote it, who approved it, and when.
/// </summary>
public sealed class DraftService(PortalDbContext db, ChapterPublisher publisher, AuditLog audit, ContentRepository history, TimeProvider clock, SubscriberNotices notices)
{
    /// <summary>The drafts not published yet, newest first.</summary>
    public Task<List<ChapterDraft>> ListAsync(CancellationToken cancellationToken) =>
        db.ChapterDrafts.AsNoTracking().Where(d => d.State != DraftState.Published).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);

    public Task<ChapterDraft?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.ChapterDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>
    /// Saves the text as a draft (new when <paramref name="id"/> is null); returns the draft's id,
    /// or null when the draft is no longer being written (submitted, scheduled, published or gone),
    /// so a text under review never changes under its reviewer.
    /// </summary>
    public async Task<int?> SaveAsync(int? id, ChapterText text, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (id is not { } existing)
        {
            var draft = new ChapterDraft { ChapterId = text.ChapterId, Title = text.Title.Trim(), Summary = text.Summary.Trim(), Markdown = text.Markdown, UpdatedBy = actor.Name };
            Fill(draft, text, now, actor);
            db.ChapterDrafts.Add(draft);
            audit.Add(actor, AuditAction.DraftSaved, Subject(text), $"draft saved: \"{draft.Title}\"");
            await db.SaveChangesAsync(cancellationToken);
            return draft.Id;
        }

        var saved = await MoveAsync(
            existing,
            d => d.State == DraftState.Editing,
            set => set
                .SetProperty(d => d.ChapterId, text.ChapterId)
                .SetProperty(d => d.Language, text.Language)
                .SetProperty(d => d.Version, text.Version)
                .SetProperty(d => d.Status, text.Status)
                .SetProperty(d => d.Title, text.Title.Trim())
                .SetProperty(d => d.Summary, text.Summary.Trim())
                .SetProperty(d => d.Markdown, text.Markdown)
                .SetProperty(d => d.NewChapterSlugFi, text.NewChapterSlugFi)
                .SetProperty(d => d.NewChapterSlugSv, text.NewChapterSlugSv)
                .SetProperty(d => d.UpdatedAt, now)
                .SetProperty(d => d.UpdatedBy, actor.Name),
            draft => audit.Add(actor, AuditAction.DraftSaved, Subject(text), $"draft saved: \"{draft.Title}\""),
            cancellationToken);
        return saved ? existing : null;
    }

    /// <summary>Throws a draft away, unless it is already on its way to readers (scheduled or published).</summary>
    public Task<bool> DeleteAsync(int id, EditorIdentity actor, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var draft = await db.ChapterDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (draft is null || await db.ChapterDrafts.Where(d => d.Id == id && (d.State == DraftState.Editing || d.State == DraftState.Submitted)).ExecuteDeleteAsync(cancellationToken) != 1)
            {
                return false;
            }

            audit.Add(actor, AuditAction.DraftDeleted, Subject(ToText(draft)), $"draft deleted: \"{draft.Title}\"");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

    /// <summary>
    /// Publishes the text at once, without review (<see cref="EditingOptions.RequireReview"/> off):
    /// on success the draft it came from (or a new record, for a text never saved) is kept as the
    /// version's record and the publication is audited.
    /// </summary>
    public async Task<PublishCheck> PublishAsync(int? id, ChapterText text, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (id is { } draftId && await db.ChapterDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken) is { State: not DraftState.Editing })
        {
            return new PublishCheck([FieldProblem.ForForm("Review_NotEditable")], null, null);
        }

        var check = await publisher.PublishAsync(text, cancellationToken);
        if (!check.CanPublish)
        {
            return check;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var record = id is { } existing ? await db.ChapterDrafts.SingleOrDefaultAsync(d => d.Id == existing, cancellationToken) : null;
        if (record is null)
        {
            record = new ChapterDraft { ChapterId = text.ChapterId, Title = text.Title, Summary = text.Summary, Markdown = text.Markdown, UpdatedBy = actor.Name };
            db.ChapterDrafts.Add(record);
        }

        Fill(record, text, now, actor);
        record.State = DraftState.Published;
        record.SubmittedById = actor.Id;
        record.SubmittedByName = actor.Name;
        record.SubmittedAt = now;
        record.PublishedAt = now;
        var entry = await RecordPublicationAsync(actor, text, $"published without review by {actor.Name}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        CommitToHistory(text, actor, entry);
        return check;
    }

    /// <summary>
    /// The audit entries of a publication (a new chapter's addresses, then the version) and, for a
    /// published version, the subscribers' mails: added to the same unit of work, so subscribers hear
    /// of the version exactly when its publication is recorded.
    /// </summary>
    internal async Task<AuditEntry> RecordPublicationAsync(EditorIdentity actor, ChapterText text, string how, CancellationToken cancellationToken)
    {
        if (text.IsNewChapter)
        {
            audit.Add(actor, AuditAction.ChapterCreated, text.ChapterId, $"addresses: fi {text.NewChapterSlugFi}, sv {text.NewChapterSlugSv}");
        }

        var entry = audit.Add(actor, AuditAction.VersionPublished, Subject(text), $"{text.Status}: \"{text.Title.Trim()}\" – {text.Summary.Trim()} ({how})");
        if (text.Status == VersionStatus.Published)
        {
            await notices.VersionPublishedAsync(text.ChapterId, text.Language, text.Version, cancellationToken);
        }

        return entry;
    }

    /// <summary>
    /// Commits a publication to the content folder's git repository. Called after the audit entry is
    /// saved, so the commit can name it; the file is published whatever git does.
    /// </summary>
    internal void CommitToHistory(ChapterText text, EditorIdentity actor, AuditEntry published) =>
        history.Commit(text.IsNewChapter ? [text.RelativePath, ContentLoader.SiteFileName] : [text.RelativePath], actor, ContentRepository.PublicationMessage(text, published.Id));

    /// <summary>
    /// Moves one draft from the state <paramref name="when"/> allows to what <paramref name="set"/>
    /// writes, in one conditional UPDATE, and records it in the same transaction. False when the
    /// draft was not in that state (another editor or instance took the step first): nothing changes.
    /// </summary>
    internal Task<bool> MoveAsync(int id, Expression<Func<ChapterDraft, bool>> when, Action<UpdateSettersBuilder<ChapterDraft>> set, Action<ChapterDraft> record, CancellationToken cancellationToken) =>
        MoveAsync(id, when, set, draft => { record(draft); return Task.CompletedTask; }, cancellationToken);

    /// <inheritdoc cref="MoveAsync(int, Expression{Func{ChapterDraft, bool}}, Action{UpdateSettersBuilder{ChapterDraft}}, Action{ChapterDraft}, CancellationToken)"/>
    internal Task<bool> MoveAsync(int id, Expression<Func<ChapterDraft, bool>> when, Action<UpdateSettersBuilder<ChapterDraft>> set, Func<ChapterDraft, Task> record, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retried attempt must not save the audit entry of the failed one.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.ChapterDrafts.Where(d => d.Id == id).Where(when).ExecuteUpdateAsync(set, cancellationToken) != 1)
            {
                return false;
            }

            await record(await db.ChapterDrafts.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

    private static void Fill(ChapterDraft draft, ChapterText text, DateTime now, EditorIdentity actor)
    {
        draft.ChapterId = text.ChapterId;
        draft.Language = text.Language;
        draft.Version = text.Version;
        draft.Status = text.Status;
        draft.Title = text.Title.Trim();
        draft.Summary = text.Summary.Trim();
        draft.Markdown = text.Markdown;
        draft.NewChapterSlugFi = text.NewChapterSlugFi;
        draft.NewChapterSlugSv = text.NewChapterSlugSv;
        draft.UpdatedAt = now;
        draft.UpdatedBy = actor.Name;
    }

    public static ChapterText ToText(ChapterDraft draft) => new(
        draft.ChapterId, draft.Language, draft.Version, draft.Status, draft.Title, draft.Summary, draft.Markdown,
        draft.NewChapterSlugFi, draft.NewChapterSlugSv);

    /// <summary>How the audit trail names a chapter version: "oikeusperusteet/fi/1.3".</summary>
    public static string Subject(ChapterText text) => $"{text.ChapterId}/{text.Language.Code()}/{text.Version}";
}
