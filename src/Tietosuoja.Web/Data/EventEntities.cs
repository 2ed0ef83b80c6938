namespace Tietosuoja.Web.Data;

/// <summary>What kind of event: workshops choose their participants, webinars and others accept registrants up to an optional cap.</summary>
public enum EventKind
{
    Workshop,
    Webinar,
    Other,
}

/// <summary>What a registrant does in their organisation: with the organisation type, what a workshop's group is balanced on.</summary>
public enum ParticipantRole
{
    DataProtectionOfficer,
    Lawyer,
    InformationManagement,
    Security,
    Management,
    SectorExpert,
    Other,
}

/// <summary>Where a registration stands.</summary>
public enum RegistrationStatus
{
    /// <summary>Received; for a workshop, waiting for the selection.</summary>
    Registered,

    /// <summary>Has a seat: sees the meeting link.</summary>
    Selected,

    NotSelected,

    /// <summary>Gets a seat, in <see cref="EventRegistration.WaitingListRank"/> order, when a selected participant cancels before the event.</summary>
    WaitingList,

    Cancelled,
}

/// <summary>
/// A workshop, webinar or other event of the guidance's cycle. Times are UTC and shown in Finnish
/// time. The meeting link is for accepted participants only: the public pages and the feed read
/// events through <c>PublicEvent</c>, which has no such field.
/// </summary>
public sealed class PortalEvent
{
    public int Id { get; set; }

    public EventKind Kind { get; set; }

    public required string TitleFi { get; set; }

    /// <summary>Expected, not required: the Swedish pages fall back to the Finnish text.</summary>
    public string? TitleSv { get; set; }

    /// <summary>Plain text with paragraphs, shown HTML-encoded.</summary>
    public required string DescriptionFi { get; set; }

    public string? DescriptionSv { get; set; }

    /// <summary>The commenting round the event fed (or presents the results of), if any.</summary>
    public int? RoundId { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public DateTime RegistrationOpensAt { get; set; }

    public DateTime RegistrationClosesAt { get; set; }

    /// <summary>Seats: required for a workshop, an optional cap for the others (null: no limit).</summary>
    public int? Capacity { get; set; }

    /// <summary>The Teams (or other) link: only in accepted participants' mails and private pages.</summary>
    public string? MeetingLink { get; set; }

    /// <summary>The facilitator's memo (Markdown, rendered and sanitised like chapters).</summary>
    public string? MemoFi { get; set; }

    public string? MemoSv { get; set; }

    /// <summary>Set when the memo was first published; participants and subscribers were told then.</summary>
    public DateTime? MemoPublishedAt { get; set; }

    /// <summary>A page of an external recording, or the URL of a video file played on the event page.</summary>
    public string? RecordingUrl { get; set; }

    /// <summary>The recording's captions, a validated WebVTT file, served by the portal as text/vtt.</summary>
    public string? CaptionsVtt { get; set; }

    /// <summary>The recording's transcript (Markdown), shown on the event page.</summary>
    public string? TranscriptFi { get; set; }

    public string? TranscriptSv { get; set; }

    /// <summary>Set when a recording with its captions and transcript was published; null while there is none.</summary>
    public DateTime? RecordingPublishedAt { get; set; }

    /// <summary>When editors confirmed a workshop's selection (the mails went then); null before.</summary>
    public DateTime? SelectionConfirmedAt { get; set; }

    /// <summary>Set by the one instance that told the subscribers when the registration opened.</summary>
    public DateTime? AnnouncedAt { get; set; }

    /// <summary>When the registrants' personal data was erased after the retention period.</summary>
    public DateTime? PersonalDataErasedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<EventChapter> Chapters { get; set; } = [];

    public List<EventRegistration> Registrations { get; set; } = [];
}

/// <summary>A chapter an event concerns; the chapter's page links to the event.</summary>
public sealed class EventChapter
{
    public int EventId { get; set; }

    public required string ChapterId { get; set; }
}

/// <summary>
/// One person's registration. Name, e-mail, organisation name, what they wrote and the protected
/// private-link token are personal data, erased after the retention period; the organisation
/// type, role and status stay, so the event's counts survive.
/// </summary>
public sealed class EventRegistration
{
    public long Id { get; set; }

    public int EventId { get; set; }

    public PortalEvent? Event { get; set; }

    /// <summary>SHA-256 of the private link's token (as for comments); the token itself is never stored in the clear.</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>
    /// SHA-256 of the registration form's stamp: unique, so the same form sent twice (a double
    /// click, a resend, two instances) stores one registration and both answers lead to its link.
    /// </summary>
    public required byte[] FormStampHash { get; set; }

    /// <summary>Personal data: the private link's token, protected, so later mails (selection, promotion) can carry the link.</summary>
    public string? ProtectedToken { get; set; }

    /// <summary>The language the person registered in: every mail to them is in it.</summary>
    public Language Language { get; set; }

    /// <summary>Personal data.</summary>
    public string? Name { get; set; }

    /// <summary>Personal data.</summary>
    public string? Email { get; set; }

    /// <summary>Personal data (a small organisation names its people).</summary>
    public string? OrganisationName { get; set; }

    public OrganisationType OrganisationType { get; set; }

    public ParticipantRole Role { get; set; }

    /// <summary>Personal data: "what I bring / what I expect", short free text.</summary>
    public string? Contribution { get; set; }

    /// <summary>Consent to the processing the privacy notice describes; a registration is not stored without it.</summary>
    public bool Consent { get; set; }

    public DateTime RegisteredAt { get; set; }

    public RegistrationStatus Status { get; set; }

    public DateTime StatusChangedAt { get; set; }

    /// <summary>Order on the waiting list (1 first); null when not on it.</summary>
    public int? WaitingListRank { get; set; }

    /// <summary>Set when a waiting-list place turned into a seat.</summary>
    public DateTime? PromotedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>Set when the person followed the unsubscribe link of a mail about this registration: no further mails.</summary>
    public DateTime? MailsStoppedAt { get; set; }

    public DateTime? ErasedAt { get; set; }
}
