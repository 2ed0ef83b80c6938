using System.Text.RegularExpressions;
using MimeKit;

namespace Tietosuoja.Web.Infrastructure.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into the MIME message both transports send: plain text and HTML, one-click unsubscribe (RFC 8058).</summary>
public static partial class MimeMail
{
    public static MimeMessage Build(OutgoingMail mail, MailOptions options)
    {
        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Subject = mail.Subject,
            Date = DateTimeOffset.UtcNow,
        };
        message.From.Add(new MailboxAddress(mail.SenderName, options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        // A Content-* header belongs to the body entity in MimeKit's model (it is written among the message's headers all the same).
        message.Body.Headers.Add(HeaderId.ContentLanguage, mail.Language.Code());
        return message;
    }

    /// <summary>
    /// An error as it may be stored and shown to admins: a server's answer often repeats the
    /// recipient's address, which must not end up in the database's error column or the logs.
    /// </summary>
    public static string Redact(string error) => AddressPattern().Replace(error, "<address>");

    [GeneratedRegex(@"[^\s<>""'@]+@[^\s<>""']+")]
    private static partial Regex AddressPattern();
}
