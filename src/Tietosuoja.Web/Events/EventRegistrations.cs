using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Infrastructure.Mail;

namespace Tietosuoja.Web.Events;

/// <summary>What a registrant types, and the one place of the registration form's rules.</summary>
public sealed class RegistrationInput
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? OrganisationName { get; set; }

    public string? OrganisationType { get; set; }

    public string? Role { get; set; }

    /// <summary>"What you bring / what you expect": optional, short.</summary>
    public string? Contribution { get; set; }

    public bool Consent { get; set; }

    /// <summary>
    /// Only the exact names of the list (numbers such as "0" would otherwise parse too), and not
    /// "private person": a registrant takes part for an organisation, which they name.
    /// </summary>
    public OrganisationType? ParsedOrganisationType =>
        ParseExact<OrganisationType>(OrganisationType) is { } type && type != Data.OrganisationType.PrivatePerson ? type : null;

    public ParticipantRole? ParsedRole => ParseExact<ParticipantRole>(Role);

    public IReadOnlyList<FieldProblem> Validate()
    {
        List<FieldProblem?> problems =
        [
            PlainText.Check(nameof(Name), Name, PortalDbContext.NameMaxLength, requiredMessage: "Error_RegistrationNameRequired", tooLongMessage: "Error_NameTooLong"),
            PlainText.Check(nameof(Email), Email, PortalDbContext.EmailMaxLength, requiredMessage: "Error_RegistrationEmailRequired", tooLongMessage: "Error_RegistrationEmailInvalid")
                ?? (EmailAddress.IsValid(PlainText.Trim(Email!)) ? null : new(nameof(Email), "Error_RegistrationEmailInvalid")),
            PlainText.Check(nameof(OrganisationName), OrganisationName, PortalDbContext.NameMaxLength, requiredMessage: "Error_RegistrationOrganisationRequired", tooLongMessage: "Error_NameTooLong"),
            ParsedOrganisationType is null ? new(nameof(OrganisationType), "Error_RegistrationOrganisationTypeRequired") : null,
            ParsedRole is null ? new(nameof(Role), "Error_RegistrationRoleRequired") : null,
            PlainText.Check(nameof(Contribution), Contribution, PortalDbContext.ContributionMaxLength, required: false),
            Consent ? null : new(nameof(Consent), "Error_RegistrationConsentRequired"),
        ];
        return [.. problems.OfType<FieldProblem>()];
    }

    private static T? ParseExact<T>(string? value)
        where T : struct, Enum =>
        value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<T>(value) : null;
}

/// <summary>Why a registration could not be stored, beyond problems with its fields.</summary>
public enum RegistrationRefusal
{
    /// <summary>No such event.</summary>
    UnknownEvent,

    /// <summary>The registration period has not begun or is over.</summary>
    RegistrationClosed,

    /// <summary>The form was sent before and its registration stored, but its private link can no longer be read.</summary>
    AlreadySent,
}

/// <summary>The outcome of registering: the private link's token and the status given, field problems, or a refusal.</summary>
public sealed record RegistrationResult(string? Token, RegistrationStatus? Status, IReadOnlyList<FieldProblem> Problems, RegistrationRefusal? Refusal)
{
    public bool Succeeded => Problems.Count == 0 && Refusal is null;

    public static RegistrationResult Stored(string token, RegistrationStatus status) => new(token, status, [], null);

    public static RegistrationResult Invalid(IReadOnlyList<FieldProblem> problems) => new(null, null, problems, null);

    public static RegistrationResult Refused(RegistrationRefusal refusal) => new(null, null, [], refusal);
}

/// <summary>A registration behind a private link, with what its page may show. <see cref="MeetingLink"/> is set only for a person with a seat.</summary>
public sealed record RegistrationView(EventRegistration Registration, PublicEvent Event, string? MeetingLink)
{
    /// <summary>Cancelling is possible until the event starts, unless cancelled or not selected already.</summary>
    public bool CanCancelAt(DateTime utcNow) =>
        utcNow < Event.StartsAt && Registration.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.NotSelected) && Registration.ErasedAt is null;
}

public enum CancelOutcome
{
    Cancelled,
    AlreadyCancelled,

