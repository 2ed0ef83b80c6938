namespace Tietosuoja.Web.Infrastructure.Mail;

/// <summary>
/// One mail as it is sent: the recipient, the subject and both bodies already in the recipient's
/// language (every user-supplied value in the HTML body already encoded), and the one-click
/// unsubscribe address that goes into the List-Unsubscribe headers. The message id stays the same
/// on every attempt, so a receiver can tell a resend after a lost answer from a new mail.
/// </summary>
public sealed record OutgoingMail(
    string MessageId, string SenderName, string To, Language Language, string Subject, string TextBody, string HtmlBody, Uri UnsubscribeUrl);

/// <summary>What a delivery attempt came to.</summary>
public enum MailDelivery
{
    Sent,

    /// <summary>Worth trying again later: the server is down, busy or answered 4xx.</summary>
    TryAgain,

    /// <summary>The server refused the recipient for good (5xx): the address is not mailed again.</summary>
    Refused,
}

public sealed record MailSendResult(MailDelivery Delivery, string? Error = null)
{
    public static readonly MailSendResult Sent = new(MailDelivery.Sent);
}

/// <summary>Delivers one mail: over SMTP or into the pickup directory. Never throws for a failed delivery; says what happened.</summary>
public interface IMailTransport
{
    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
