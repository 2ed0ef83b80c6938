using System.Net;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.IntegrationTests.Comments;

namespace Tietosuoja.IntegrationTests.Mail;

/// <summary>The background workers' first pass waits Startup:BackgroundDelay after the server has started (docs/performance.md, start-up).</summary>
public sealed class BackgroundStartTests
{
    [Fact]
    public async Task A_mail_asked_for_right_after_start_waits_in_the_outbox_until_the_background_delay_has_passed()
    {
        // On the portal's own (fake) clock, so that the test decides when the delay is over.
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSetting("Startup:BackgroundDelay", "00:10:00"));
        var client = portal.NewClient();
        var sent = await client.PostFormAsync(await client.GetPageAsync("/tilaa"), "form.subscribe-form", new Dictionary<string, string>
        {
            ["Input.Email"] = "tilaaja@example.org",
            ["Input.OpenedRounds"] = "true",
        });

        // The subscriber is answered at once; the confirmation is kept, not sent, while the workers wait.
        // Two seconds: without the delay the outbox worker, woken by the saved mail, has written it by then.
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(MailTesting.PickedUp(portal.Factory));
        Assert.Equal(1, await portal.WithDbAsync(db => db.OutboxMails.CountAsync()));

        portal.Advance(TimeSpan.FromMinutes(10));

        await MailTesting.EventuallyAsync(() => MailTesting.PickedUp(portal.Factory).Count == 1, "the confirmation mail");
        Assert.Equal("Vahvista tilauksesi", Assert.Single(MailTesting.PickedUp(portal.Factory)).Subject);
    }
}
