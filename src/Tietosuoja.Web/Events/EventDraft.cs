using Tietosuoja.Web.Data;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Events;

/// <summary>
/// What an event is made of, as an editor (or the development seed) describes it. Times are UTC
/// (the editor form converts from Finnish time with <see cref="FinnishTime.ToUtc"/>). The property
/// names are the field names of <see cref="FieldProblem"/>s.
/// </summary>
public sealed record EventDraft(
    EventKind Kind,
    string TitleFi,
    string? TitleSv,
    string DescriptionFi,
    string? DescriptionSv,
    IReadOnlyList<string> ChapterIds,
    int? RoundId,
    DateTime StartsAt,
    DateTime EndsAt,
    DateTime RegistrationOpensAt,
    DateTime RegistrationClosesAt,
    int? Capacity,
    string? MeetingLink)
{
    public const int MaxCapacity = 10_000;

    /// <summary>
    /// The one place of an event's rules, run by the editor form and again before storing. Texts
    /// showable and within their columns (Finnish title and description required, Swedish
    /// optional); the event ends after it starts; registration closes after it opens and no later
    /// than the start; a workshop has seats; the meeting link is an https address; chapters exist.
    /// </summary>
    public IReadOnlyList<FieldProblem> Validate(ContentSnapshot content, IReadOnlyCollection<int> roundIds)
    {
        List<FieldProblem?> problems =
        [
            PlainText.Check(nameof(TitleFi), TitleFi, PortalDbContext.TitleMaxLength),
            PlainText.Check(nameof(TitleSv), TitleSv, PortalDbContext.TitleMaxLength, required: false),
            PlainText.Check(nameof(DescriptionFi), DescriptionFi, PortalDbContext.DescriptionMaxLength),
            PlainText.Check(nameof(DescriptionSv), DescriptionSv, PortalDbContext.DescriptionMaxLength, required: false),
        ];
        if (!Enum.IsDefined(Kind))
        {
            problems.Add(new(nameof(Kind), "Error_EventKindRequired"));
        }

        if (EndsAt <= StartsAt)
        {
            problems.Add(new(nameof(EndsAt), "Error_EventEndsBeforeStart"));
        }

        if (RegistrationClosesAt <= RegistrationOpensAt)
        {
            problems.Add(new(nameof(RegistrationClosesAt), "Error_RegistrationClosesBeforeOpening"));
        }
        else if (RegistrationClosesAt > StartsAt)
        {
            problems.Add(new(nameof(RegistrationClosesAt), "Error_RegistrationClosesAfterStart"));
        }

        if (Capacity is null && Kind == EventKind.Workshop)
        {
            problems.Add(new(nameof(Capacity), "Error_WorkshopNeedsCapacity"));
        }
        else if (Capacity is < 1 or > MaxCapacity)
        {
            problems.Add(new(nameof(Capacity), "Error_CapacityRange", MaxCapacity));
        }

        if (!PlainText.IsBlank(MeetingLink) && !IsHttpsUrl(PlainText.Trim(MeetingLink), PortalDbContext.UrlMaxLength))
        {
            problems.Add(new(nameof(MeetingLink), "Error_MeetingLinkInvalid"));
        }

        if (ChapterIds.Any(id => content.FindChapterById(id) is null))
        {
            problems.Add(new(nameof(ChapterIds), "Error_EventChapterUnknown"));
        }

        if (RoundId is { } round && !roundIds.Contains(round))
        {
            problems.Add(new(nameof(RoundId), "Error_EventRoundUnknown"));
        }

        return [.. problems.OfType<FieldProblem>()];
    }

    /// <summary>An absolute https address that fits its column: what a meeting or recording link must be.</summary>
    public static bool IsHttpsUrl(string value, int maxLength) =>
        value.Length <= maxLength && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    /// <summary>The draft of a stored event, for the editor's form.</summary>
    public static EventDraft From(PortalEvent portalEvent) => new(
        portalEvent.Kind,
        portalEvent.TitleFi,
        portalEvent.TitleSv,
        portalEvent.DescriptionFi,
        portalEvent.DescriptionSv,
        [.. portalEvent.Chapters.Select(c => c.ChapterId)],
        portalEvent.RoundId,
        portalEvent.StartsAt,
        portalEvent.EndsAt,
        portalEvent.RegistrationOpensAt,
        portalEvent.RegistrationClosesAt,
        portalEvent.Capacity,
        portalEvent.MeetingLink);
}

/// <summary>The facilitator's memo in both languages (Markdown); Swedish optional.</summary>
public sealed record MemoDraft(string MemoFi, string? MemoSv)
{
    public IReadOnlyList<FieldProblem> Validate(MarkdownRenderer renderer) =>
    [
        .. new[]
        {
            MarkdownField(renderer, nameof(MemoFi), MemoFi, Language.Fi, required: true),
            MarkdownField(renderer, nameof(MemoSv), MemoSv, Language.Sv, required: false),
        }.OfType<FieldProblem>(),
    ];

    /// <summary>A Markdown field's rule: present when required, showable, within its column, and not nested beyond what the renderer accepts.</summary>
    internal static FieldProblem? MarkdownField(MarkdownRenderer renderer, string field, string? value, Language language, bool required) =>
        PlainText.Check(field, value, PortalDbContext.MemoMaxLength, required)
        ?? (PlainText.IsBlank(value) || renderer.Parse(value, language, out _) is not null ? null : new FieldProblem(field, "Error_MarkdownTooDeep", MarkdownRenderer.MaxNesting));
}

/// <summary>
/// A recording as an editor publishes it: a video file (played with <c>&lt;video&gt;</c>) or an
/// external page, always with its WebVTT captions and a Finnish transcript (the Act on the
/// Provision of Digital Services requires captions on published recordings).
/// </summary>
public sealed record RecordingDraft(string RecordingUrl, string CaptionsVtt, string TranscriptFi, string? TranscriptSv)
{
    public IReadOnlyList<FieldProblem> Validate(MarkdownRenderer renderer)
    {
        List<FieldProblem?> problems =
        [
            PlainText.IsBlank(RecordingUrl)
                ? new(nameof(RecordingUrl), "Error_Required")
                : EventDraft.IsHttpsUrl(PlainText.Trim(RecordingUrl), PortalDbContext.UrlMaxLength) ? null : new(nameof(RecordingUrl), "Error_RecordingUrlInvalid"),
            PlainText.Check(nameof(CaptionsVtt), CaptionsVtt, PortalDbContext.CaptionsMaxLength, requiredMessage: "Error_CaptionsRequired")
                ?? WebVtt.Validate(nameof(CaptionsVtt), CaptionsVtt),
            MemoDraft.MarkdownField(renderer, nameof(TranscriptFi), TranscriptFi, Language.Fi, required: true),
            MemoDraft.MarkdownField(renderer, nameof(TranscriptSv), TranscriptSv, Language.Sv, required: false),
        ];
        return [.. problems.OfType<FieldProblem>()];
    }

    /// <summary>Whether the address is a video file the page can play itself rather than a page to link to.</summary>
    public static bool IsVideoFile(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() is ".mp4" or ".webm" or ".ogv" or ".m4v";
}
