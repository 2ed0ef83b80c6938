using System.Net;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;

namespace Tietosuoja.IntegrationTests.Events;

/// <summary>
/// A workshop from start to end: registration in both languages, selection with capacity and
/// balance, the mails (language, meeting link only to those with a seat), a cancellation filled
/// from the waiting list, the memo, and the erasure of exactly the personal fields.
/// </summary>
public sealed class EventLifecycleTests
{
    [Fact]
    public async Task A_workshop_runs_from_registration_to_selection_cancellation_memo_and_erasure()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await portal.CreateEventAsync(EventKind.Workshop, capacity: 2);

        // Four registrants: three municipal DPOs and a Swedish-speaking lawyer from a ministry.
        var first = await portal.RegisteredAsync(eventId, EventsPortal.Fields("Aino Ensimmäinen", "aino@example.org"));
        var second = await portal.RegisteredAsync(eventId, EventsPortal.Fields("Bertta Toinen", "bertta@example.org"));
        var third = await portal.RegisteredAsync(eventId, EventsPortal.Fields("Cecilia Tredje", "cecilia@example.org", OrganisationType.Ministry, ParticipantRole.Lawyer), Language.Sv);
        var fourth = await portal.RegisteredAsync(eventId, EventsPortal.Fields("Daniel Neljäs", "daniel@example.org"));

