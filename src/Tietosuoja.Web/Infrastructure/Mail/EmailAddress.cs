using System.Net.Mail;

namespace Tietosuoja.Web.Infrastructure.Mail;

/// <summary>The one rule for an e-mail address a person types, used by the comment form and the subscription form alike.</summary>
public static class EmailAddress
{
    /// <summary>A single plain address (no display name, no list) whose domain has a dot.</summary>
    public static bool IsValid(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>How addresses are compared (bounces, subscriptions): the whole address in lower case.</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}
