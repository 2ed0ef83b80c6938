using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;

namespace Tietosuoja.IntegrationTests.Events;

/// <summary>What an editor does for one registrant (cancel on their behalf, erase on request) and what a larger capacity does for the waiting list.</summary>
public sealed class EventEditorActionsTests
{
    private static readonly EditorIdentity Editor = new("editor-1", "Kaisa Käsittelijä");

    [Fact]
    public async Task An_editor_cancels_on_the_persons_behalf_and_the_first_on_the_waiting_list_gets_the_seat()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await FullWebinarAsync(portal);
        var eeva = (await portal.RegistrationsAsync(eventId))[0];
        var before = (await portal.OutboxAsync()).Count;

        var outcome = await portal.WithAsync<EventRegistrations, CancelOutcome>(r => r.CancelOnBehalfAsync(eventId, eeva.Id, Editor, CancellationToken.None));

        Assert.Equal(CancelOutcome.Cancelled, outcome);
        var rows = await portal.RegistrationsAsync(eventId);
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Selected], rows.Select(r => r.Status));
        Assert.Equal((null, null, null, null), (rows[0].Name, rows[0].Email, rows[0].OrganisationName, rows[0].Contribution));
        var mails = (await portal.OutboxAsync()).Skip(before).ToList();
        Assert.Equal(["eeva@example.org", "fanny@example.org"], mails.Select(m => m.To));
        Assert.Contains(EventsPortal.MeetingLink, mails[1].TextBody, StringComparison.Ordinal);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.EventRegistrationCancelled).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("Kaisa Käsittelijä", entry.ActorName);
        Assert.Contains("on the person's behalf", entry.Details, StringComparison.Ordinal);
        Assert.Equal(CancelOutcome.AlreadyCancelled, await portal.WithAsync<EventRegistrations, CancelOutcome>(r => r.CancelOnBehalfAsync(eventId, eeva.Id, Editor, CancellationToken.None)));
    }

    [Fact]
    public async Task An_erasure_request_erases_what_retention_erases_at_once_from_the_registrants_page_and_frees_the_seat()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await FullWebinarAsync(portal);
        var registered = await portal.RegistrationsAsync(eventId);
        var (eeva, fanny) = (registered[0], registered[1]);
        var eevaId = eeva.Id.ToString(CultureInfo.InvariantCulture);
        var startsAt = (await portal.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId))).StartsAt;
        var before = (await portal.OutboxAsync()).Count;

        var editor = portal.NewClient();
        var signIn = await editor.GetPageAsync("/toimitus/kirjaudu");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(signIn, "form.editor-form", new Dictionary<string, string> { ["Name"] = "Kaisa Käsittelijä", ["Role"] = "Editor" })).StatusCode);
        var page = await editor.GetPageAsync(EditorUrls.EventRegistrants(Language.Fi, eventId));
        const string eraseForm = "form[action='?handler=Erase']";
        string[] ErasableIds(FetchedPage shown) => [.. shown.Document.QuerySelectorAll($"{eraseForm} input[name=registrationId]").Select(i => i.GetAttribute("value")!)];
        Assert.Equal([eevaId, fanny.Id.ToString(CultureInfo.InvariantCulture)], ErasableIds(page));

        // The first press only asks; nothing is erased yet.
        var asking = await HtmlClient.ParseAsync(await editor.PostFormAsync(page, eraseForm, new Dictionary<string, string> { ["registrationId"] = eevaId }));
        Assert.Equal(HttpStatusCode.OK, asking.Status);
        Assert.Contains("Eeva Ensin", asking.Document.QuerySelector("#act")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Eeva Ensin", (await portal.RegistrationsAsync(eventId))[0].Name);

        var done = await editor.PostFormAsync(asking, "#act form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var rows = await portal.RegistrationsAsync(eventId);
        var erased = rows[0];
        Assert.Equal((null, null, null, null, null), (erased.Name, erased.Email, erased.OrganisationName, erased.Contribution, erased.ProtectedToken));
        Assert.Equal((startsAt, startsAt, null, null), (erased.RegisteredAt, erased.StatusChangedAt, erased.PromotedAt, erased.CancelledAt));
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal((OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer, RegistrationStatus.Cancelled), (erased.OrganisationType, erased.Role, erased.Status));
        Assert.Equal(RegistrationStatus.Selected, rows[1].Status);
        // No mail to the erased address; the one promoted is told.
        Assert.Equal(["fanny@example.org"], (await portal.OutboxAsync()).Skip(before).Select(m => m.To));
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.EventRegistrationErased).ToListAsync());
        Assert.Equal("Kaisa Käsittelijä", Assert.Single(audit).ActorName);
        var after = await editor.GetPageAsync(EditorUrls.EventRegistrants(Language.Fi, eventId));
        Assert.DoesNotContain("Eeva Ensin", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(eevaId, ErasableIds(after));
        Assert.Equal(EraseOutcome.AlreadyErased, await portal.WithAsync<EventRegistrations, EraseOutcome>(r => r.EraseNowAsync(eventId, eeva.Id, Editor, CancellationToken.None)));
    }

    [Fact]
    public async Task Raising_a_webinars_capacity_gives_the_new_seats_to_the_waiting_list_in_the_same_save()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await FullWebinarAsync(portal);
        await portal.RegisteredAsync(eventId, EventsPortal.Fields("Gun Tredje", "gun@example.org"));
        var before = (await portal.OutboxAsync()).Count;
        var stored = (await portal.WithAsync<EventAdmin, PortalEvent?>(admin => admin.FindAsync(eventId, CancellationToken.None)))!;

        var saved = await portal.WithAsync<EventAdmin, EventSaved>(admin => admin.UpdateAsync(eventId, EventDraft.From(stored) with { Capacity = 2 }, Editor, CancellationToken.None));

        Assert.Empty(saved.Problems);
        var rows = await portal.RegistrationsAsync(eventId);
        Assert.Equal([RegistrationStatus.Selected, RegistrationStatus.Selected, RegistrationStatus.WaitingList], rows.Select(r => r.Status));
        var mail = Assert.Single((await portal.OutboxAsync()).Skip(before));
        Assert.Equal(("fanny@example.org", Language.Sv), (mail.To, mail.Language));
        Assert.Contains(EventsPortal.MeetingLink, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync()),
            e => e.Action == AuditAction.EventRegistrationPromoted && e.Details.Contains(string.Create(CultureInfo.InvariantCulture, $"registration {rows[1].Id}"), StringComparison.Ordinal));
    }

    /// <summary>A webinar with one seat: Eeva (Finnish) has it, Fanny (Swedish) is first on the waiting list.</summary>
    private static async Task<int> FullWebinarAsync(EventsPortal portal)
    {
        var eventId = await portal.CreateEventAsync(EventKind.Webinar, capacity: 1);
        await portal.RegisteredAsync(eventId, EventsPortal.Fields("Eeva Ensin", "eeva@example.org"));
        await portal.RegisteredAsync(eventId, EventsPortal.Fields("Fanny Sedan", "fanny@example.org"), Language.Sv);
        return eventId;
    }
}
