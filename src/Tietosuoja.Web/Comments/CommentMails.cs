using Microsoft.AspNetCore.DataProtection;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Comments;

/// <summary>
/// The mails about one comment: its private link when it is sent, and, if the author ticked
/// "notify me", its handling. They go into the outbox of the caller's unit of work, so they are
/// stored with the change they report or not at all.
/// </summary>
public sealed class CommentMails(MailOutbox outbox, MailComposer composer, UnsubscribeLinks unsubscribe, PublicSite site, ContentStore content, IDataProtectionProvider protection)
{
    private readonly IDataProtector _links = protection.CreateProtector("Tietosuoja.Comments.NotificationLink");

    /// <summary>
    /// Keeps the private link's token, protected, on a comment whose author asked for
    /// notifications, so a later mail can carry the link; null otherwise (only its hash is kept).
    /// </summary>
    public string? ProtectForNotifications(Comment comment, string token) =>
        comment.NotifyOnHandling && comment.Email is not null ? _links.Protect(token) : null;

    /// <summary>The private link, to a comment just stored with an e-mail address.</summary>
    public void PrivateLink(Comment comment, string token)
    {
        if (comment.Email is null)
        {
            return;
        }

        var language = comment.Language;
        List<MailBlock> blocks =
        [
            new MailBlock.Paragraph(UiText.Get("Mail_PrivateLink_Intro", language).Replace("{0}", ChapterName(comment, language), StringComparison.Ordinal)),
            new MailBlock.Quote(comment.Text),
            new MailBlock.Link(UiText.Get("Mail_PrivateLink_Link", language), site.Absolute(SiteUrls.CommentLink(language, token))),
            new MailBlock.Paragraph(UiText.Get("Mail_PrivateLink_Keep", language)),
        ];
        if (comment.NotifyOnHandling)
        {
            blocks.Add(new MailBlock.Paragraph(UiText.Get("Mail_PrivateLink_WillNotify", language)));
        }

        outbox.Add(composer.Compose(comment.Email, language, UiText.Get("Mail_PrivateLink_Subject", language), blocks, UnsubscribeUrl(comment)));
    }

    /// <summary>
    /// Tells the author that their comment was answered or its status changed, with the answer and
    /// the private link back to the comment; nothing when they did not ask for it or left no address.
    /// </summary>
    public void HandlingChanged(Comment comment)
    {
        if (!comment.NotifyOnHandling || comment.Email is null || comment.IsWithdrawn)
        {
            return;
        }

        var language = comment.Language;
        List<MailBlock> blocks =
        [
            new MailBlock.Paragraph(UiText.Get("Mail_Handling_Intro", language).Replace("{0}", ChapterName(comment, language), StringComparison.Ordinal)),
            new MailBlock.Quote(comment.Text),
            new MailBlock.Paragraph(UiText.Get("Mail_Handling_Status", language).Replace("{0}", UiText.Get($"Handling_{comment.Status}", language), StringComparison.Ordinal)),
        ];
        if (comment.Response is { } response)
        {
            blocks.Add(new MailBlock.Paragraph(UiText.Get("Mail_Handling_Answer", language)));
            blocks.Add(new MailBlock.Quote(response));
        }

        if (PrivateLink(comment) is { } link)
        {
            blocks.Add(new MailBlock.Link(UiText.Get("Mail_PrivateLink_Link", language), link));
        }

        outbox.Add(composer.Compose(comment.Email, language, UiText.Get("Mail_Handling_Subject", language), blocks, UnsubscribeUrl(comment)));
    }

    private Uri? PrivateLink(Comment comment)
    {
        try
        {
            return comment.ProtectedToken is { } token ? site.Absolute(SiteUrls.CommentLink(comment.Language, _links.Unprotect(token))) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key that protected it was retired; the mail still says what happened.
            return null;
        }
    }

    /// <summary>The comment is named by its token's hash, which exists before the comment is saved and gets an id.</summary>
    private Uri UnsubscribeUrl(Comment comment) => unsubscribe.For(UnsubscribeKind.Comment, Convert.ToHexString(comment.TokenHash), comment.Language);

    private string ChapterName(Comment comment, Language language)
    {
        var chapter = content.Current.Chapters.FirstOrDefault(c => c.Id == comment.ChapterId);
        var title = chapter?.Versions(comment.Language).FirstOrDefault(v => v.Version == comment.Version)?.Title ?? comment.ChapterId;
        return $"{title} ({UiText.Get("VersionNumber", language).Replace("{0}", comment.Version.ToString(), StringComparison.Ordinal)})";
    }
}
