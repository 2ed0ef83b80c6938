using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.DataProtection;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Infrastructure.Mail;

namespace Tietosuoja.Web.Comments;

/// <summary>One part of a mail's body.</summary>
public abstract record MailBlock
{
    /// <summary>A paragraph of the portal's own text (it may contain values people typed; they are encoded like everything else).</summary>
    public sealed record Paragraph(string Text) : MailBlock;

    /// <summary>Text someone typed (a comment, an answer), kept as typed with its line breaks, shown as a quotation.</summary>
    public sealed record Quote(string Text) : MailBlock;

    public sealed record Link(string Label, Uri Url) : MailBlock;
}

/// <summary>
/// Writes every mail the portal sends in one shape: the recipient's language, a plain-text and an
/// HTML body (every value HTML-encoded, so a comment with markup arrives as text), the portal's
/// name and address at the end, and an unsubscribe link that is also the List-Unsubscribe target.
/// </summary>
public sealed class MailComposer(ContentStore content, PublicSite site)
{
    // Letters of every script stay letters (ä, å), everything with a meaning in HTML is encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public OutgoingMail Compose(string to, Language language, string subject, IReadOnlyList<MailBlock> blocks, Uri unsubscribeUrl)
    {
        var portal = content.Current.Site.Title(language);
        var unsubscribe = UiText.Get("Mail_Unsubscribe", language);
        var home = site.Absolute(SiteUrls.Home(language));

        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case MailBlock.Paragraph paragraph:
                    text.Append(paragraph.Text).Append("\n\n");
                    break;
                case MailBlock.Quote quote:
                    foreach (var line in Lines(quote.Text))
                    {
                        text.Append("> ").Append(line).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case MailBlock.Link link:
                    text.Append(link.Label).Append(":\n").Append(link.Url.AbsoluteUri).Append("\n\n");
                    break;
            }
        }

        text.Append("-- \n").Append(portal).Append('\n').Append(home.AbsoluteUri).Append("\n\n")
            .Append(unsubscribe).Append(":\n").Append(unsubscribeUrl.AbsoluteUri).Append('\n');

        var html = new StringBuilder();
        var e = Encoder;
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language.Code()).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(e.Encode(subject)).Append("</title></head>\n<body>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case MailBlock.Paragraph paragraph:
                    html.Append("<p>").Append(e.Encode(paragraph.Text)).Append("</p>\n");
                    break;
                case MailBlock.Quote quote:
                    html.Append("<blockquote><p>").Append(string.Join("<br>\n", Lines(quote.Text).Select(e.Encode))).Append("</p></blockquote>\n");
                    break;
                case MailBlock.Link link:
                    html.Append("<p><a href=\"").Append(e.Encode(link.Url.AbsoluteUri)).Append("\">").Append(e.Encode(link.Label)).Append("</a></p>\n");
                    break;
            }
        }

        html.Append("<hr>\n<p><a href=\"").Append(e.Encode(home.AbsoluteUri)).Append("\">").Append(e.Encode(portal)).Append("</a></p>\n")
            .Append("<p><a href=\"").Append(e.Encode(unsubscribeUrl.AbsoluteUri)).Append("\">").Append(e.Encode(unsubscribe)).Append("</a></p>\n")
            .Append("</body>\n</html>\n");

        var messageId = $"{Guid.NewGuid():N}@{site.BaseUrl.IdnHost}";
        return new OutgoingMail(messageId, portal, to, language, subject, text.ToString(), html.ToString(), unsubscribeUrl);
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}

/// <summary>What an unsubscribe link stops.</summary>
public enum UnsubscribeKind
{
    /// <summary>The notifications about one comment's handling.</summary>
    Comment,

    /// <summary>One subscription: it is erased.</summary>
    Subscription,

    /// <summary>The editors' daily digest to one address.</summary>
    Digest,

    /// <summary>The mails about one event registration.</summary>
    EventRegistration,
}

public sealed record UnsubscribeTarget(UnsubscribeKind Kind, string Key);

/// <summary>
/// The tokens of unsubscribe links: what to stop, protected with Data Protection, so a link cannot
/// be made up or changed to stop someone else's mail, and works on every instance.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, PublicSite site)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Tietosuoja.Mail.Unsubscribe");

    public Uri For(UnsubscribeKind kind, string key, Language language) =>
        site.Absolute(SubscriptionUrls.Unsubscribe(language, _protector.Protect($"{kind}:{key}")));

    /// <summary>What the token stops; null for a token that was not made here or was changed.</summary>
    public UnsubscribeTarget? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(token);
            var colon = payload.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && Enum.TryParse<UnsubscribeKind>(payload[..colon], out var kind) && Enum.IsDefined(kind)
                ? new UnsubscribeTarget(kind, payload[(colon + 1)..])
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
