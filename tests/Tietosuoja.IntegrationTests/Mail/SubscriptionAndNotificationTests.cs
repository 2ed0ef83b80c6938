using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.IntegrationTests.Mail;

/// <summary>Subscriptions (double opt-in, one-click unsubscribe, erasure) and the commenter's notifications, read from the pickup folder.</summary>
public sealed class SubscriptionAndNotificationTests
{
    private static Dictionary<string, string> SubscribeFields(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.PublishedVersions"] = "true",
        ["Input.OpenedRounds"] = "true",
        ["Input.FeedbackReports"] = "true",
    };

    [Fact]
    public async Task A_subscriber_hears_nothing_before_confirming_then_gets_the_news_and_unsubscribes_with_one_post()
    {
        await using var portal = await CommentingPortal.StartAsync();
        var client = portal.NewClient();
        var form = await client.GetPageAsync("/tilaa");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("fi", form.Document.DocumentElement.GetAttribute("lang"));

        var sent = await client.PostFormAsync(form, "form.subscribe-form", SubscribeFields("tilaaja@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/tilaa/lahetetty", sent.Headers.Location!.OriginalString);
        Assert.Contains("Tarkista sähköpostisi", (await client.GetPageAsync("/tilaa/lahetetty")).Text, StringComparison.Ordinal);

        await MailTesting.EventuallyAsync(() => MailTesting.PickedUp(portal.Factory).Count == 1, "the confirmation mail");
        var confirmation = Assert.Single(MailTesting.PickedUp(portal.Factory));
        Assert.Equal("Vahvista tilauksesi", confirmation.Subject);

        // Before the click, a published feedback report mails nobody.
        var closed = await portal.CreateRoundAsync(CommentingPortal.Start.AddDays(-30), CommentingPortal.Start.AddDays(-10), ("oikeusperusteet", "1.2"));
        await PublishFeedbackAsync(portal, closed);
        await Task.Delay(300);
        Assert.Single(MailTesting.PickedUp(portal.Factory));

        // Opening the link only asks; the button confirms.
        var confirmPath = MailTesting.PathOf(MailTesting.LinkIn(confirmation, "/tilaa/vahvista/"));
        var confirmPage = await client.GetPageAsync(confirmPath);
        Assert.Contains("Vahvista tilaus", confirmPage.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await portal.WithDbAsync(db => db.Subscriptions.Select(s => s.ConfirmedAt).SingleAsync()));
        var confirmed = await HtmlClient.ParseAsync(await client.PostFormAsync(confirmPage, "main form", new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Equal("Tilaus on vahvistettu", confirmed.Document.QuerySelector("h1")!.TextContent.Trim());

        // The same link again: used.
        var again = await client.GetPageAsync(confirmPath);
        Assert.Equal("Tilaus on jo vahvistettu", again.Document.QuerySelector("h1")!.TextContent.Trim());

        var other = await portal.CreateRoundAsync(CommentingPortal.Start.AddDays(-30), CommentingPortal.Start.AddDays(-10), ("rekisterinpitaja", "1.1"));
        await PublishFeedbackAsync(portal, other);
        await MailTesting.EventuallyAsync(() => MailTesting.PickedUp(portal.Factory).Count == 2, "the feedback-report mail");
        var news = MailTesting.PickedUp(portal.Factory).Single(m => m.Subject!.StartsWith("Palauteraportti julkaistu", StringComparison.Ordinal));
        Assert.Contains($"http://localhost/kommentointikierrokset/{other}", news.TextBody, StringComparison.Ordinal);
        var unsubscribe = news.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Equal("List-Unsubscribe=One-Click", news.Headers["List-Unsubscribe-Post"]);

        // What a mail program sends for one click: a POST with that body, no cookie, no antiforgery token.
        using var mailProgram = portal.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var oneClick = await mailProgram.PostAsync(new Uri(MailTesting.PathOf(unsubscribe), UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Subscriptions.CountAsync()));
        var twice = await HtmlClient.ParseAsync(await mailProgram.PostAsync(new Uri(MailTesting.PathOf(unsubscribe), UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])));
        Assert.Equal("Viestit on jo lopetettu", twice.Document.QuerySelector("h1")!.TextContent.Trim());

        // The erased subscription's confirmation link is now simply unknown.
        var gone = await client.GetPageAsync(confirmPath);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("Linkki ei kelpaa", gone.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_unconfirmed_subscription_expires_and_is_erased_after_the_confirmation_period()
    {
        // Without the retention worker: its first pass, late on a loaded CI machine, once erased the
        // expired subscription between the clock's advance and the page below (404, not 410). This
        // test runs the erasure itself (the worker only calls it on a timer).
        await using var portal = await CommentingPortal.StartAsync(factory => factory
            .WithSetting("Subscriptions:ConfirmationPeriod", "2.00:00:00")
            .WithServices(services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PersonalDataRetentionWorker)))));
        var client = portal.NewClient();
        await client.PostFormAsync(await client.GetPageAsync("/sv/prenumerera"), "form.subscribe-form", SubscribeFields("sven@example.org"));
        await MailTesting.EventuallyAsync(() => MailTesting.PickedUp(portal.Factory).Count == 1, "the confirmation mail");
        var confirmation = Assert.Single(MailTesting.PickedUp(portal.Factory));
        Assert.Equal("Bekräfta din prenumeration", confirmation.Subject);
        var confirmPath = MailTesting.PathOf(MailTesting.LinkIn(confirmation, "/sv/prenumerera/bekrafta/"));

        portal.Advance(TimeSpan.FromDays(2));
        var expired = await client.GetPageAsync(confirmPath);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Equal("sv", expired.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Bekräftelselänken har gått ut", expired.Document.QuerySelector("h1")!.TextContent.Trim());

        using (var scope = portal.Factory.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SubscriptionService>().EraseUnconfirmedAsync(CancellationToken.None));
        }

        Assert.Equal(0, await portal.WithDbAsync(db => db.Subscriptions.CountAsync()));
    }

    [Theory]
    [InlineData("/tilaa/vahvista/vaara", "Linkki ei kelpaa", "fi")]
    [InlineData("/tilaa/peru/vaara", "Linkki ei kelpaa", "fi")]
    [InlineData("/sv/prenumerera/avsluta/fel", "Länken fungerar inte", "sv")]
    [InlineData("/sv/prenumerera/bekrafta/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Länken fungerar inte", "sv")]
    public async Task A_wrong_link_gets_a_clear_page_in_its_language(string path, string title, string language)
    {
        await using var portal = await CommentingPortal.StartAsync();
        var client = portal.NewClient();

        var page = await client.GetPageAsync(path);
        var posted = await HtmlClient.ParseAsync(await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(title, page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
        Assert.True(page.Response.Headers.CacheControl!.NoStore);
        Assert.NotEqual(HttpStatusCode.InternalServerError, posted.Status);
    }

    [Fact]
    public async Task A_bad_address_or_no_topic_is_refused_in_the_users_language_and_nothing_is_stored()
    {
        await using var portal = await CommentingPortal.StartAsync();
        var client = portal.NewClient();
        var fields = SubscribeFields("ei osoite");
        fields["Input.PublishedVersions"] = fields["Input.OpenedRounds"] = fields["Input.FeedbackReports"] = "false";

        var page = await HtmlClient.ParseAsync(await client.PostFormAsync(await client.GetPageAsync("/tilaa"), "form.subscribe-form", fields));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Virhe:", page.Document.Title, StringComparison.Ordinal);
        Assert.Contains("Anna sähköpostiosoite muodossa", page.Text, StringComparison.Ordinal);
        Assert.Contains("Valitse ainakin yksi asia", page.Text, StringComparison.Ordinal);
        Assert.Equal("ei osoite", page.Document.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Subscriptions.CountAsync()));
    }

    [Fact]
    public async Task A_confirmed_subscriber_to_one_chapter_hears_when_a_round_on_it_opens_and_not_of_other_chapters()
    {
        await using var portal = await CommentingPortal.StartAsync();
        using (var scope = portal.Factory.Services.CreateScope())
        {
            // The fixture's round, open already, is announced (to nobody) before anyone subscribes.
            await scope.ServiceProvider.GetRequiredService<RoundOpeningAnnouncer>().AnnounceOpenedAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Subscriptions.AddRange(
                new Subscription { Email = "luku@example.org", Language = Web.Infrastructure.Language.Fi, Topics = SubscriptionTopics.OpenedRounds, ChapterIds = "oikeusperusteet", TokenHash = new byte[32], CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow },
                new Subscription { Email = "muu@example.org", Language = Web.Infrastructure.Language.Sv, Topics = SubscriptionTopics.OpenedRounds, ChapterIds = "rekisterinpitaja", TokenHash = [.. Enumerable.Repeat((byte)1, 32)], CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await portal.CreateRoundAsync(CommentingPortal.Start.AddHours(1), CommentingPortal.Start.AddDays(10), ("oikeusperusteet", "1.2"));
        portal.Advance(TimeSpan.FromHours(2));
        // Every instance's worker tries at once; the one conditional update lets one of them announce.
        using (var first = portal.Factory.Services.CreateScope())
        using (var second = portal.Factory.Services.CreateScope())
        {
            var announced = await Task.WhenAll(
                first.ServiceProvider.GetRequiredService<RoundOpeningAnnouncer>().AnnounceOpenedAsync(CancellationToken.None),
                second.ServiceProvider.GetRequiredService<RoundOpeningAnnouncer>().AnnounceOpenedAsync(CancellationToken.None));
            Assert.True(announced.Sum() <= 1);
        }

        await MailTesting.EventuallyAsync(() => MailTesting.PickedUp(portal.Factory).Count >= 1, "the round-opened mail");
        await Task.Delay(300);
        var mail = Assert.Single(MailTesting.PickedUp(portal.Factory));
        Assert.Equal("luku@example.org", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("Kommentointikierros alkoi: Testikierros", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commenter_who_ticked_notify_is_mailed_the_answer_escaped_with_the_private_link_and_one_who_did_not_is_not()
    {
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSetting("Comments:SubmissionsPerWindow", "100"));
        var client = portal.NewClient();
        var token = CommentingPortal.TokenFrom(await portal.SubmitAsync(client, MailTesting.WithEmail("Haluan tiedon.", "seuraa@example.org", notify: true)));
        CommentingPortal.TokenFrom(await portal.SubmitAsync(client, MailTesting.WithEmail("En halua tietoa.", "hiljaa@example.org")));
        await MailTesting.EventuallyAsync(() => MailTesting.PickedUp(portal.Factory).Count == 2, "the two private-link mails");

        var comments = await portal.CommentsAsync();
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var handling = scope.ServiceProvider.GetRequiredService<CommentHandling>();
            foreach (var comment in comments)
            {
                Assert.Empty(await handling.HandleAsync(comment.Id, new HandlingInput { Status = HandlingStatus.Accepted, Answer = "Lisäämme <em>esimerkin</em> & kiitos." }, EditorIdentity.System, CancellationToken.None));
            }
        }

        await MailTesting.EventuallyAsync(() => MailTesting.PickedUp(portal.Factory).Count == 3, "the handling mail");
        await Task.Delay(300);
        var handled = Assert.Single(MailTesting.PickedUp(portal.Factory), m => m.Subject == "Kommenttisi käsittely on edennyt");
        Assert.Equal("seuraa@example.org", handled.To.Mailboxes.Single().Address);
        Assert.Contains("Käsittelytila: Hyväksytty", handled.TextBody, StringComparison.Ordinal);
        Assert.Contains("> Lisäämme <em>esimerkin</em> & kiitos.", handled.TextBody, StringComparison.Ordinal);
        Assert.Contains("Lisäämme &lt;em&gt;esimerkin&lt;/em&gt; &amp; kiitos.", handled.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/kommentti/{token}", handled.TextBody, StringComparison.Ordinal);

        // Its unsubscribe link stops the notifications for that comment, and nothing else happens on a second change.
        using var mailProgram = portal.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var unsubscribe = MailTesting.PathOf(handled.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Equal(HttpStatusCode.OK, (await mailProgram.PostAsync(new Uri(unsubscribe, UriKind.Relative), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        var followed = (await portal.CommentsAsync()).Single(c => c.Email == "seuraa@example.org");
        Assert.False(followed.NotifyOnHandling);
        Assert.Null(followed.ProtectedToken);
    }

    private static async Task PublishFeedbackAsync(CommentingPortal portal, int roundId)
    {
        using var scope = portal.Factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<RoundService>().PublishFeedbackAsync(roundId, EditorIdentity.System, CancellationToken.None));
    }
}
