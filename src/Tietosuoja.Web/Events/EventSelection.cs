using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.Web.Events;

/// <summary>A registrant as the editors' selection view and the balancing see them; personal fields are null once erased.</summary>
public sealed record Registrant(
    long Id, Language Language, string? Name, string? Email, string? OrganisationName, OrganisationType OrganisationType, ParticipantRole Role,
    string? Contribution, DateTime RegisteredAt, RegistrationStatus Status, int? WaitingListRank);

/// <summary>Which registrants the selection view lists; null fields do not filter.</summary>
public sealed record RegistrantFilter(OrganisationType? OrganisationType = null, ParticipantRole? Role = null, RegistrationStatus? Status = null)
{
    public static readonly RegistrantFilter None = new();

    public bool Matches(Registrant registrant) =>
        (OrganisationType is null || registrant.OrganisationType == OrganisationType)
        && (Role is null || registrant.Role == Role)
        && (Status is null || registrant.Status == Status);
}

/// <summary>A proposed selection: who gets the seats, then the waiting list in order.</summary>
public sealed record Suggestion(ImmutableArray<long> Selected, ImmutableArray<long> WaitingList);

/// <summary>
/// The selection view: the registrants that match the filter, counts of all active registrants
/// (everyone not cancelled) by organisation type and by role, and the balanced suggestion.
/// </summary>
public sealed record SelectionView(
    PortalEvent Event,
    IReadOnlyList<Registrant> Registrants,
    int Total,
    IReadOnlyDictionary<OrganisationType, int> ByOrganisationType,
    IReadOnlyDictionary<ParticipantRole, int> ByRole,
    Suggestion Suggestion,
    bool CanConfirm);

/// <summary>
/// The balanced suggestion: seats go one at a time to the registrant whose organisation type and
/// role are least represented among those already chosen (the sum of both counts), the earlier
/// registration first on a tie. A group of DPOs and lawyers from municipalities, with a ministry
/// and the Ombudsman's office, comes out mixed rather than first-come; the rest, in the same order,
/// is the waiting list, so a freed seat also goes where the group is thinnest.
/// </summary>
public static class BalancedSelection
{
    public static Suggestion Suggest(IReadOnlyList<Registrant> candidates, int capacity)
    {
        var remaining = candidates.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id).ToList();
        var types = new Dictionary<OrganisationType, int>();
        var roles = new Dictionary<ParticipantRole, int>();
        var order = new List<long>(remaining.Count);
        while (remaining.Count > 0)
        {
            var best = 0;
            var bestScore = int.MaxValue;
            for (var i = 0; i < remaining.Count; i++)
            {
                var score = types.GetValueOrDefault(remaining[i].OrganisationType) + roles.GetValueOrDefault(remaining[i].Role);
                if (score < bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }

            var chosen = remaining[best];
            remaining.RemoveAt(best);
            types[chosen.OrganisationType] = types.GetValueOrDefault(chosen.OrganisationType) + 1;
            roles[chosen.Role] = roles.GetValueOrDefault(chosen.Role) + 1;
            order.Add(chosen.Id);
        }

        var seats = Math.Clamp(capacity, 0, order.Count);
        return new Suggestion([.. order.Take(seats)], [.. order.Skip(seats)]);
    }
}

