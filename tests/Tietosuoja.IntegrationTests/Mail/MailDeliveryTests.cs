using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Mail;

/// <summary>The outbox delivering over SMTP to a real server in the test process, and into the pickup folder without one.</summary>
public sealed class MailDeliveryTests
{
    [Fact]
    public async Task A_comment_with_an_address_is_mailed_its_private_link_in_finnish_as_text_and_html_with_markup_as_text_and_one_click_unsubscribe()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSmtp(smtp));
        var client = portal.NewClient();

        var response = await portal.SubmitAsync(client, MailTesting.WithEmail("<b>Lihava</b> & <script>alert(1)</script>\nToinen rivi", "maija@example.org"));
        var token = CommentingPortal.TokenFrom(response);

        await MailTesting.EventuallyAsync(() => smtp.Received.Count == 1, "the private-link mail");
        var mail = Assert.Single(smtp.Received);
        Assert.Equal("maija@example.org", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("Kommenttisi on vastaanotettu", mail.Subject);
        Assert.Equal("fi", mail.Body!.Headers["Content-Language"]);
        Assert.Equal("Tietosuojan perusohjeet kunnille", mail.From.Mailboxes.Single().Name);
        Assert.Contains($"http://localhost/kommentti/{token}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("> <b>Lihava</b> & <script>alert(1)</script>\n> Toinen rivi", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"href=\"http://localhost/kommentti/{token}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Lihava&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;<br>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fi\">", mail.HtmlBody, StringComparison.Ordinal);
        var unsubscribe = mail.Headers["List-Unsubscribe"];
        Assert.StartsWith("<http://localhost/tilaa/peru/", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe!.Trim('<', '>'), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("En halua enää näitä viestejä", mail.HtmlBody, StringComparison.Ordinal);
        await MailTesting.EventuallyAsync(async () => await portal.WithDbAsync(db => db.OutboxMails.CountAsync()) == 0, "the delivered mail leaving the outbox");
    }

    [Fact]
    public async Task A_swedish_comment_is_mailed_in_swedish()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSmtp(smtp));

        var token = CommentingPortal.TokenFrom(await portal.SubmitAsync(portal.NewClient(), MailTesting.WithEmail("Bra text.", "sven@example.org"), CommentingPortal.SwedishFormUrl));

        await MailTesting.EventuallyAsync(() => smtp.Received.Count == 1, "the private-link mail");
        var mail = Assert.Single(smtp.Received);
        Assert.Equal("Din kommentar har tagits emot", mail.Subject);
        Assert.Equal("sv", mail.Body!.Headers["Content-Language"]);
        Assert.Contains($"http://localhost/sv/kommentar/{token}", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://localhost/sv/prenumerera/avsluta/", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\">", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_refuses_with_4xx_is_tried_again_after_a_growing_wait_and_the_mail_arrives_once_when_it_recovers()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.Mode = SmtpMode.RefuseTemporarily;
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSmtp(smtp).WithSetting("Mail:FirstRetryDelay", "00:01:00"));

        await portal.SubmitAsync(portal.NewClient(), MailTesting.WithEmail("Teksti.", "maija@example.org"));
        await MailTesting.EventuallyAsync(() => smtp.Refused == 1, "the first refusal");
        var waiting = await MailTesting.EventuallyReturnsAsync(portal, m => m.Attempts == 1);
        Assert.Contains("451", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(1), waiting.NextAttemptAt - waiting.LastAttemptAt);

        portal.Advance(TimeSpan.FromMinutes(1));
        await MailTesting.EventuallyAsync(() => smtp.Refused == 2, "the second refusal");
        waiting = await MailTesting.EventuallyReturnsAsync(portal, m => m.Attempts == 2);
        Assert.Equal(TimeSpan.FromMinutes(2), waiting.NextAttemptAt - waiting.LastAttemptAt);

        // The admin sees it on the dashboard.
        var admin = await SignedInAsync(portal, "Admin");
        var dashboard = await admin.GetPageAsync("/toimitus");
        var status = dashboard.Document.QuerySelector(".mail-status")!.TextContent;
        Assert.Contains("Lähtemättä: 1", status, StringComparison.Ordinal);
        Assert.Contains("epäonnistunut ainakin kerran (yritetään uudelleen): 1", status, StringComparison.Ordinal);
        Assert.Contains("SMTP 451", status, StringComparison.Ordinal);
        Assert.DoesNotContain("maija@example.org", dashboard.Text, StringComparison.Ordinal);

        smtp.Mode = SmtpMode.Accept;
        portal.Advance(TimeSpan.FromMinutes(2));
        await MailTesting.EventuallyAsync(() => smtp.Received.Count == 1, "the mail after recovery");
        await MailTesting.EventuallyAsync(async () => await portal.WithDbAsync(db => db.OutboxMails.CountAsync()) == 0, "an empty outbox");
        portal.Advance(TimeSpan.FromHours(1));
        await Task.Delay(300);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task A_5xx_refusal_marks_the_address_bouncing_and_it_is_not_mailed_again()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.Bouncing.Add("ei-ole@example.org");
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSmtp(smtp).WithSetting("Comments:SubmissionsPerWindow", "100"));
        var client = portal.NewClient();

        await portal.SubmitAsync(client, MailTesting.WithEmail("Ensimmäinen.", "Ei-Ole@example.org"));
        await MailTesting.EventuallyAsync(async () => await portal.WithDbAsync(db => db.BlockedAddresses.AnyAsync()), "the address marked bouncing");
        var blocked = Assert.Single(await portal.WithDbAsync(db => db.BlockedAddresses.ToListAsync()));
        Assert.Equal(("ei-ole@example.org", BlockReason.Bounced), (blocked.Address, blocked.Reason));
        await MailTesting.EventuallyAsync(async () => await portal.WithDbAsync(db => db.OutboxMails.CountAsync()) == 0, "the refused mail leaving the outbox");

        smtp.Bouncing.Clear();
        await portal.SubmitAsync(client, MailTesting.WithEmail("Toinen.", "ei-ole@example.org"));
        await portal.SubmitAsync(client, MailTesting.WithEmail("Kolmas.", "toimii@example.org"));

        await MailTesting.EventuallyAsync(() => smtp.Received.Count == 1, "the mail to the working address");
        await MailTesting.EventuallyAsync(async () => await portal.WithDbAsync(db => db.OutboxMails.CountAsync()) == 0, "an empty outbox");
        Assert.Equal("toimii@example.org", Assert.Single(smtp.Received).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Two_hundred_comments_while_the_server_is_down_for_the_first_half_each_get_their_mail_exactly_once_after_it_recovers()
    {
        await using var smtp = new TestSmtpServer();
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSmtp(smtp)
            .WithSetting("Comments:SubmissionsPerWindow", "1000")
            .WithSetting("Mail:FirstRetryDelay", "00:00:10")
            .WithSetting("Mail:MaximumRetryDelay", "00:01:00"));
        const int count = 200;
        var clients = Enumerable.Range(0, count).Select(_ => portal.NewClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(client => client.GetPageAsync(CommentingPortal.FormUrl)));
        portal.Advance(TimeSpan.FromMinutes(1));

        // Posted a few at a time: this test is about the outbox, and a hundred writers at once on one
        // SQLite file beside the worker's own writes only measure the file's write queue (the parallel
        // submission test in CommentSubmissionTests covers that on its own).
        Task<HttpResponseMessage[]> PostAsync(int from) => InBatchesAsync(Enumerable.Range(from, count / 2), 8, i =>
            clients[i].PostFormAsync(forms[i], "form.comment-form", MailTesting.WithEmail($"Kommentti {i}", $"k{i}@example.org")));

        // The first half while nothing listens on the port.
        var first = await PostAsync(0);
        Assert.All(first, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await MailTesting.EventuallyAsync(
            async () => await portal.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.Attempts > 0)) == count / 2, "every early mail failing once");
        Assert.Equal(count / 2, await portal.WithDbAsync(db => db.OutboxMails.CountAsync()));

        // The server comes back; the second half is sent, and the clock moves past the retry waits.
        await smtp.StartListeningAsync();
        var second = await PostAsync(count / 2);
        Assert.All(second, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        for (var i = 0; i < 20 && smtp.Received.Count < count; i++)
        {
            portal.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(250);
        }

        await MailTesting.EventuallyAsync(() => smtp.Received.Count >= count, "every mail", TimeSpan.FromSeconds(60));
        await MailTesting.EventuallyAsync(async () => await portal.WithDbAsync(db => db.OutboxMails.CountAsync()) == 0, "an empty outbox");
        portal.Advance(TimeSpan.FromHours(1));
        await Task.Delay(500);
        var recipients = smtp.Received.Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"k{i}@example.org").Order(), recipients.Order());
        Assert.Equal(count, smtp.Received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Without_an_smtp_host_each_mail_is_written_as_an_eml_file_into_the_pickup_folder()
    {
        await using var portal = await CommentingPortal.StartAsync();

        var token = CommentingPortal.TokenFrom(await portal.SubmitAsync(portal.NewClient(), MailTesting.WithEmail("Teksti.", "maija@example.org")));

        await MailTesting.EventuallyAsync(() => MailTesting.PickedUp(portal.Factory).Count == 1, "an .eml file");
        var mail = Assert.Single(MailTesting.PickedUp(portal.Factory));
        Assert.Equal("maija@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains($"http://localhost/kommentti/{token}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/kommentti/{token}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(portal.Factory.MailFolder, "*.tmp"));
    }

    [Fact]
    public async Task A_comment_without_an_address_sends_nothing()
    {
        await using var portal = await CommentingPortal.StartAsync();
        var fields = CommentingPortal.ValidFields();
        fields["Input.Email"] = string.Empty;

        CommentingPortal.TokenFrom(await portal.SubmitAsync(portal.NewClient(), fields));

        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMails.CountAsync()));
    }

    private static async Task<HttpClient> SignedInAsync(CommentingPortal portal, string role)
    {
        var client = portal.NewClient();
        var page = await client.GetPageAsync("/toimitus/kirjaudu");
        var response = await client.PostFormAsync(page, "form.editor-form", new Dictionary<string, string> { ["Name"] = "Testi Ylläpitäjä", ["Role"] = role });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage[]> InBatchesAsync(IEnumerable<int> items, int batch, Func<int, Task<HttpResponseMessage>> post)
    {
        var responses = new List<HttpResponseMessage>();
        foreach (var chunk in items.Chunk(batch))
        {
            responses.AddRange(await Task.WhenAll(chunk.Select(post)));
        }

        return [.. responses];
    }
}
