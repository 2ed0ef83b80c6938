using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.Web.Events;

/// <summary>
/// Erases registrants' personal data (name, e-mail address, organisation name, what they wrote,
/// the protected private-link token) <see cref="EventOptions.PersonalDataRetention"/> after their
/// event ended, and sets every time on the row to the event's start. Organisation type, role,
/// language and status stay, so the counts survive. Each
/// step is a conditional UPDATE that touches only rows not erased yet: with N instances running it
/// at once, every row is erased once and the event is marked (and audited) by one of them.
/// </summary>
public sealed partial class EventRetention(PortalDbContext db, TimeProvider clock, AuditLog audit, IOptions<EventOptions> options, ILogger<EventRetention> logger)
{
    /// <summary>Returns how many registrations had personal data erased.</summary>
    public async Task<int> EraseExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var endedBefore = now - options.Value.PersonalDataRetention;
        var erased = 0;
        var ended = await db.Events.Where(e => e.EndsAt <= endedBefore
                && (e.PersonalDataErasedAt == null || e.Registrations.Any(r => r.ErasedAt == null || r.CancelledAt != null || r.PromotedAt != null)))
            .Select(e => new { e.Id, e.StartsAt }).ToListAsync(cancellationToken);
        foreach (var item in ended)
        {
            // Minute-precise times would single people out among the counts: every time becomes the event's own.
            var startsAt = item.StartsAt;
            erased += await db.EventRegistrations
                .Where(r => r.EventId == item.Id && (r.ErasedAt == null || r.CancelledAt != null || r.PromotedAt != null))
                .ExecuteUpdateAsync(set => EraseFields(set, startsAt, now), cancellationToken);
        }

        var events = await db.Events.Where(e => e.EndsAt <= endedBefore && e.PersonalDataErasedAt == null).Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var eventId in events)
        {
            var marked = await db.Events.Where(e => e.Id == eventId && e.PersonalDataErasedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.PersonalDataErasedAt, now), cancellationToken);
            if (marked == 1)
            {
                audit.Add(EditorIdentity.System, AuditAction.EventPersonalDataErased, EventAdmin.Subject(eventId), "registrants' names, addresses, organisations and texts erased");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (erased > 0)
        {
            LogErased(erased);
        }

        return erased;
    }

    /// <summary>
    /// What erasing a registration clears, here and for an erasure request
    /// (<see cref="EventRegistrations.EraseNowAsync"/>): every personal field, and every time on the row
    /// set to the event's start or cleared.
    /// </summary>
    internal static void EraseFields(UpdateSettersBuilder<EventRegistration> set, DateTime eventStartsAt, DateTime now) => set
        .SetProperty(r => r.Name, (string?)null)
        .SetProperty(r => r.Email, (string?)null)
        .SetProperty(r => r.OrganisationName, (string?)null)
        .SetProperty(r => r.Contribution, (string?)null)
        .SetProperty(r => r.ProtectedToken, (string?)null)
        .SetProperty(r => r.RegisteredAt, eventStartsAt)
        .SetProperty(r => r.StatusChangedAt, eventStartsAt)
        .SetProperty(r => r.PromotedAt, (DateTime?)null)
        .SetProperty(r => r.CancelledAt, (DateTime?)null)
        .SetProperty(r => r.MailsStoppedAt, (DateTime?)null)
        .SetProperty(r => r.ErasedAt, now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the personal data of {RegistrationCount} event registrations past their retention period")]
    private partial void LogErased(int registrationCount);
}
