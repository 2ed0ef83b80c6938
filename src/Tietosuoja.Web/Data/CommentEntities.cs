
namespace Tietosuoja.Web.Data;

/// <summary>Who a commenter speaks for; a fixed list so comments can be counted by stakeholder group.</summary>
public enum OrganisationType
{
    Municipality,
    JointMunicipalAuthority,
    WellbeingServicesCounty,
    MunicipalCompany,
    Ministry,
    GovernmentAgency,
    DataProtectionOmbudsman,
    Association,
    Company,
    Other,
    PrivatePerson,
}

/// <summary>How the writing team handled a comment; shown to its author and, with consent, in the feedback report.</summary>
public enum HandlingStatus
{
    Received,
    UnderConsideration,
    Accepted,
    PartlyAccepted,
    NotAccepted,
    Noted,
}

/// <summary>Editors hide spam and inappropriate comments; hidden comments stay in the database, marked.</summary>
public enum Moderation
{
    Visible,
    Spam,
    Inappropriate,
}

/// <summary>A commenting round: a period in which the listed chapter versions are open for comments.</summary>
public sealed class Round
{
    public int Id { get; set; }

    public required string TitleFi { get; set; }

    public required string TitleSv { get; set; }

    public required string DescriptionFi { get; set; }

    public required string DescriptionSv { get; set; }

    /// <summary>UTC, like every time in the database; shown in Finnish time.</summary>
    public DateTime OpensAt { get; set; }

    public DateTime ClosesAt { get; set; }

    /// <summary>Set when editors publish the round's feedback report (only after the round has closed).</summary>
    public DateTime? FeedbackPublishedAt { get; set; }

    /// <summary>Set by the one instance that mailed the subscribers when the round opened; null until then.</summary>
    public DateTime? OpeningAnnouncedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<RoundVersion> Versions { get; set; } = [];
}

/// <summary>A chapter version that a round covers; comments in both languages of that version belong to it.</summary>
public sealed class RoundVersion
{
    public int RoundId { get; set; }

    public required string ChapterId { get; set; }

    public VersionNumber Version { get; set; }
}

/// <summary>
/// One comment on one chapter version, optionally on one section of it. The version never changes
/// (a fix is a new version), so the comment stays attached to the text it was written about.
/// </summary>
public sealed class Comment
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the commenter's private link token; the token itself is never stored.</summary>
    public required byte[] TokenHash { get; set; }

    public int RoundId { get; set; }

    public Round? Round { get; set; }

    public required string ChapterId { get; set; }

    public VersionNumber Version { get; set; }

    /// <summary>The language of the text the comment was written on.</summary>
    public Language Language { get; set; }

    /// <summary>Null for a comment on the whole chapter.</summary>
    public string? SectionAnchor { get; set; }

    /// <summary>The section's heading as it read when the comment was written, for exports and reports.</summary>
    public string? SectionHeading { get; set; }

    /// <summary>Plain text exactly as typed; HTML-encoded whenever it is shown.</summary>
    public required string Text { get; set; }

    public OrganisationType OrganisationType { get; set; }

    public string? OrganisationName { get; set; }

    /// <summary>Personal data: optional, erased after the retention period or on withdrawal.</summary>
    public string? AuthorName { get; set; }

    /// <summary>Personal data: optional, erased after the retention period or on withdrawal.</summary>
    public string? Email { get; set; }

    public bool ConsentToPublish { get; set; }

    /// <summary>The author asked to be mailed when the comment is answered or its status changes (needs <see cref="Email"/>).</summary>
    public bool NotifyOnHandling { get; set; }

    /// <summary>Personal data: the private link's token, protected, kept only while the author wants notifications (they carry the link).</summary>
    public string? ProtectedToken { get; set; }

    public DateTime SubmittedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    public DateTime? PersonalDataErasedAt { get; set; }

    public HandlingStatus Status { get; set; }

    /// <summary>The writing team's public answer, shown to the author and in the feedback report.</summary>
    public string? Response { get; set; }

    public DateTime? RespondedAt { get; set; }

    public Moderation Moderation { get; set; }

    /// <summary>Set when the author changed the text after the writing team had answered or handled it; the answered text is a <see cref="CommentRevision"/>.</summary>
    public DateTime? EditedAfterAnswerAt { get; set; }

    /// <summary>The editor the comment is assigned to (Entra object id), or null.</summary>
    public string? AssignedToId { get; set; }

    /// <summary>That editor's name as it read when assigned, for the list.</summary>
    public string? AssignedToName { get; set; }

    public List<CommentRevision> Revisions { get; set; } = [];

    public List<CommentNote> Notes { get; set; } = [];

    public bool IsWithdrawn => WithdrawnAt is not null;
}

/// <summary>
/// A comment's earlier text, kept when its author edits it, so editors still see what they
/// answered. Deleted with the text when the comment is withdrawn.
/// </summary>
public sealed class CommentRevision
{
    public long Id { get; set; }

    public long CommentId { get; set; }

    public required string Text { get; set; }

    public string? SectionHeading { get; set; }

    /// <summary>When this text was written (sent or last edited).</summary>
    public DateTime WrittenAt { get; set; }

    /// <summary>When the author replaced it.</summary>
    public DateTime ReplacedAt { get; set; }

    /// <summary>True when the writing team had answered or handled the comment while it read like this.</summary>
    public bool WasAnswered { get; set; }
}

/// <summary>An editor's internal note on a comment: never shown publicly, exported only when asked for.</summary>
public sealed class CommentNote
{
    public long Id { get; set; }

    public long CommentId { get; set; }

    public required string Text { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A comment form's stamp that a comment was stored with. The stamp is single-use across every
/// instance: the key is the stamp's SHA-256, so a second post of the same form (a double click, a
/// resend after a timeout, another instance behind the proxy) finds the row instead of storing a
/// second comment, and is sent to the same private link. The link's token is kept here only
/// protected with Data Protection, and only as long as a stamp lives; then the row is pruned.
/// </summary>
public sealed class UsedFormStamp
{
    public required byte[] StampHash { get; set; }

    public long CommentId { get; set; }

    public Comment? Comment { get; set; }

    /// <summary>The private link's token, protected (never stored in the clear).</summary>
    public required string ProtectedToken { get; set; }

    public DateTime UsedAt { get; set; }
}
