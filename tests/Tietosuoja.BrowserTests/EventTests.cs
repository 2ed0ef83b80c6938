using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tietosuoja.BrowserTests.PageObjects;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;

namespace Tietosuoja.BrowserTests;

/// <summary>
/// Workshops and webinars in the browser: an editor creates an event and selects a workshop's
/// participants, a memo is previewed and published, people register with the keyboard alone, and
/// a recording plays with its caption track; every page passes axe-core's WCAG 2.1 A/AA rules.
/// These tests have their own server (they add events), next to the shared one.
/// </summary>
public sealed class EventTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string MeetingLink = "https://teams.example.org/l/meetup-join/tyopaja-42";

    [Fact]
    public async Task An_editor_creates_a_workshop_and_a_missing_title_comes_back_beside_its_field_with_the_text_kept()
    {
        var page = await browser.NewPageAsync();
        var editor = new EditorPages(page);
        var events = new EventEditorPages(page);
        await editor.SignInAsync("Liisa Lakimies");
        await editor.FollowAsync("Tilaisuudet");
        await editor.FollowAsync("Uusi tilaisuus");

        await page.GetByLabel("Kuvaus suomeksi").FillAsync("Työpaja tietosuojavastaaville ja lakimiehille.");
        await editor.ClickAsync("Tallenna tilaisuus");
        Assert.Contains("Virhe:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await events.ErrorSummary.IsVisibleAsync());
        Assert.Equal("Työpaja tietosuojavastaaville ja lakimiehille.", await page.GetByLabel("Kuvaus suomeksi").InputValueAsync());
        Assert.Equal("true", await page.GetByLabel("Otsikko suomeksi").GetAttributeAsync("aria-invalid"));
        Assert.Empty(await events.AccessibilityViolationsAsync());

        await events.FillEventAsync("Työpaja: käsittelyn oikeusperusteet kunnassa", "Työpaja tietosuojavastaaville ja lakimiehille.", MeetingLink);
        await page.GetByLabel("Luku 1.", new() { Exact = false }).First.CheckAsync();
        await editor.ScreenshotAsync("12-uusi-tilaisuus");
        await editor.ClickAsync("Tallenna tilaisuus");

        Assert.Contains("Tilaisuus luotu.", await editor.Notice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Työpaja: käsittelyn oikeusperusteet kunnassa", await events.HeadingAsync());
        Assert.Contains(MeetingLink, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await events.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task An_editor_takes_the_balanced_suggestion_changes_one_choice_and_confirms_after_a_summary_of_the_mails()
    {
        var eventId = await ClosedWorkshopAsync(
            "Työpaja: rekisteröidyn oikeudet",
            capacity: 3,
            ("Aino Kuntala", OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer),
            ("Bertil Kommunsson", OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer),
            ("Cecilia Ministeri", OrganisationType.Ministry, ParticipantRole.Lawyer),
            ("Daniel Alue", OrganisationType.WellbeingServicesCounty, ParticipantRole.Security),
            ("Eeva Kuntala", OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer));
        var page = await browser.NewPageAsync();
        var editor = new EditorPages(page);
        var events = new EventEditorPages(page);
        await editor.SignInAsync("Kaisa Käsittelijä");
        await page.GotoAsync($"/toimitus/tilaisuudet/{eventId}");
        await editor.FollowAsync("Valitse osallistujat");

        // The suggestion mixes organisation types and roles rather than taking the first three to register.
        Assert.Equal("Seat", await events.ChoiceFor("Aino Kuntala").InputValueAsync());
        Assert.Equal("Seat", await events.ChoiceFor("Cecilia Ministeri").InputValueAsync());
        Assert.Equal("Seat", await events.ChoiceFor("Daniel Alue").InputValueAsync());
        Assert.Equal("WaitingList", await events.ChoiceFor("Bertil Kommunsson").InputValueAsync());
        Assert.Contains("Kunta (3)", await page.GetByLabel("Organisaation tyyppi", new() { Exact = true }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await events.AccessibilityViolationsAsync());
        await editor.ScreenshotAsync("13-valinta");

        await events.ChoiceFor("Eeva Kuntala").SelectOptionAsync("NotSelected");
        await editor.ClickAsync("Tarkista valinta ennen vahvistamista");
        var summary = await events.Confirmation.InnerTextAsync();
        Assert.Contains("Saavat paikan (3)", summary, StringComparison.Ordinal);
        Assert.Contains("Varasijalle (1)", summary, StringComparison.Ordinal);
        Assert.Contains("Ei valita (1)", summary, StringComparison.Ordinal);
        Assert.Contains("kokouslinkki", summary, StringComparison.Ordinal);
        Assert.True(await events.Confirmation.EvaluateAsync<bool>("box => box === document.activeElement"));
        Assert.Empty(await events.AccessibilityViolationsAsync());

        await editor.ClickAsync("Kyllä, vahvista valinta ja lähetä viestit");
        Assert.Contains("3 sai paikan, 1 on varasijalla ja 1 ei tullut valituksi", await editor.Notice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Bertil Kommunsson", await events.WaitingList.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await events.SelectionTable.CountAsync());
        Assert.Empty(await events.AccessibilityViolationsAsync());
    }

    /// <summary>A workshop whose registration closed yesterday, with people registered in this order (alternately in Finnish and Swedish).</summary>
    private async Task<int> ClosedWorkshopAsync(string title, int capacity, params (string Name, OrganisationType Type, ParticipantRole Role)[] registrants)
    {
        using var scope = browser.CreateScope();
        var now = DateTime.UtcNow;
        var saved = await scope.ServiceProvider.GetRequiredService<EventAdmin>().CreateAsync(
            new EventDraft(
                EventKind.Workshop, title, null, "Etätyöpaja Teamsissa.", null, ["oikeusperusteet"], null,
                now.AddDays(7), now.AddDays(7).AddHours(3), now.AddDays(-10), now.AddDays(-1), capacity, MeetingLink),
            EditorIdentity.System,
            CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(", ", saved.Problems.Select(p => p.MessageKey)));
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        for (var i = 0; i < registrants.Length; i++)
        {
            var (name, type, role) = registrants[i];
            db.EventRegistrations.Add(new EventRegistration
            {
                EventId = saved.EventId,
                TokenHash = CommentToken.HashOf(CommentToken.Create())!,
                FormStampHash = RandomNumberGenerator.GetBytes(32),
                Language = i % 2 == 0 ? Language.Fi : Language.Sv,
                Name = name,
                Email = $"osallistuja{i}@example.org",
                OrganisationName = $"Organisaatio {i}",
                OrganisationType = type,
                Role = role,
                Contribution = "Kokemusta tietopyyntöjen käsittelystä.",
                Consent = true,
                RegisteredAt = now.AddDays(-9).AddMinutes(i),
                StatusChangedAt = now.AddDays(-9).AddMinutes(i),
                Status = RegistrationStatus.Registered,
            });
        }

        await db.SaveChangesAsync();
        return saved.EventId;
    }
}
