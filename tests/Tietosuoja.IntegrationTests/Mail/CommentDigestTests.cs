using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Mail;

/// <summary>The editors' daily digest, sent by the background worker of two instances on one database and one clock.</summary>
public sealed class CommentDigestTests
{
    private static void WithDigest(PortalFactory factory) => factory
        .WithSetting("Mail:Digest:Enabled", "true")
        .WithSetting("Mail:Digest:Recipients:0", "toimitus@example.org")
        .WithSetting("Mail:Digest:Hour", "8");

    /// <summary>The digests among the pickup folder's mails; the commenters' own confirmations are there too.</summary>
    private static List<MimeKit.MimeMessage> Digests(CommentingPortal portal) =>
        [.. MailTesting.PickedUp(portal.Factory).Where(m => m.Subject == "Uudet kommentit")];

    /// <summary>
    /// The digest is written in the claim's transaction, which may commit after the sender has looked, so
    /// the sender finds it on its next poll: the clock moves on by Mail:PollInterval between looks.
    /// </summary>
    private static bool Sent(CommentingPortal portal, int count)
    {
        if (Digests(portal).Count >= count)
        {
            return true;
        }

        portal.Advance(TimeSpan.FromSeconds(5));
        return false;
    }

    [Fact]
    public async Task The_digest_lists_the_days_new_comments_per_open_round_once_a_day_even_with_two_instances()
    {
        // Start is 12.00 Finnish time, after the digest hour: today's first run finds nothing to send.
        await using var portal = await CommentingPortal.StartAsync(WithDigest);
        await using var second = new FixturePortal();
        WithDigest(second);
        second.WithSetting("Database:ConnectionString", $"Data Source={portal.Factory.DatabasePath}")
            .WithSetting("Mail:PickupDirectory", portal.Factory.MailFolder)
            .WithServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(portal.Factory.Clock!)));
        _ = second.Services;

        var client = portal.NewClient();
        CommentingPortal.TokenFrom(await portal.SubmitAsync(client, CommentingPortal.ValidFields("Ensimmäinen kommentti.")));
        CommentingPortal.TokenFrom(await portal.SubmitAsync(client, CommentingPortal.ValidFields("Toinen kommentti.")));
        await Task.Delay(300);
        Assert.Empty(Digests(portal));

        // The next day past 8.00 both instances' workers wake up; one of them sends the digest.
        portal.Advance(TimeSpan.FromDays(1));
        await MailTesting.EventuallyAsync(() => Sent(portal, 1), "the digest");
        for (var check = 0; check < 4; check++)
        {
            portal.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(150);
        }

        var digest = Assert.Single(Digests(portal));
        Assert.Equal("toimitus@example.org", digest.To.Mailboxes.Single().Address);
        Assert.Contains("Testikierros: 2 uutta kommenttia", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/toimitus/kierrokset/{portal.RoundId}/kommentit", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Ensimmäinen kommentti.", digest.TextBody, StringComparison.Ordinal);
        Assert.NotNull(digest.Headers["List-Unsubscribe"]);

        // A day with one new comment: the next digest counts only that one; a day without any sends nothing.
        CommentingPortal.TokenFrom(await portal.SubmitAsync(client, CommentingPortal.ValidFields("Kolmas kommentti.")));
        portal.Advance(TimeSpan.FromDays(1));
        await MailTesting.EventuallyAsync(() => Sent(portal, 2), "the second day's digest");
        portal.Advance(TimeSpan.FromDays(1));
        for (var check = 0; check < 4; check++)
        {
            portal.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(150);
        }

        var mails = Digests(portal);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => m.TextBody!.Contains("Testikierros: 1 uusi kommentti", StringComparison.Ordinal));
    }
}
