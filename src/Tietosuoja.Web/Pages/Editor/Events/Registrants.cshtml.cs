using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor.Events;

/// <summary>What an editor decides for one registrant awaiting a workshop's selection.</summary>
public enum SelectionChoice
{
    Seat,
    WaitingList,
    NotSelected,
}

/// <summary>
/// An event's registrants with filters and counts by organisation type and role; for a workshop
/// whose registration has closed, the selection: every registrant awaiting it with the balanced
/// suggestion pre-chosen, changeable, then a summary of who gets which mail before the one
/// confirmation; afterwards the waiting list in its order.
/// </summary>
public sealed class RegistrantsModel(
    ContentStore store, IStringLocalizer<SharedResource> text, EventSelection selection, EventRegistrations registrations, TimeProvider clock) : EventPageModel(store, text)
{
    public const string CancelHandler = "Cancel";

    public const string EraseHandler = "Erase";
    [FromRoute]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public OrganisationType? TypeFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public ParticipantRole? RoleFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public RegistrationStatus? StatusFilter { get; set; }

    /// <summary>The editor's choice per registrant awaiting the selection, by registration id ("choice[12]=Seat").</summary>
    [BindProperty(Name = "choice")]
    public Dictionary<long, SelectionChoice> Choices { get; set; } = [];

    public SelectionView View { get; private set; } = null!;

    /// <summary>The registrants the filters let through, in registration order.</summary>
    public IReadOnlyList<Registrant> Listed { get; private set; } = [];

    /// <summary>Registrants awaiting the selection, in the suggestion's order (the balanced order, seats first).</summary>
    public IReadOnlyList<Registrant> Pending { get; private set; } = [];

    /// <summary>The waiting list after the selection, first in line first.</summary>
    public IReadOnlyList<Registrant> Waiting { get; private set; } = [];

    /// <summary>True after "Review": the summary of the mails is shown with the final button.</summary>
    public bool Confirming { get; private set; }

    /// <summary>
    /// After the first press of "cancel" or "erase" on a row: that registrant and the handler, so the
    /// page asks once more before doing what cannot be undone.
    /// </summary>
    public (Registrant Registrant, string Handler)? Acting { get; private set; }

    public override string Title => T["EventRegistrantsTitle", View.Event.TitleFi];

    /// <summary>An editor may cancel on the person's behalf what the person could cancel with their own link.</summary>
    public bool CanCancel(Registrant registrant) =>
        registrant.Name is not null && clock.GetUtcNow().UtcDateTime < View.Event.StartsAt
        && registrant.Status is RegistrationStatus.Registered or RegistrationStatus.Selected or RegistrationStatus.WaitingList;

    public static bool CanErase(Registrant registrant) => registrant.Name is not null;

    public override string AlternateLanguageUrl => EditorUrls.EventRegistrants(Language.Other(), Id);

    public override bool CanShowFormAgain => View is not null;

    public bool Filtered => TypeFilter is not null || RoleFilter is not null || StatusFilter is not null;

    public SelectionChoice ChoiceFor(long id) => Choices.GetValueOrDefault(id, SelectionChoice.NotSelected);

    public IReadOnlyList<Registrant> Chosen(SelectionChoice choice) => [.. Pending.Where(r => ChoiceFor(r.Id) == choice)];

    /// <summary>How the chosen seats fall by organisation type or by role: what the editor balances.</summary>
    public IReadOnlyDictionary<TKey, int> SeatsBy<TKey>(Func<Registrant, TKey> key)
        where TKey : notnull => Chosen(SelectionChoice.Seat).GroupBy(key).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The selection's problems point at the selection table (its caption has this id).</summary>
    protected override string ElementId(string field) => field == "Selected" ? "selection-title" : base.ElementId(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Choices = Pending.ToDictionary(r => r.Id, r => View.Suggestion.Selected.Contains(r.Id) ? SelectionChoice.Seat : SelectionChoice.WaitingList);
        return Page();
    }

    /// <summary>Shows who gets which mail; nothing is stored yet.</summary>
    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Confirming = CheckChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!CheckChoices())
        {
            return Page();
        }

        var seats = Chosen(SelectionChoice.Seat).Select(r => r.Id).ToList();
        var waiting = Chosen(SelectionChoice.WaitingList).Select(r => r.Id).ToList();
        var problems = await selection.ConfirmAsync(Id, seats, waiting, Editor, cancellationToken);
        if (problems.Count > 0)
        {
            AddProblems(problems);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectWithNotice(EditorUrls.EventRegistrants(Language, Id), "EventSelectionConfirmedNotice", seats.Count, waiting.Count, Pending.Count - seats.Count - waiting.Count);
    }

    /// <summary>Cancels a registration on the person's behalf (they asked by mail or phone), after one confirmation.</summary>
    public Task<IActionResult> OnPostCancelAsync(long registrationId, bool confirm, CancellationToken cancellationToken) =>
        ActAsync(registrationId, confirm, CancelHandler, cancellationToken);

    /// <summary>Erases a registrant's personal data now (their erasure request), after one confirmation.</summary>
    public Task<IActionResult> OnPostEraseAsync(long registrationId, bool confirm, CancellationToken cancellationToken) =>
        ActAsync(registrationId, confirm, EraseHandler, cancellationToken);

    private async Task<IActionResult> ActAsync(long registrationId, bool confirm, string handler, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || View.Registrants.FirstOrDefault(r => r.Id == registrationId) is not { } registrant)
        {
            return NotFound();
        }

        if (!confirm)
        {
            Acting = (registrant, handler);
            return Page();
        }

        var back = EditorUrls.EventRegistrants(Language, Id);
        string? problem;
        if (handler == CancelHandler)
        {
            var cancelled = await registrations.CancelOnBehalfAsync(Id, registrationId, Editor, cancellationToken);
            if (cancelled is CancelOutcome.Cancelled or CancelOutcome.AlreadyCancelled)
            {
                return RedirectWithNotice(back, "EventRegistrantCancelledNotice");
            }

            problem = cancelled == CancelOutcome.TooLate ? "Error_RegistrantCancelNotPossible" : null;
        }
        else
        {
            var erased = await registrations.EraseNowAsync(Id, registrationId, Editor, cancellationToken);
            if (erased is EraseOutcome.Erased or EraseOutcome.AlreadyErased)
            {
                return RedirectWithNotice(back, "EventRegistrantErasedNotice");
            }

            problem = erased == EraseOutcome.Changed ? "Error_RegistrantChanged" : null;
        }

        if (problem is null)
        {
            return NotFound();
        }

        AddProblem(null, problem);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The choices must cover the registrants awaiting selection and give at most the capacity's seats.</summary>
    private bool CheckChoices()
    {
        if (!View.CanConfirm)
        {
            AddProblem(null, View.Event.SelectionConfirmedAt is null ? "EventSelectionNotPossible" : "Error_SelectionConfirmedAlready");
            return false;
        }

        var seats = Chosen(SelectionChoice.Seat).Count;
        if (View.Event.Capacity is { } capacity && seats > capacity)
        {
            AddProblem("Selected", "Error_SelectionOverCapacity", capacity, seats);
        }

        return !HasProblems;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await selection.ViewAsync(Id, RegistrantFilter.None, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        var filter = new RegistrantFilter(TypeFilter, RoleFilter, StatusFilter);
        Listed = [.. view.Registrants.Where(filter.Matches)];
        var order = view.Suggestion.Selected.Concat(view.Suggestion.WaitingList).Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        Pending = [.. view.Registrants.Where(r => r.Status == RegistrationStatus.Registered && order.ContainsKey(r.Id)).OrderBy(r => order[r.Id])];
        Waiting = [.. view.Registrants.Where(r => r.Status == RegistrationStatus.WaitingList).OrderBy(r => r.WaitingListRank)];
        return true;
    }
}
