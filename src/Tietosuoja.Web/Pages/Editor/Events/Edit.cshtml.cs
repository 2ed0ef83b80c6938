using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor.Events;

/// <summary>Creates an event or changes one, in both languages; times are entered in Finnish time.</summary>
public sealed class EditModel(ContentStore store, IStringLocalizer<SharedResource> text, EventAdmin events, TimeProvider clock) : EventPageModel(store, text)
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public EventInput Input { get; set; } = new();

    /// <summary>Rounds the event may be linked to, as (id, Finnish title).</summary>
    public IReadOnlyList<(int Id, string Title)> Rounds { get; private set; } = [];

    public override string Title => Id is null ? T["EditorNewEvent"] : T["EventEditTitle", Input.TitleFi ?? string.Empty];

    public override string AlternateLanguageUrl => Id is { } id ? EditorUrls.EditEvent(Language.Other(), id) : EditorUrls.NewEvent(Language.Other());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rounds = await events.RoundChoicesAsync(cancellationToken);
        if (Id is not { } id)
        {
            var start = FinnishTime.ToLocal(clock.GetUtcNow().UtcDateTime).Date.AddDays(28).AddHours(9);
            Input = new EventInput
            {
                Kind = nameof(EventKind.Workshop),
                StartsAt = Format(start),
                EndsAt = Format(start.AddHours(3)),
                RegistrationOpensAt = Format(start.AddDays(-27)),
                RegistrationClosesAt = Format(start.AddDays(-7).AddHours(7)),
                Capacity = "30",
            };
            return Page();
        }

        if (await events.FindAsync(id, cancellationToken) is not { } portalEvent)
        {
            return NotFound();
        }

        Input = EventInput.From(EventDraft.From(portalEvent));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rounds = await events.RoundChoicesAsync(cancellationToken);
        if (Id is { } existing && await events.FindAsync(existing, cancellationToken) is null)
        {
            return NotFound();
        }

        // One pass shows every problem: what the form could not read, then the event's own rules on the rest.
        var unread = Input.Read(out var draft);
        AddProblems(unread);
        AddProblems(EventInput.Relevant(await events.ValidateAsync(draft, cancellationToken), unread));
        if (HasProblems)
        {
            return Page();
        }

        var saved = Id is { } id
            ? await events.UpdateAsync(id, draft, Editor, cancellationToken)
            : await events.CreateAsync(draft, Editor, cancellationToken);
        if (!saved.Succeeded)
        {
            AddProblems(saved.Problems);
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Event(Language, saved.EventId), Id is null ? "EventCreated" : "EventSaved");
    }

    internal static string Format(DateTime local) => local.ToString(EditRoundModel.TimeFormat, CultureInfo.InvariantCulture);
}

/// <summary>The event form's fields as typed; the names are those of <see cref="EventDraft"/>, so its problems land on their fields.</summary>
public sealed class EventInput
{
    public string? Kind { get; set; }

    public string? TitleFi { get; set; }

    public string? TitleSv { get; set; }

    public string? DescriptionFi { get; set; }

    public string? DescriptionSv { get; set; }

    public List<string> ChapterIds { get; set; } = [];

    public string? RoundId { get; set; }

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    public string? RegistrationOpensAt { get; set; }

    public string? RegistrationClosesAt { get; set; }

    public string? Capacity { get; set; }

    public string? MeetingLink { get; set; }

    /// <summary>
    /// Reads the fields into a draft and returns the problems of those the form could not read
    /// (the kind, the four times, the number of seats); those stand in as defaults in the draft.
    /// </summary>
    public IReadOnlyList<FieldProblem> Read(out EventDraft draft)
    {
        var problems = new List<FieldProblem>();
        EventKind? kind = Enum.TryParse<EventKind>(Kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (kind is null)
        {
            problems.Add(new(nameof(Kind), "Error_EventKindRequired"));
        }

        DateTime? Time(string field, string? value)
        {
            if (!DateTime.TryParseExact(value, EditRoundModel.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                problems.Add(new(field, "Error_BadTime"));
                return null;
            }

            // The hour skipped when summer time begins has no UTC instant; converting it would throw.
            if (FinnishTime.Zone.IsInvalidTime(local))
            {
                problems.Add(new(field, "Error_TimeInDstGap"));
                return null;
            }

            return FinnishTime.ToUtc(local);
        }

        var starts = Time(nameof(StartsAt), StartsAt);
        var ends = Time(nameof(EndsAt), EndsAt);
        var opens = Time(nameof(RegistrationOpensAt), RegistrationOpensAt);
        var closes = Time(nameof(RegistrationClosesAt), RegistrationClosesAt);
        int? capacity = null;
        if (!PlainText.IsBlank(Capacity))
        {
            if (int.TryParse(PlainText.Trim(Capacity), NumberStyles.None, CultureInfo.InvariantCulture, out var seats))
            {
                capacity = seats;
            }
            else
            {
                problems.Add(new(nameof(Capacity), "Error_CapacityRange", EventDraft.MaxCapacity));
            }
        }

        int? round = int.TryParse(RoundId, NumberStyles.None, CultureInfo.InvariantCulture, out var roundId) ? roundId : null;
        draft = new EventDraft(
            kind ?? EventKind.Other, TitleFi ?? string.Empty, TitleSv, DescriptionFi ?? string.Empty, DescriptionSv, [.. ChapterIds], round,
            starts ?? default, ends ?? default, opens ?? default, closes ?? default, capacity, MeetingLink);
        return problems;
    }

    private static readonly string[] Times = [nameof(StartsAt), nameof(EndsAt), nameof(RegistrationOpensAt), nameof(RegistrationClosesAt)];

    /// <summary>
    /// The draft's problems that still say something once some fields could not be read: none on
    /// those fields, none about the order of times while a time is missing, none about seats while
    /// the kind (which decides whether seats are required) is missing.
    /// </summary>
    public static IEnumerable<FieldProblem> Relevant(IEnumerable<FieldProblem> problems, IReadOnlyList<FieldProblem> unread)
    {
        var fields = unread.Select(p => p.Field).ToHashSet();
        var timesRead = !Times.Any(fields.Contains);
        return problems.Where(p => !fields.Contains(p.Field)
            && (timesRead || p.Field is not (nameof(EndsAt) or nameof(RegistrationClosesAt)))
            && (!fields.Contains(nameof(Kind)) || p.Field != nameof(Capacity)));
    }

    public static EventInput From(EventDraft draft) => new()
    {
        Kind = draft.Kind.ToString(),
        TitleFi = draft.TitleFi,
        TitleSv = draft.TitleSv,
        DescriptionFi = draft.DescriptionFi,
        DescriptionSv = draft.DescriptionSv,
        ChapterIds = [.. draft.ChapterIds],
        RoundId = draft.RoundId?.ToString(CultureInfo.InvariantCulture),
        StartsAt = EditModel.Format(FinnishTime.ToLocal(draft.StartsAt)),
        EndsAt = EditModel.Format(FinnishTime.ToLocal(draft.EndsAt)),
        RegistrationOpensAt = EditModel.Format(FinnishTime.ToLocal(draft.RegistrationOpensAt)),
        RegistrationClosesAt = EditModel.Format(FinnishTime.ToLocal(draft.RegistrationClosesAt)),
        Capacity = draft.Capacity?.ToString(CultureInfo.InvariantCulture),
        MeetingLink = draft.MeetingLink,
    };
}
