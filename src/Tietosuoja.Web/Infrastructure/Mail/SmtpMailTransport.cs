using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Tietosuoja.Web.Infrastructure.Mail;

/// <summary>
/// Sends over SMTP with MailKit (Mail:Smtp). A 5xx answer about the recipient or the message is
/// final; everything else (no connection, 4xx, a dropped line, a 5xx about our own sender or
/// credentials, which is a configuration fault and not the recipient's) is tried again later.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Tls, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(MimeMail.Build(mail, options.Value), cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return MailSendResult.Sent;
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500
            && exception.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            return new MailSendResult(MailDelivery.Refused, Describe(exception, (int)exception.StatusCode));
        }
        catch (SmtpCommandException exception)
        {
            return new MailSendResult(MailDelivery.TryAgain, Describe(exception, (int)exception.StatusCode));
        }
        catch (Exception exception) when (exception is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or TimeoutException
            || exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new MailSendResult(MailDelivery.TryAgain, Describe(exception, null));
        }
    }

    private static string Describe(Exception exception, int? status) =>
        MimeMail.Redact(status is { } code ? $"SMTP {code}: {exception.Message}" : $"{exception.GetType().Name}: {exception.Message}");
}
