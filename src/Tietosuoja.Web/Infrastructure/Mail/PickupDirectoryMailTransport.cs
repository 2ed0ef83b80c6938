using Microsoft.Extensions.Options;

namespace Tietosuoja.Web.Infrastructure.Mail;

/// <summary>
/// Without an SMTP host, each mail is written as an .eml file into Mail:PickupDirectory, where a
/// developer opens it (or a local mail server picks it up). The file appears whole or not at all:
/// it is written under a temporary name and then renamed.
/// </summary>
public sealed class PickupDirectoryMailTransport(IOptions<MailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var name = string.Concat(mail.MessageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
            var path = Path.Combine(Directory, name + ".eml");
            var temporary = path + ".tmp";
            await MimeMail.Build(mail, options.Value).WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return MailSendResult.Sent;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new MailSendResult(MailDelivery.TryAgain, MimeMail.Redact($"{exception.GetType().Name}: {exception.Message}"));
        }
    }
}