/// <summary>
/// A workshop's selection: after its registration has closed, editors see the registrants with
/// filters and counts, take or change the suggestion, and confirm once. Confirming sets every
/// registrant's status, mails each one in their language (the meeting link only to those with a
/// seat) and records the step in the audit trail, in one transaction claimed by a conditional
/// update, so a double click or a second editor confirms nothing twice.
/// </summary>
public sealed class EventSelection(PortalDbContext db, TimeProvider clock, EventCatalog catalog, EventMails mails, AuditLog audit)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The selection view of an event; null if there is no such event.</summary>
    public async Task<SelectionView?> ViewAsync(int eventId, RegistrantFilter filter, CancellationToken cancellationToken)
    {
        var portalEvent = await db.Events.AsNoTracking().Include(e => e.Chapters).SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (portalEvent is null)
        {
            return null;
        }

        var all = await RegistrantsAsync(eventId, cancellationToken);
        var active = all.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
        var suggestion = BalancedSelection.Suggest([.. active.Where(r => r.Status == RegistrationStatus.Registered)], portalEvent.Capacity ?? active.Count);
        return new SelectionView(
            portalEvent,
            [.. all.Where(filter.Matches)],
            active.Count,
            active.GroupBy(r => r.OrganisationType).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            active.GroupBy(r => r.Role).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            suggestion,
            CanConfirm(portalEvent));
    }

    /// <summary>
    /// Confirms the selection: <paramref name="selected"/> get seats (at most the capacity),
    /// <paramref name="waitingList"/> waits in the given order, every other registrant is not
    /// selected. Returns the problems that kept it from being confirmed; empty on success.
    /// </summary>
    public async Task<IReadOnlyList<FieldProblem>> ConfirmAsync(
        int eventId, IReadOnlyCollection<long> selected, IReadOnlyList<long> waitingList, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var portalEvent = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (portalEvent is null)
        {
            return [FieldProblem.ForForm("Error_EventUnknown")];
        }

        if (portalEvent.Kind != EventKind.Workshop)
        {
            return [FieldProblem.ForForm("Error_SelectionNotWorkshop")];
        }

        if (Now < portalEvent.RegistrationClosesAt)
        {
            return [FieldProblem.ForForm("Error_SelectionRegistrationOpen", FinnishTime.Format(portalEvent.RegistrationClosesAt, Languages.Current))];
        }

        if (portalEvent.SelectionConfirmedAt is not null)
        {
            return [FieldProblem.ForForm("Error_SelectionConfirmedAlready")];
        }

        var seats = selected.Distinct().ToHashSet();
        var waiting = waitingList.Distinct().Where(id => !seats.Contains(id)).ToList();
        if (portalEvent.Capacity is { } capacity && seats.Count > capacity)
        {
            return [new FieldProblem("Selected", "Error_SelectionOverCapacity", capacity, seats.Count)];
        }

        IReadOnlyList<FieldProblem> outcome = [];
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = Now;
            var claimed = await db.Events.Where(e => e.Id == eventId && e.SelectionConfirmedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.SelectionConfirmedAt, now).SetProperty(e => e.UpdatedAt, now), cancellationToken);
            if (claimed != 1)
            {
                outcome = [FieldProblem.ForForm("Error_SelectionConfirmedAlready")];
                return;
            }

            var tracked = await db.Events.AsNoTracking().Include(e => e.Chapters).SingleAsync(e => e.Id == eventId, cancellationToken);
            var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Registered).ToListAsync(cancellationToken);
            var known = registrations.Select(r => r.Id).ToHashSet();
            if (!seats.All(known.Contains) || !waiting.All(known.Contains))
            {
                // A registrant cancelled meanwhile, or the form named someone else's registration: nothing is confirmed.
                await transaction.RollbackAsync(cancellationToken);
                outcome = [FieldProblem.ForForm("Error_SelectionChanged")];
                return;
            }

            foreach (var registration in registrations)
            {
                var rank = waiting.IndexOf(registration.Id);
                var status = seats.Contains(registration.Id) ? RegistrationStatus.Selected : rank >= 0 ? RegistrationStatus.WaitingList : RegistrationStatus.NotSelected;
                int? waitingRank = rank >= 0 ? rank + 1 : null;
                // Conditional on the status read above: a registrant who cancels meanwhile (on another instance) stays cancelled.
                var changed = await db.EventRegistrations.Where(r => r.Id == registration.Id && r.Status == RegistrationStatus.Registered)
                    .ExecuteUpdateAsync(
                        set => set.SetProperty(r => r.Status, status).SetProperty(r => r.StatusChangedAt, now).SetProperty(r => r.WaitingListRank, waitingRank),
                        cancellationToken);
                if (changed != 1)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    outcome = [FieldProblem.ForForm("Error_SelectionChanged")];
                    return;
                }

                registration.Status = status;
                registration.WaitingListRank = waitingRank;
                switch (status)
                {
                    case RegistrationStatus.Selected:
                        mails.Accepted(registration, tracked);
                        break;
                    case RegistrationStatus.WaitingList:
                        mails.WaitingList(registration, tracked);
                        break;
                    default:
                        mails.NotSelected(registration, tracked);
                        break;
                }
            }

            audit.Add(actor, AuditAction.EventSelectionConfirmed, EventAdmin.Subject(eventId), string.Create(CultureInfo.InvariantCulture,
                $"{seats.Count} selected ({string.Join(", ", seats.Order())}), {waiting.Count} on the waiting list ({string.Join(", ", waiting)}), {registrations.Count - seats.Count - waiting.Count} not selected"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        if (outcome.Count == 0)
        {
            await catalog.RefreshAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>A workshop whose registration has closed and whose selection is not confirmed yet.</summary>
    public bool CanConfirm(PortalEvent portalEvent) =>
        portalEvent.Kind == EventKind.Workshop && Now >= portalEvent.RegistrationClosesAt && portalEvent.SelectionConfirmedAt is null;

    private async Task<List<Registrant>> RegistrantsAsync(int eventId, CancellationToken cancellationToken) =>
        await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new Registrant(r.Id, r.Language, r.Name, r.Email, r.OrganisationName, r.OrganisationType, r.Role, r.Contribution, r.RegisteredAt, r.Status, r.WaitingListRank))
            .ToListAsync(cancellationToken);
}
