
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
    DraftSubmitted,
    DraftReturned,
    DraftApproved,
    PublicationScheduled,
    ScheduledPublicationCancelled,
    ScheduledPublicationFailed,
    EventCreated,
    EventEdited,
    EventSelectionConfirmed,
    EventRegistrationCancelled,
    EventRegistrationPromoted,
    EventMemoPublished,
    EventRecordingPublished,
    EventParticipantsExported,
    EventPersonalDataErased,
    EventRegistrationErased,
}

/// <summary>
/// Where a draft is on its way to readers. A draft moves forward only through a conditional
/// UPDATE on this column, so two editors or two instances never both take the same step.
/// </summary>
public enum DraftState
{
    /// <summary>Being written; also a draft returned by its reviewer, or one whose schedule was cancelled.</summary>
    Editing,

    /// <summary>Waiting for another editor to approve it or return it.</summary>
    Submitted,

    /// <summary>Approved; published by the scheduler at <see cref="ChapterDraft.PublishAt"/>.</summary>
    Scheduled,

    /// <summary>Being published right now by the instance holding the lease (<see cref="ChapterDraft.ClaimedUntil"/>).</summary>
    Publishing,

    /// <summary>In content/; the record stays as the version's editorial history (author, reviewer, times).</summary>
    Published,
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

    public DraftState State { get; set; }

    /// <summary>The editor who submitted the draft for review: its author for the four-eyes rule.</summary>
    public string? SubmittedById { get; set; }

    public string? SubmittedByName { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>The editor who last approved or returned the draft.</summary>
    public string? ReviewedById { get; set; }

    public string? ReviewedByName { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>The reviewer's note to the author when the draft was returned.</summary>
    public string? ReviewNote { get; set; }

    /// <summary>When an approved draft is to be published (UTC); null for "at once".</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>Until when the instance publishing the draft holds it; an expired lease may be taken over.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>Set when a scheduled publication was refused by the content check at its time; the draft went back to editing.</summary>
    public bool ScheduleFailed { get; set; }

    public bool IsNewChapter => NewChapterSlugFi is not null;
}
