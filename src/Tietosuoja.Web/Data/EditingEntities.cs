
namespace Tietosuoja.Web.Data;

/// <summary>What an editor did; one audit entry per action.</summary>
public enum AuditAction
{
    DraftSaved,
    DraftDeleted,
    VersionPublished,
    ChapterCreated,
    RoundCreated,
    RoundEdited,
    RoundClosedEarly,
    FeedbackPublished,
    CommentStatusChanged,
    CommentResponseChanged,
    CommentModerationChanged,
    CommentsExported,
    CommentAssigned,
    CommentNoteAdded,
}

/// <summary>
/// One editor action: who, when, what. Written in the same transaction as the change it records
/// and never updated or deleted through the application.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The account's stable id (Entra object id), so renamed accounts stay traceable.</summary>
    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>What the action was done to, such as "Kierros 3" or "oikeusperusteet/fi/1.3".</summary>
    public required string Subject { get; set; }

    /// <summary>What changed, in words an administrator can read (old → new).</summary>
    public required string Details { get; set; }
}

/// <summary>
/// A chapter version an editor is preparing. Drafts live in the database, not in content/, so
/// readers never see unfinished text; publishing turns one into an immutable content file.
/// </summary>
public sealed class ChapterDraft
{
    public int Id { get; set; }

    /// <summary>The chapter's id; for a new chapter, the id it will get.</summary>
    public required string ChapterId { get; set; }

    public Language Language { get; set; }

    /// <summary>Set for a draft that creates a chapter: its address in each language.</summary>
    public string? NewChapterSlugFi { get; set; }

    public string? NewChapterSlugSv { get; set; }

    public VersionNumber Version { get; set; }

    public VersionStatus Status { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>The chapter text without front matter; the front matter is written on publishing.</summary>
    public required string Markdown { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public bool IsNewChapter => NewChapterSlugFi is not null;
}
