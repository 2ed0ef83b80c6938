namespace Tietosuoja.Web.Data;

/// <summary>
/// A mail waiting to be sent (the transactional outbox). It is written in the same save as the
/// change that causes it, so a mail is never promised without the change, nor the change made
/// without its mail. A row stays until the mail is delivered (then it is deleted, and with it the
/// private links in its body) or refused for good; a failure only moves its next attempt later.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    /// <summary>The same on every attempt, so a resend after a lost answer is recognisable as the same mail.</summary>
    public required string MessageId { get; set; }

    public required string SenderName { get; set; }

    /// <summary>Personal data: deleted with the row once the mail is delivered.</summary>
    public required string To { get; set; }

    public Language Language { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    public required string UnsubscribeUrl { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Until when the instance that claimed the row may send it; after that another instance may take it over.</summary>
    public DateTime? LeaseUntil { get; set; }

    public Guid? LeaseOwner { get; set; }

    /// <summary>The latest failure as the server or the file system put it, with addresses removed.</summary>
    public string? LastError { get; set; }

    public DateTime? LastAttemptAt { get; set; }
}

public enum BlockReason
{
    /// <summary>The receiving server refused the address for good (SMTP 5xx).</summary>
    Bounced,

    /// <summary>An editor unsubscribed from the daily digest of new comments.</summary>
    DigestUnsubscribed,
}

/// <summary>An address the portal no longer mails (bounced), or no longer sends the digest to.</summary>
public sealed class BlockedAddress
{
    /// <summary>Lower case (<c>EmailAddress.Normalize</c>).</summary>
    public required string Address { get; set; }

    public BlockReason Reason { get; set; }

    public DateTime At { get; set; }
}

/// <summary>What a subscriber hears about.</summary>
[Flags]
public enum SubscriptionTopics
{
    None = 0,
    PublishedVersions = 1,
    OpenedRounds = 2,
    FeedbackReports = 4,

    /// <summary>New workshops and webinars (when their registration opens) and their published memos.</summary>
    Events = 8,
}

/// <summary>
/// Someone who asked to hear about new versions, rounds or feedback reports, in one language, for
/// the whole guidance or some chapters. Nothing is sent before <see cref="ConfirmedAt"/> (double
/// opt-in); an unconfirmed row is erased after a configured time, and every row on unsubscribe.
/// </summary>
public sealed class Subscription
{
    public long Id { get; set; }

    /// <summary>Personal data: erased with the row.</summary>
    public required string Email { get; set; }

    public Language Language { get; set; }

    public SubscriptionTopics Topics { get; set; }

    /// <summary>Chapter ids separated by commas; null for the whole guidance.</summary>
    public string? ChapterIds { get; set; }

    /// <summary>SHA-256 of the token in the confirmation and unsubscribe links; the token itself is never stored.</summary>
    public required byte[] TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public IReadOnlyList<string> Chapters => ChapterIds is null ? [] : ChapterIds.Split(',');

    public bool Covers(string chapterId) => ChapterIds is null || Chapters.Contains(chapterId, StringComparer.Ordinal);
}

/// <summary>When a scheduled mailing (the editors' digest) last ran; claimed by a conditional update so that one instance runs it.</summary>
public sealed class MailSchedule
{
    public required string Name { get; set; }

    public DateTime LastRunAt { get; set; }
}
