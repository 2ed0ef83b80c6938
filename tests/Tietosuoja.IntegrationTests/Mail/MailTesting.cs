using System.Globalization;
using MimeKit;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Mail;

public static class MailTesting
{
    /// <summary>The portal's mail goes to this test server over SMTP (no TLS on the loopback).</summary>
    public static PortalFactory WithSmtp(this PortalFactory factory, TestSmtpServer server) => factory
        .WithSetting("Mail:Smtp:Host", "127.0.0.1")
        .WithSetting("Mail:Smtp:Port", server.Port.ToString(CultureInfo.InvariantCulture))
        .WithSetting("Mail:Smtp:Tls", "None")
        .WithSetting("Mail:Smtp:Timeout", "00:00:05");

    /// <summary>Waits (on the wall clock) until the condition holds; the sender works in the background.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for: {what}");
            await Task.Delay(25);
        }
    }

    public static Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        EventuallyAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>The mails written into the portal's pickup folder so far.</summary>
    public static List<MimeMessage> PickedUp(PortalFactory factory) =>
        Directory.Exists(factory.MailFolder)
            ? [.. Directory.EnumerateFiles(factory.MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path))]
            : [];

    /// <summary>The first link in a mail's plain-text body that starts with the given path of the test host.</summary>
    public static string LinkIn(MimeMessage message, string pathPrefix)
    {
        var text = message.TextBody ?? string.Empty;
        var start = text.IndexOf("http://localhost" + pathPrefix, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no link to {pathPrefix} in:\n{text}");
        var end = text.IndexOfAny(['\n', '\r', ' '], start);
        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>Waits until the single outbox row satisfies the condition, and returns it.</summary>
    public static async Task<Web.Data.OutboxMail> EventuallyReturnsAsync(CommentingPortal portal, Func<Web.Data.OutboxMail, bool> condition)
    {
        Web.Data.OutboxMail? found = null;
        await EventuallyAsync(async () =>
        {
            found = (await portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.OutboxMails))).SingleOrDefault(condition);
            return found is not null;
        }, "the outbox row");
        return found!;
    }

    public static string PathOf(string absolute) => new Uri(absolute).PathAndQuery;

    public static Dictionary<string, string> WithEmail(string text, string email, bool notify = false)
    {
        var fields = CommentingPortal.ValidFields(text);
        fields["Input.Email"] = email;
        if (notify)
        {
            fields["Input.NotifyOnHandling"] = "true";
        }

        return fields;
    }
}