        var received = await portal.OutboxAsync();
        Assert.Equal(4, received.Count);
        Assert.All(received, mail => Assert.DoesNotContain(EventsPortal.MeetingLink, mail.TextBody, StringComparison.Ordinal));
        var swedishReceipt = Assert.Single(received, m => m.To == "cecilia@example.org");
        Assert.Equal(Language.Sv, swedishReceipt.Language);
        Assert.StartsWith("Din anmälan har tagits emot", swedishReceipt.Subject, StringComparison.Ordinal);
        Assert.Contains("/sv/anmalan/" + third, swedishReceipt.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Ilmoittautumisesi on vastaanotettu", received[0].Subject, StringComparison.Ordinal);

        // The private page before the selection: registered, no meeting link.
        var privatePage = await portal.NewClient().GetPageAsync(EventUrls.Registration(Language.Fi, first));
        Assert.Equal(HttpStatusCode.OK, privatePage.Status);
        Assert.Contains("Ilmoittautunut", privatePage.Document.QuerySelector(".registration-status")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(EventsPortal.MeetingLink, privatePage.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("no-store", privatePage.Response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        // While the registration is open the selection cannot be confirmed.
        var registrations = await portal.RegistrationsAsync(eventId);
        var ids = registrations.ToDictionary(r => r.Email!, r => r.Id);
        var early = await portal.WithAsync<EventSelection, IReadOnlyList<FieldProblem>>(selection =>
            selection.ConfirmAsync(eventId, [ids["aino@example.org"]], [], EditorIdentity.System, CancellationToken.None));
        Assert.Equal("Error_SelectionRegistrationOpen", Assert.Single(early).MessageKey);

        portal.Advance(TimeSpan.FromDays(8));

        // The suggestion balances: the ministry's lawyer gets one of the two seats though she registered third.
        var view = (await portal.WithAsync<EventSelection, SelectionView?>(selection => selection.ViewAsync(eventId, RegistrantFilter.None, CancellationToken.None)))!;
        Assert.True(view.CanConfirm);
        Assert.Equal(4, view.Total);
        Assert.Equal(3, view.ByOrganisationType[OrganisationType.Municipality]);
        Assert.Equal(1, view.ByRole[ParticipantRole.Lawyer]);
        Assert.Equal([ids["aino@example.org"], ids["cecilia@example.org"]], view.Suggestion.Selected.ToArray());
        Assert.Equal([ids["bertta@example.org"], ids["daniel@example.org"]], view.Suggestion.WaitingList.ToArray());
        var lawyers = (await portal.WithAsync<EventSelection, SelectionView?>(selection =>
            selection.ViewAsync(eventId, new RegistrantFilter(Role: ParticipantRole.Lawyer), CancellationToken.None)))!;
        Assert.Equal("Cecilia Tredje", Assert.Single(lawyers.Registrants).Name);

        // More than the capacity is refused; then the editor confirms: two seats, one on the waiting list, one not selected.
        var tooMany = await portal.WithAsync<EventSelection, IReadOnlyList<FieldProblem>>(selection =>
            selection.ConfirmAsync(eventId, [.. ids.Values.Take(3)], [], EditorIdentity.System, CancellationToken.None));
        Assert.Equal("Error_SelectionOverCapacity", Assert.Single(tooMany).MessageKey);
        var before = (await portal.OutboxAsync()).Count;
        var confirmed = await portal.WithAsync<EventSelection, IReadOnlyList<FieldProblem>>(selection =>
            selection.ConfirmAsync(eventId, [.. view.Suggestion.Selected], [ids["bertta@example.org"]], EditorIdentity.System, CancellationToken.None));
        Assert.Empty(confirmed);
        var again = await portal.WithAsync<EventSelection, IReadOnlyList<FieldProblem>>(selection =>
            selection.ConfirmAsync(eventId, [.. view.Suggestion.Selected], [], EditorIdentity.System, CancellationToken.None));
        Assert.Equal("Error_SelectionConfirmedAlready", Assert.Single(again).MessageKey);

        var statuses = (await portal.RegistrationsAsync(eventId)).ToDictionary(r => r.Id, r => r.Status);
        Assert.Equal(RegistrationStatus.Selected, statuses[ids["aino@example.org"]]);
        Assert.Equal(RegistrationStatus.Selected, statuses[ids["cecilia@example.org"]]);
        Assert.Equal(RegistrationStatus.WaitingList, statuses[ids["bertta@example.org"]]);
        Assert.Equal(RegistrationStatus.NotSelected, statuses[ids["daniel@example.org"]]);

        var decisions = (await portal.OutboxAsync()).Skip(before).ToDictionary(m => m.To);
        Assert.Equal(4, decisions.Count);
        Assert.Contains(EventsPortal.MeetingLink, decisions["aino@example.org"].TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Olet mukana", decisions["aino@example.org"].Subject, StringComparison.Ordinal);
        Assert.Equal(Language.Sv, decisions["cecilia@example.org"].Language);
        Assert.StartsWith("Du är med", decisions["cecilia@example.org"].Subject, StringComparison.Ordinal);
        Assert.Contains(EventsPortal.MeetingLink, decisions["cecilia@example.org"].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(EventsPortal.MeetingLink, decisions["bertta@example.org"].TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Olet varasijalla", decisions["bertta@example.org"].Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(EventsPortal.MeetingLink, decisions["daniel@example.org"].TextBody, StringComparison.Ordinal);
        // Not selected: told about the written round the workshop fed, with its link.
        Assert.Contains("kirjallinen kommentointikierros Testikierros", decisions["daniel@example.org"].TextBody, StringComparison.Ordinal);
        // The round is open now, so the mail says until when comments are taken, not when it starts.
        Assert.Contains("kommentteja voi lähettää 4.12.2026 klo 12.00 asti", decisions["daniel@example.org"].TextBody, StringComparison.Ordinal);
        Assert.Contains($"/kommentointikierrokset/{portal.Portal.RoundId}", decisions["daniel@example.org"].TextBody, StringComparison.Ordinal);

        // The selected person's private page shows the meeting link; the not-selected one's does not.
        var seat = await portal.NewClient().GetPageAsync(EventUrls.Registration(Language.Sv, third));
        Assert.Equal("sv", seat.Language);
        Assert.Equal(EventsPortal.MeetingLink, seat.Href("a.button[rel~=noopener]"));
        var notSelected = await portal.NewClient().GetPageAsync(EventUrls.Registration(Language.Fi, fourth));
        Assert.DoesNotContain(EventsPortal.MeetingLink, notSelected.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(notSelected.Document.QuerySelector("main form"));

        // Aino cancels on her private page: her seat goes to Bertta, with a mail carrying the link, and both steps are audited.
        before = (await portal.OutboxAsync()).Count;
        var client = portal.NewClient();
        var page = await client.GetPageAsync(EventUrls.Registration(Language.Fi, first));
        var unconfirmed = await HtmlClient.ParseAsync(await client.PostFormAsync(page, "main form", new Dictionary<string, string>()));
        Assert.Contains("Vahvista peruminen", unconfirmed.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var cancelled = await client.PostFormAsync(page, "main form", new Dictionary<string, string> { ["ConfirmCancel"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var afterCancel = await client.GetPageAsync(cancelled.Headers.Location!.OriginalString);
        Assert.Contains("Ilmoittautumisesi on peruttu", afterCancel.Text, StringComparison.Ordinal);

        var rows = (await portal.RegistrationsAsync(eventId)).ToDictionary(r => r.Id);
        Assert.Equal(RegistrationStatus.Cancelled, rows[ids["aino@example.org"]].Status);
        Assert.Equal(RegistrationStatus.Selected, rows[ids["bertta@example.org"]].Status);
        // A cancelled registration keeps no personal data: it was needed only for the cancellation mail, written in the same save.
        var gone = rows[ids["aino@example.org"]];
        Assert.Equal((null, null, null, null, null), (gone.Name, gone.Email, gone.OrganisationName, gone.Contribution, gone.ProtectedToken));
        Assert.Equal(OrganisationType.Municipality, gone.OrganisationType);
        var afterCancelMails = (await portal.OutboxAsync()).Skip(before).ToDictionary(m => m.To);
        Assert.StartsWith("Ilmoittautumisesi on peruttu", afterCancelMails["aino@example.org"].Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(EventsPortal.MeetingLink, afterCancelMails["aino@example.org"].TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Paikka vapautui", afterCancelMails["bertta@example.org"].Subject, StringComparison.Ordinal);
        Assert.Contains(EventsPortal.MeetingLink, afterCancelMails["bertta@example.org"].TextBody, StringComparison.Ordinal);
        Assert.Contains("/ilmoittautuminen/" + second, afterCancelMails["bertta@example.org"].TextBody, StringComparison.Ordinal);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == EventAdmin.Subject(eventId)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(
            [AuditAction.EventCreated, AuditAction.EventSelectionConfirmed, AuditAction.EventRegistrationCancelled, AuditAction.EventRegistrationPromoted],
            audit);

        // After the event the memo is published: the two with a seat hear of it, each in their language, once.
        portal.Advance(TimeSpan.FromDays(8));
        before = (await portal.OutboxAsync()).Count;
        var memo = await portal.WithAsync<EventAdmin, EventSaved>(admin => admin.PublishMemoAsync(
            eventId, new MemoDraft("## Tulokset\n\nSovimme <script>alert(1)</script> esimerkeistä.", "## Resultat\n\nVi kom överens om exempel."), EditorIdentity.System, CancellationToken.None));
        Assert.Empty(memo.Problems);
        await portal.WithAsync<EventAdmin, EventSaved>(admin => admin.PublishMemoAsync(eventId, new MemoDraft("## Tulokset\n\nKorjattu.", null), EditorIdentity.System, CancellationToken.None));
        var memoMails = (await portal.OutboxAsync()).Skip(before).ToList();
        Assert.Equal(["bertta@example.org", "cecilia@example.org"], memoMails.Select(m => m.To).Order());
        Assert.Equal(Language.Sv, memoMails.Single(m => m.To == "cecilia@example.org").Language);
        var eventPage = await portal.NewClient().GetPageAsync(EventUrls.Event(Language.Fi, eventId));
        Assert.Contains("Korjattu.", eventPage.Document.QuerySelector(".event-memo")!.TextContent, StringComparison.Ordinal);

        // Three months after the event: names, addresses, organisations, texts and tokens go; counts by type and role stay.
        portal.Advance(TimeSpan.FromDays(91));
        // The background worker may have run it already when the clock moved: either way every row is erased once, and recorded once.
        await portal.WithAsync<EventRetention, int>(retention => retention.EraseExpiredAsync(CancellationToken.None));
        Assert.Equal(0, await portal.WithAsync<EventRetention, int>(retention => retention.EraseExpiredAsync(CancellationToken.None)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.EventPersonalDataErased)));
        var kept = await portal.RegistrationsAsync(eventId);
        var startsAt = (await portal.WithAsync<EventAdmin, PortalEvent?>(admin => admin.FindAsync(eventId, CancellationToken.None)))!.StartsAt;
        Assert.All(kept, r =>
        {
            // Minute-precise times would single people out among the counts: only the event's time is left.
            Assert.Equal((startsAt, startsAt, null, null), (r.RegisteredAt, r.StatusChangedAt, r.PromotedAt, r.CancelledAt));
            Assert.Null(r.Name);
            Assert.Null(r.Email);
            Assert.Null(r.OrganisationName);
            Assert.Null(r.Contribution);
            Assert.Null(r.ProtectedToken);
            Assert.NotNull(r.ErasedAt);
        });
        Assert.Equal(
            [(OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer, RegistrationStatus.Cancelled),
             (OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer, RegistrationStatus.Selected),
             (OrganisationType.Ministry, ParticipantRole.Lawyer, RegistrationStatus.Selected),
             (OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer, RegistrationStatus.NotSelected)],
            kept.Select(r => (r.OrganisationType, r.Role, r.Status)));
        var counted = (await portal.WithAsync<EventSelection, SelectionView?>(selection => selection.ViewAsync(eventId, RegistrantFilter.None, CancellationToken.None)))!;
        Assert.Equal(2, counted.ByOrganisationType[OrganisationType.Municipality]);
        Assert.NotNull((await portal.WithAsync<EventAdmin, PortalEvent?>(admin => admin.FindAsync(eventId, CancellationToken.None)))!.PersonalDataErasedAt);
        var erasedPage = await portal.NewClient().GetPageAsync(EventUrls.Registration(Language.Fi, second));
        Assert.Contains("henkilötietosi poistettiin", erasedPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webinar_accepts_up_to_its_cap_and_then_puts_people_on_the_waiting_list()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await portal.CreateEventAsync(EventKind.Webinar, capacity: 1);

        await portal.RegisteredAsync(eventId, EventsPortal.Fields("Eeva Ensin", "eeva@example.org"));
        var eventPage = await portal.NewClient().GetPageAsync(EventUrls.Event(Language.Fi, eventId));
        Assert.Contains("Paikat ovat täynnä", eventPage.Text, StringComparison.Ordinal);
        var later = await portal.RegisteredAsync(eventId, EventsPortal.Fields("Fanny Sedan", "fanny@example.org"), Language.Sv);

        var statuses = (await portal.RegistrationsAsync(eventId)).Select(r => (r.Email, r.Status, r.WaitingListRank)).ToList();
        Assert.Equal([("eeva@example.org", RegistrationStatus.Selected, (int?)null), ("fanny@example.org", RegistrationStatus.WaitingList, 1)], statuses);
        var mails = (await portal.OutboxAsync()).ToDictionary(m => m.To);
        Assert.Contains(EventsPortal.MeetingLink, mails["eeva@example.org"].TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Du är på reservlistan", mails["fanny@example.org"].Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(EventsPortal.MeetingLink, mails["fanny@example.org"].TextBody, StringComparison.Ordinal);

        var confirmation = await portal.NewClient().GetPageAsync(EventUrls.Registration(Language.Sv, later) + "?sent=true");
        Assert.Contains("reservlistan", confirmation.Document.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_link_added_later_is_mailed_to_everyone_with_a_seat_in_their_language()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await portal.CreateEventAsync(EventKind.Webinar, capacity: 1);
        var stored = (await portal.WithAsync<EventAdmin, PortalEvent?>(admin => admin.FindAsync(eventId, CancellationToken.None)))!;
        var withoutLink = EventDraft.From(stored) with { MeetingLink = null };
        Assert.Empty((await portal.WithAsync<EventAdmin, EventSaved>(admin => admin.UpdateAsync(eventId, withoutLink, EditorIdentity.System, CancellationToken.None))).Problems);
        await portal.RegisteredAsync(eventId, EventsPortal.Fields("Greta Först", "greta@example.org"), Language.Sv);
        await portal.RegisteredAsync(eventId, EventsPortal.Fields("Hanna Varalla", "hanna@example.org"));
        var before = (await portal.OutboxAsync()).Count;

        var withLink = withoutLink with { MeetingLink = EventsPortal.MeetingLink };
        Assert.Empty((await portal.WithAsync<EventAdmin, EventSaved>(admin => admin.UpdateAsync(eventId, withLink, EditorIdentity.System, CancellationToken.None))).Problems);
        // Saving again without a change mails nobody twice.
        Assert.Empty((await portal.WithAsync<EventAdmin, EventSaved>(admin => admin.UpdateAsync(eventId, withLink, EditorIdentity.System, CancellationToken.None))).Problems);

        var mail = Assert.Single((await portal.OutboxAsync()).Skip(before));
        Assert.Equal(("greta@example.org", Language.Sv), (mail.To, mail.Language));
        Assert.Contains(EventsPortal.MeetingLink, mail.TextBody, StringComparison.Ordinal);
        var details = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.EventEdited).OrderBy(e => e.Id).Select(e => e.Details).ToListAsync());
        Assert.Contains("meeting link mailed to 1", details[1], StringComparison.Ordinal);
    }
}
