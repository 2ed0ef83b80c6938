using System.Net;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;

namespace Tietosuoja.IntegrationTests.Events;

/// <summary>What anyone sees of events: lists, pages, chapter links, the feed, the captioned recording; never the meeting link.</summary>
public sealed class EventPublicPagesTests
{
    private const string Captions = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nTervetuloa webinaariin.\n\n00:00:04.500 --> 00:00:08.000\nAloitetaan oikeusperusteista.\n";

    [Fact]
    public async Task The_meeting_link_never_appears_on_public_pages_or_in_the_feed_in_either_language()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await portal.CreateEventAsync(EventKind.Workshop, capacity: 30, closesIn: TimeSpan.FromDays(14));
        var pastId = await portal.CreateEventAsync(EventKind.Webinar, capacity: null, closesIn: TimeSpan.FromMinutes(30), chapters: "rekisterinpitaja");
        portal.Advance(TimeSpan.FromDays(9));
        await portal.WithAsync<EventAdmin, EventSaved>(admin => admin.PublishMemoAsync(pastId, new MemoDraft("Muistio.", "Minnesanteckningar."), EditorIdentity.System, CancellationToken.None));
        var client = portal.NewClient();

        foreach (var url in new[]
        {
            EventUrls.List(Language.Fi), EventUrls.List(Language.Sv),
            EventUrls.Event(Language.Fi, eventId), EventUrls.Event(Language.Sv, eventId), EventUrls.Event(Language.Fi, pastId),
            EventUrls.Register(Language.Fi, eventId), EventUrls.Register(Language.Sv, eventId),
            "/luku/kasittelyn-oikeusperusteet", "/syote", "/sv/flode",
        })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain("salainen-kokous", body, StringComparison.Ordinal);
        }

        // What the pages do show: both lists, the chapter's link to its event, the event in the feed.
        var list = await client.GetPageAsync(EventUrls.List(Language.Sv));
        Assert.Equal("sv", list.Language);
        Assert.Contains("Distansworkshop om rättslig grund", list.Document.QuerySelector("#events-upcoming")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Minnesanteckningar", list.Document.QuerySelector("#events-past")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var chapter = await client.GetPageAsync("/luku/kasittelyn-oikeusperusteet");
        Assert.Equal(EventUrls.Event(Language.Fi, eventId), chapter.Href(".chapter-events a"));
        var feed = await (await client.GetAsync(new Uri("/syote", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("Tilaisuus: Etätyöpaja oikeusperusteista", feed, StringComparison.Ordinal);
        Assert.Contains("Muistio: Etätyöpaja oikeusperusteista", feed, StringComparison.Ordinal);

        var page = await client.GetPageAsync(EventUrls.Event(Language.Fi, eventId));
        Assert.Equal(EventUrls.Register(Language.Fi, eventId), page.Href("a.button"));
        Assert.Contains("Paikkoja on 30", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recording_plays_with_its_caption_track_served_as_text_vtt_and_the_transcript_on_the_page()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await portal.CreateEventAsync(EventKind.Webinar, capacity: null, closesIn: TimeSpan.FromMinutes(30));
        var client = portal.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(EventUrls.Captions(Language.Fi, eventId), UriKind.Relative))).StatusCode);

        var refused = await portal.WithAsync<EventAdmin, EventSaved>(admin => admin.PublishRecordingAsync(
            eventId, new RecordingDraft("https://video.example.org/webinaari.mp4", "00:01.000 --> 00:02.000\nHei", "Tekstivastine.", null), EditorIdentity.System, CancellationToken.None));
        Assert.Equal("Error_CaptionsSignature", Assert.Single(refused.Problems).MessageKey);
        var published = await portal.WithAsync<EventAdmin, EventSaved>(admin => admin.PublishRecordingAsync(
            eventId, new RecordingDraft("https://video.example.org/webinaari.mp4", Captions, "**Puhuja:** Tervetuloa webinaariin.", "**Talare:** Välkommen."), EditorIdentity.System, CancellationToken.None));
        Assert.Empty(published.Problems);

        foreach (var language in new[] { Language.Fi, Language.Sv })
        {
            var page = await client.GetPageAsync(EventUrls.Event(language, eventId));
            var video = page.Document.QuerySelector("video[controls]")!;
            Assert.Equal("https://video.example.org/webinaari.mp4", video.GetAttribute("src"));
            // Nothing is fetched from the video host until the reader presses play, and the page names that host.
            Assert.Equal("none", video.GetAttribute("preload"));
            Assert.Contains("video.example.org", page.Document.QuerySelector(".event-recording-host")!.TextContent, StringComparison.Ordinal);
            var track = video.QuerySelector("track")!;
            Assert.Equal("captions", track.GetAttribute("kind"));
            Assert.Equal("fi", track.GetAttribute("srclang"));
            Assert.True(track.HasAttribute("default"));
            Assert.Equal(EventUrls.Captions(language, eventId), track.GetAttribute("src"));
            Assert.NotNull(page.Document.QuerySelector(".event-transcript strong"));

            var vtt = await client.GetAsync(new Uri(track.GetAttribute("src")!, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, vtt.StatusCode);
            Assert.Equal("text/vtt; charset=utf-8", vtt.Content.Headers.ContentType!.ToString());
            Assert.Equal(Captions, await vtt.Content.ReadAsStringAsync());
        }

        // The CSP lets the page play a recording from a video service and load its track from the portal.
        var headers = await client.GetAsync(new Uri(EventUrls.Event(Language.Fi, eventId), UriKind.Relative));
        var csp = headers.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("media-src 'self' https:", csp, StringComparison.Ordinal);
    }
}
