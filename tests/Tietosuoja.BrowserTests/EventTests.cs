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
        await page.Locator("#selection-title").EvaluateAsync("heading => heading.scrollIntoView()");
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

    [Theory]
    [InlineData("list")]
    [InlineData("event")]
    [InlineData("form")]
    [InlineData("form-errors")]
    [InlineData("private")]
    [InlineData("sv-form")]
    [InlineData("memo")]
    [InlineData("recording")]
    public async Task Event_pages_have_no_wcag_21_aa_violations(string state)
    {
        var eventId = await OpenWorkshopAsync("Työpaja: tietosuojavastaavan tehtävät");
        var page = await browser.NewPageAsync();
        var form = new RegistrationFormPage(page);
        switch (state)
        {
            case "list":
                await page.GotoAsync("/tilaisuudet");
                Assert.Contains("Työpaja: tietosuojavastaavan tehtävät", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
                break;
            case "event":
                await page.GotoAsync($"/tilaisuudet/{eventId}");
                Assert.Equal("Työpaja: tietosuojavastaavan tehtävät", await form.HeadingAsync());
                break;
            case "form":
                await page.GotoAsync($"/tilaisuudet/{eventId}/ilmoittaudu");
                Assert.True(await form.Name.IsVisibleAsync());
                break;
            case "form-errors":
                await page.GotoAsync($"/tilaisuudet/{eventId}/ilmoittaudu");
                await form.Email.FillAsync("ei-osoite");
                await form.SendAsync();
                Assert.True(await form.ErrorSummary.IsVisibleAsync());
                Assert.Equal("ei-osoite", await form.Email.InputValueAsync());
                Assert.Equal("true", await form.Consent.GetAttributeAsync("aria-invalid"));
                break;
            case "private":
                await page.GotoAsync($"/tilaisuudet/{eventId}/ilmoittaudu");
                await FillAsync(form, "Saavutettavuus Testaaja");
                await form.SendAsync();
                await page.GotoAsync(await form.PrivateLinkAsync());
                Assert.Contains("Ilmoittautunut", await page.Locator(".registration-status").InnerTextAsync(), StringComparison.Ordinal);
                break;
            case "sv-form":
                await page.GotoAsync($"/sv/evenemang/{eventId}/anmal-dig");
                Assert.Equal("sv", await form.LanguageAsync());
                break;
            case "memo":
                await PublishMemoAsync(eventId);
                await page.GotoAsync($"/tilaisuudet/{eventId}");
                Assert.Contains("Ryhmä toivoi malliselostetta", await page.Locator(".event-memo").InnerTextAsync(), StringComparison.Ordinal);
                break;
            case "recording":
                await PublishRecordingAsync(eventId);
                await page.GotoAsync($"/tilaisuudet/{eventId}");
                Assert.Equal(1, await page.Locator("video track[kind=captions]").CountAsync());
                break;
        }

        Assert.Empty(await form.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task Someone_registers_with_the_keyboard_alone_and_lands_on_the_private_page_with_focus_on_what_happened()
    {
        var eventId = await OpenWorkshopAsync("Työpaja: sopimukset ja käsittelijät");
        var page = await browser.NewPageAsync();
        var form = new RegistrationFormPage(page);
        await page.GotoAsync($"/tilaisuudet/{eventId}");
        await form.TabToAsync("a.button[href$='/ilmoittaudu']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/tilaisuudet/{eventId}/ilmoittaudu");

        await form.TabToAsync("#Input_Name");
        await page.Keyboard.TypeAsync("Kaarina Näppäimistö");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("kaarina@example.org");
        await form.TabToAsync("#Input_Role");
        await page.Keyboard.PressAsync("ArrowDown");
        await form.TabToAsync("#Input_OrganisationName");
        await page.Keyboard.TypeAsync("Esimerkkilän kaupunki");
        await form.TabToAsync("#Input_OrganisationType");
        await page.Keyboard.PressAsync("ArrowDown");
        await form.TabToAsync("#Input_Contribution");
        await page.Keyboard.TypeAsync("Kokemusta rekisteröidyn oikeuksien toteuttamisesta.");
        await form.TabToAsync("#Input_Consent");
        await page.Keyboard.PressAsync("Space");
        await form.TabToAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/ilmoittautuminen/**");

        Assert.Equal("Kiitos ilmoittautumisesta", await page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim()"));
        Assert.Contains("Ilmoittautunut", await page.Locator(".registration-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Kaarina Näppäimistö", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_captioned_recording_plays_with_its_track_and_the_caption_file_is_served_as_text_vtt()
    {
        var eventId = await OpenWorkshopAsync("Webinaari: tulokset");
        await PublishRecordingAsync(eventId);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/tilaisuudet/{eventId}");

        var track = page.Locator("video track[kind=captions]");
        Assert.Equal(1, await track.CountAsync());
        Assert.Equal("fi", await track.GetAttributeAsync("srclang"));
        Assert.NotNull(await track.GetAttributeAsync("default"));
        var captions = await page.APIRequest.GetAsync(await track.GetAttributeAsync("src") ?? string.Empty);
        Assert.Equal(200, captions.Status);
        Assert.StartsWith("text/vtt", captions.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("WEBVTT", await captions.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("Tervetuloa tulosten webinaariin", await page.Locator(".event-transcript").InnerTextAsync(), StringComparison.Ordinal);

        // The video itself is on another host the test machine cannot reach; whether Chromium then
        // still loads the track is its own choice. When it does, the cues are the ones published.
        var cues = await page.EvaluateAsync<string?>("""
            async () => {
                const track = document.querySelector('video').textTracks[0];
                track.mode = 'showing';
                for (let i = 0; i < 50 && !(track.cues && track.cues.length); i++) {
                    await new Promise(resolve => setTimeout(resolve, 100));
                }
                return track.cues && track.cues.length ? track.cues[0].text : null;
            }
            """);
        if (cues is not null)
        {
            Assert.Equal("Tervetuloa tulosten webinaariin.", cues);
        }
    }

    [Fact]
    public async Task An_editor_previews_the_memo_as_readers_will_see_it_and_publishes_it_on_the_event_page()
    {
        var eventId = await OpenWorkshopAsync("Työpaja: muistion julkaisu");
        var page = await browser.NewPageAsync();
        var editor = new EditorPages(page);
        await editor.SignInAsync("Liisa Lakimies");
        await page.GotoAsync($"/toimitus/tilaisuudet/{eventId}");
        // Exactly: the event's title in the breadcrumb contains the word too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Muistio", Exact = true }).ClickAsync();
        await page.GetByLabel("Muistio suomeksi (Markdown)").FillAsync("## Keskustelun pääkohdat\n\n- Ryhmä toivoi malliselostetta.\n- <script>alert(1)</script> ei kuulu muistioon.\n");
        await editor.ClickAsync("Esikatsele");

        var preview = page.Locator("#memo-preview");
        Assert.Contains("Keskustelun pääkohdat", string.Join("|", await preview.Locator("h2, h3, h4").AllInnerTextsAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await preview.Locator("script").CountAsync());
        Assert.Empty(await editor.AccessibilityViolationsAsync());
        await editor.ScreenshotAsync("14-muistio");

        await editor.ClickAsync("Julkaise muistio");
        Assert.Contains("Muistio on julkaistu", await editor.Notice.InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync($"/tilaisuudet/{eventId}");
        Assert.Contains("Ryhmä toivoi malliselostetta.", await page.Locator(".event-memo").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recording_with_broken_captions_is_refused_with_the_line_named_and_the_fields_kept()
    {
        var eventId = await OpenWorkshopAsync("Webinaari: tekstitys puuttuu");
        var page = await browser.NewPageAsync();
        var editor = new EditorPages(page);
        await editor.SignInAsync("Liisa Lakimies");
        await page.GotoAsync($"/toimitus/tilaisuudet/{eventId}/tallenne");
        await page.GetByLabel("Tallenteen osoite").FillAsync("https://media.example.org/webinaari.mp4");
        await page.GetByLabel("Tekstitys (WebVTT)").FillAsync("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nVäärin päin.\n");
        await page.GetByLabel("Tekstivastine suomeksi (Markdown)").FillAsync("Tekstivastine.");
        await editor.ClickAsync("Julkaise tallenne");

        Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
        Assert.Equal("true", await page.GetByLabel("Tekstitys (WebVTT)").GetAttributeAsync("aria-invalid"));
        Assert.Equal("https://media.example.org/webinaari.mp4", await page.GetByLabel("Tallenteen osoite").InputValueAsync());
        Assert.Empty(await editor.AccessibilityViolationsAsync());
    }

    private static async Task FillAsync(RegistrationFormPage form, string name)
    {
        await form.Name.FillAsync(name);
        await form.Email.FillAsync("testaaja@example.org");
        await form.Role.SelectOptionAsync(new SelectOptionValue { Label = "Tietosuojavastaava" });
        await form.OrganisationName.FillAsync("Esimerkkilän kaupunki");
        await form.OrganisationType.SelectOptionAsync(new SelectOptionValue { Label = "Kunta" });
        await form.Consent.CheckAsync();
    }

    /// <summary>A workshop open for registration now, in Finnish and Swedish.</summary>
    private async Task<int> OpenWorkshopAsync(string title)
    {
        using var scope = browser.CreateScope();
        var now = DateTime.UtcNow;
        var saved = await scope.ServiceProvider.GetRequiredService<EventAdmin>().CreateAsync(
            new EventDraft(
                EventKind.Workshop, title, title.Replace("Työpaja", "Workshop", StringComparison.Ordinal), "Etätyöpaja Teamsissa.", "En distansworkshop i Teams.",
                ["oikeusperusteet"], null, now.AddDays(14), now.AddDays(14).AddHours(3), now.AddDays(-1), now.AddDays(10), 30, MeetingLink),
            EditorIdentity.System,
            CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(", ", saved.Problems.Select(p => p.MessageKey)));
        return saved.EventId;
    }

    private async Task PublishMemoAsync(int eventId)
    {
        using var scope = browser.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<EventAdmin>().PublishMemoAsync(
            eventId, new MemoDraft("## Keskustelun pääkohdat\n\n- Ryhmä toivoi malliselostetta.\n", "## Huvudpunkter\n\n- Gruppen önskade en modellbeskrivning.\n"), EditorIdentity.System, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(", ", saved.Problems.Select(p => p.MessageKey)));
    }

    private async Task PublishRecordingAsync(int eventId)
    {
        using var scope = browser.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<EventAdmin>().PublishRecordingAsync(
            eventId,
            new RecordingDraft(
                "https://media.example.org/webinaari.mp4",
                "WEBVTT\n\n00:00:00.500 --> 00:00:03.000\nTervetuloa tulosten webinaariin.\n\n00:00:03.500 --> 00:00:06.000\nKäymme läpi kommentit.\n",
                "Tervetuloa tulosten webinaariin. Käymme läpi kommentit.",
                null),
            EditorIdentity.System,
            CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(", ", saved.Problems.Select(p => p.MessageKey)));
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
