using MailKit.Security;

namespace Tietosuoja.Web.Infrastructure.Mail;

/// <summary>The "Mail" configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender every mail names; the portal's name is its display name.</summary>
    public string From { get; set; } = "tietosuoja@localhost";

    /// <summary>Where mails are written as .eml files when no SMTP host is configured (relative paths under the content root).</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the outbox is looked at when nothing has woken the sender up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failed attempt; it doubles with each further failure, up to <see cref="MaximumRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaximumRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one instance may hold a claimed mail before another may take it over (it crashed mid-send).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Mails claimed at once by one instance.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Whether this instance sends at all (tests turn it off to look at the outbox).</summary>
    public bool SendingEnabled { get; set; } = true;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>The "Mail:Smtp" section; with a Host, mail goes over SMTP (MailKit) instead of into the pickup directory.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's names: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