    /// <summary>The event has started or ended, or the person was not selected: nothing to cancel.</summary>
    TooLate,
    Unknown,
}

public enum EraseOutcome
{
    Erased,
    AlreadyErased,

    /// <summary>The registration changed while it was being erased (its person cancelled, say): nothing was done.</summary>
    Changed,
    Unknown,
}

/// <summary>
/// Registration without an account: store with a private link (its token kept only as a hash, as
/// for comments), show it, cancel it. Rules are checked against the database at the moment of
/// writing; the form's stamp is single-use. A webinar (or other event) accepts at once up to its
/// cap and puts the rest on its waiting list; a workshop's registrants wait for the selection. A
/// cancelled seat goes to the first on the waiting list, with a mail and an audit entry.
/// </summary>
public sealed class EventRegistrations(PortalDbContext db, TimeProvider clock, EventCatalog catalog, EventMails mails, AuditLog audit)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The registration already stored with this form stamp (its link and status); null when the stamp has not been used.</summary>
    public async Task<RegistrationResult?> SentWithAsync(string formStamp, CancellationToken cancellationToken)
    {
        var hash = StampHash(formStamp);
        var earlier = await db.EventRegistrations.AsNoTracking().Where(r => r.FormStampHash == hash)
            .Select(r => new { r.ProtectedToken, r.Status }).SingleOrDefaultAsync(cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return mails.Unprotect(earlier.ProtectedToken) is { } token
            ? RegistrationResult.Stored(token, earlier.Status)
            : RegistrationResult.Refused(RegistrationRefusal.AlreadySent);
    }

    /// <summary>
    /// Stores a registration sent with <paramref name="formStamp"/> (a stamp the submission guard has
    /// accepted) in <paramref name="language"/>, with its mail, in one save.
    /// </summary>
    public async Task<RegistrationResult> RegisterAsync(int eventId, RegistrationInput input, Language language, string formStamp, CancellationToken cancellationToken)
    {
        if (await SentWithAsync(formStamp, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var portalEvent = await db.Events.AsNoTracking().Include(e => e.Chapters).SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (portalEvent is null)
        {
            return RegistrationResult.Refused(RegistrationRefusal.UnknownEvent);
        }

        if (Now < portalEvent.RegistrationOpensAt || Now >= portalEvent.RegistrationClosesAt)
        {
            return RegistrationResult.Refused(RegistrationRefusal.RegistrationClosed);
        }

        if (input.Validate() is { Count: > 0 } problems)
        {
            return RegistrationResult.Invalid(problems);
        }

        var token = CommentToken.Create();
        var registration = new EventRegistration
        {
            EventId = eventId,
            TokenHash = CommentToken.HashOf(token)!,
            FormStampHash = StampHash(formStamp),
            ProtectedToken = mails.Protect(token),
            Language = language,
            Name = PlainText.Trim(input.Name),
            Email = PlainText.Trim(input.Email),
            OrganisationName = PlainText.Trim(input.OrganisationName),
            OrganisationType = input.ParsedOrganisationType!.Value,
            Role = input.ParsedRole!.Value,
            Contribution = PlainText.TrimToNull(input.Contribution),
            Consent = true,
            RegisteredAt = Now,
            StatusChangedAt = Now,
            Status = RegistrationStatus.Registered,
        };

        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                // Serializable, so two registrations for the last seat of a webinar do not both get it.
                await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
                if (portalEvent.Kind == EventKind.Workshop)
                {
                    mails.Received(registration, portalEvent, token);
                }
                else if (portalEvent.Capacity is not { } cap
                    || await db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Selected, cancellationToken) < cap)
                {
                    registration.Status = RegistrationStatus.Selected;
                    mails.Accepted(registration, portalEvent, token);
                }
                else
                {
                    registration.Status = RegistrationStatus.WaitingList;
                    registration.WaitingListRank = await db.EventRegistrations.Where(r => r.EventId == eventId && r.WaitingListRank != null)
                        .MaxAsync(r => r.WaitingListRank, cancellationToken) + 1 ?? 1;
                    mails.WaitingList(registration, portalEvent, token);
                }

                db.EventRegistrations.Add(registration);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException)
        {
            // Which constraint failed is provider-specific; whether the stamp's row is there now is not.
            db.ChangeTracker.Clear();
            if (await SentWithAsync(formStamp, cancellationToken) is { } concurrent)
            {
                return concurrent;
            }

            throw;
        }

        return RegistrationResult.Stored(token, registration.Status);
    }

    /// <summary>How many registrants have a seat: a webinar with a cap shows when it is full.</summary>
    public Task<int> SeatsTakenAsync(int eventId, CancellationToken cancellationToken) =>
        db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Selected, cancellationToken);

    /// <summary>The registration behind a private link; null for an unknown or malformed token.</summary>
    public async Task<RegistrationView?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = CommentToken.HashOf(token);
        if (hash is null)
        {
            return null;
        }

        var registration = await db.EventRegistrations.AsNoTracking().Include(r => r.Event).SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        if (registration?.Event is not { } portalEvent)
        {
            return null;
        }

        var shown = catalog.Find(portalEvent.Id) ?? catalog.Describe(portalEvent);
        return new RegistrationView(registration, shown, registration.Status == RegistrationStatus.Selected ? portalEvent.MeetingLink : null);
    }

    /// <summary>Cancels the registration behind a private link; a seat it held goes to the first on the waiting list.</summary>
    public async Task<CancelOutcome> CancelAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = CommentToken.HashOf(token);
        if (hash is null)
        {
            return CancelOutcome.Unknown;
        }

        return await CancelAsync(r => r.TokenHash == hash, EditorIdentity.System, string.Empty, cancellationToken);
    }

    /// <summary>
    /// An editor cancels a registration on the person's behalf (asked by mail or phone): the same
    /// rules, mail and promotion as when the person uses their private link, audited under the editor.
    /// </summary>
    public Task<CancelOutcome> CancelOnBehalfAsync(int eventId, long registrationId, EditorIdentity editor, CancellationToken cancellationToken) =>
        CancelAsync(r => r.Id == registrationId && r.EventId == eventId, editor, " on the person's behalf", cancellationToken);

    private async Task<CancelOutcome> CancelAsync(Expression<Func<EventRegistration, bool>> which, EditorIdentity actor, string how, CancellationToken cancellationToken)
    {
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
            var registration = await db.EventRegistrations.Include(r => r.Event).ThenInclude(e => e!.Chapters).SingleOrDefaultAsync(which, cancellationToken);
            if (registration?.Event is not { } portalEvent)
            {
                return CancelOutcome.Unknown;
            }

            if (registration.Status == RegistrationStatus.Cancelled)
            {
                return CancelOutcome.AlreadyCancelled;
            }

            if (Now >= portalEvent.StartsAt || registration.Status == RegistrationStatus.NotSelected || registration.ErasedAt is not null)
            {
                return CancelOutcome.TooLate;
            }

            var heldSeat = registration.Status == RegistrationStatus.Selected;
            // Conditional, so a double click or two instances cancel once.
            var now = Now;
            var cancelled = await db.EventRegistrations.Where(r => r.Id == registration.Id && r.Status == registration.Status)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(r => r.Status, RegistrationStatus.Cancelled).SetProperty(r => r.StatusChangedAt, now)
                        .SetProperty(r => r.CancelledAt, now).SetProperty(r => r.WaitingListRank, (int?)null)
                        // Nothing personal is needed after a cancellation; its mail below is composed from the row as read.
                        .SetProperty(r => r.Name, (string?)null).SetProperty(r => r.Email, (string?)null)
                        .SetProperty(r => r.OrganisationName, (string?)null).SetProperty(r => r.Contribution, (string?)null)
                        .SetProperty(r => r.ProtectedToken, (string?)null).SetProperty(r => r.ErasedAt, now),
                    cancellationToken);
            if (cancelled != 1)
            {
                return CancelOutcome.AlreadyCancelled;
            }

            mails.Cancelled(registration, portalEvent);
            audit.Add(actor, AuditAction.EventRegistrationCancelled, EventAdmin.Subject(portalEvent.Id),
                $"registration {registration.Id} ({registration.Status} → {RegistrationStatus.Cancelled}){how}");
            if (heldSeat)
            {
                await PromoteAsync(portalEvent, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CancelOutcome.Cancelled;
        });
    }

    /// <summary>
    /// Erases one registrant's personal data now, at their request: the fields retention erases
    /// (<see cref="EventRetention.EraseFields"/>). Before the event, a registration still standing is
    /// cancelled too, without a mail (its address is gone), and a seat it held goes to the waiting
    /// list; afterwards its status stays, so the counts of participants stay true.
    /// </summary>
    public async Task<EraseOutcome> EraseNowAsync(int eventId, long registrationId, EditorIdentity editor, CancellationToken cancellationToken)
    {
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
            var registration = await db.EventRegistrations.AsNoTracking().Include(r => r.Event).ThenInclude(e => e!.Chapters)
                .SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, cancellationToken);
            if (registration?.Event is not { } portalEvent)
            {
                return EraseOutcome.Unknown;
            }

            // A cancellation erased the personal fields already but not the times; retention's own erasure leaves nothing more.
            if (registration.ErasedAt is not null && registration.CancelledAt is null && registration.PromotedAt is null)
            {
                return EraseOutcome.AlreadyErased;
            }

            var now = Now;
            var startsAt = portalEvent.StartsAt;
            var cancels = now < startsAt && registration.Status is RegistrationStatus.Registered or RegistrationStatus.Selected or RegistrationStatus.WaitingList;
            var status = cancels ? RegistrationStatus.Cancelled : registration.Status;
            var rank = cancels ? null : registration.WaitingListRank;
            var erased = await db.EventRegistrations.Where(r => r.Id == registration.Id && r.Status == registration.Status && r.ErasedAt == registration.ErasedAt)
                .ExecuteUpdateAsync(
                    set =>
                    {
                        EventRetention.EraseFields(set, startsAt, now);
                        set.SetProperty(r => r.Status, status).SetProperty(r => r.WaitingListRank, rank);
                    },
                    cancellationToken);
            if (erased != 1)
            {
                return EraseOutcome.Changed;
            }

            audit.Add(editor, AuditAction.EventRegistrationErased, EventAdmin.Subject(portalEvent.Id),
                $"registration {registration.Id}: personal data erased on request{(cancels ? $" ({registration.Status} → {RegistrationStatus.Cancelled})" : string.Empty)}");
            if (cancels && registration.Status == RegistrationStatus.Selected)
            {
                await PromoteAsync(portalEvent, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return EraseOutcome.Erased;
        });
    }

    /// <summary>
    /// Fills free seats from the waiting list, first rank first, in the caller's transaction; each
    /// promotion with its mail and audit entry. Only before the event starts, and for a workshop
    /// only once its selection has been confirmed.
    /// </summary>
    internal async Task PromoteAsync(PortalEvent portalEvent, CancellationToken cancellationToken)
    {
        if (Now >= portalEvent.StartsAt || (portalEvent.Kind == EventKind.Workshop && portalEvent.SelectionConfirmedAt is null))
        {
            return;
        }

        var seated = await db.EventRegistrations.CountAsync(r => r.EventId == portalEvent.Id && r.Status == RegistrationStatus.Selected, cancellationToken);
        var free = portalEvent.Capacity is { } capacity ? capacity - seated : int.MaxValue;
        if (free <= 0)
        {
            return;
        }

        var waiting = await db.EventRegistrations.Where(r => r.EventId == portalEvent.Id && r.Status == RegistrationStatus.WaitingList)
            .OrderBy(r => r.WaitingListRank).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id).Take(free).ToListAsync(cancellationToken);
        foreach (var next in waiting)
        {
            next.Status = RegistrationStatus.Selected;
            next.StatusChangedAt = Now;
            next.PromotedAt = Now;
            next.WaitingListRank = null;
            mails.Promoted(next, portalEvent);
            audit.Add(EditorIdentity.System, AuditAction.EventRegistrationPromoted, EventAdmin.Subject(portalEvent.Id),
                $"registration {next.Id} from the waiting list to a seat");
        }
    }

    private static byte[] StampHash(string formStamp) => SHA256.HashData(Encoding.UTF8.GetBytes(formStamp));
}
