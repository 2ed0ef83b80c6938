using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Editing;

/// <summary>
/// Editors' unpublished chapter texts, kept in the database until they are published (or thrown
/// away), and the step that publishes one. Each step is recorded in the audit trail.
/// </summary>
public sealed class DraftService(PortalDbContext db, ChapterPublisher publisher, AuditLog audit, ContentRepository history, TimeProvider clock)
{
    public Task<List<ChapterDraft>> ListAsync(CancellationToken cancellationToken) =>
        db.ChapterDrafts.AsNoTracking().OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);

    public Task<ChapterDraft?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.ChapterDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>Saves the text as a draft (new when <paramref name="id"/> is null); returns the draft's id.</summary>
    public async Task<int> SaveAsync(int? id, ChapterText text, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var draft = id is { } existing ? await db.ChapterDrafts.SingleAsync(d => d.Id == existing, cancellationToken) : null;
        if (draft is null)
        {
            draft = new ChapterDraft { ChapterId = text.ChapterId, Title = text.Title, Summary = text.Summary, Markdown = text.Markdown, UpdatedBy = actor.Name };
            db.ChapterDrafts.Add(draft);
        }

        draft.ChapterId = text.ChapterId;
        draft.Language = text.Language;
        draft.Version = text.Version;
        draft.Status = text.Status;
        draft.Title = text.Title.Trim();
        draft.Summary = text.Summary.Trim();
        draft.Markdown = text.Markdown;
        draft.NewChapterSlugFi = text.NewChapterSlugFi;
        draft.NewChapterSlugSv = text.NewChapterSlugSv;
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        draft.UpdatedBy = actor.Name;
        audit.Add(actor, AuditAction.DraftSaved, Subject(text), $"draft saved: \"{draft.Title}\"");
        await db.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }

    public async Task DeleteAsync(int id, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (await db.ChapterDrafts.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } draft)
        {
            db.ChapterDrafts.Remove(draft);
            audit.Add(actor, AuditAction.DraftDeleted, Subject(ToText(draft)), $"draft deleted: \"{draft.Title}\"");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Publishes the text; on success the draft it came from is removed and the publication recorded.</summary>
    public async Task<PublishCheck> PublishAsync(int? id, ChapterText text, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var check = await publisher.PublishAsync(text, cancellationToken);
        if (!check.CanPublish)
        {
            return check;
        }

        if (id is { } draftId && await db.ChapterDrafts.SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken) is { } draft)
        {
            db.ChapterDrafts.Remove(draft);
        }

        if (text.IsNewChapter)
        {
            audit.Add(actor, AuditAction.ChapterCreated, text.ChapterId, $"addresses: fi {text.NewChapterSlugFi}, sv {text.NewChapterSlugSv}");
        }

        var published = audit.Add(actor, AuditAction.VersionPublished, Subject(text), $"{text.Status}: \"{text.Title.Trim()}\" – {text.Summary.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        // After the audit entry is saved, so the commit can name it; the file is published whatever git does.
        history.Commit(text.IsNewChapter ? [text.RelativePath, ContentLoader.SiteFileName] : [text.RelativePath], actor, ContentRepository.PublicationMessage(text, published.Id));
        return check;
    }

    public static ChapterText ToText(ChapterDraft draft) => new(
        draft.ChapterId, draft.Language, draft.Version, draft.Status, draft.Title, draft.Summary, draft.Markdown,
        draft.NewChapterSlugFi, draft.NewChapterSlugSv);

    /// <summary>How the audit trail names a chapter version: "oikeusperusteet/fi/1.3".</summary>
    public static string Subject(ChapterText text) => $"{text.ChapterId}/{text.Language.Code()}/{text.Version}";
}
