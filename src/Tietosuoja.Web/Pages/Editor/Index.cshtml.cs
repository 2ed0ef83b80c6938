using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>The editor area's front page: every chapter with its versions per language, the drafts in progress, and the rounds.</summary>
public sealed class IndexModel(ContentStore store, IStringLocalizer<SharedResource> text, DraftService drafts, DraftReview review, RoundCatalog rounds, MailOutbox outbox, ContentRepository repository) : EditorPageModel(store, text)
{
    /// <summary>The outbox: mails waiting, failing and the latest error (shown to admins).</summary>
    public OutboxStatus? Mail { get; private set; }

    public IReadOnlyList<ChapterDraft> Drafts { get; private set; } = [];

    /// <summary>Drafts waiting for a reviewer: the count on the review queue's link.</summary>
    public int WaitingForReview { get; private set; }

    public IReadOnlyList<RoundInfo> Rounds => rounds.Rounds;

    public DateTime Now => rounds.UtcNow;

    public override string Title => T["EditorHome"];

    /// <summary>Whether published versions reach git and its remote: a dirty or detached work tree, or a failing push, is the editors' business too.</summary>
    public ContentRepositoryStatus Repository { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Drafts = await drafts.ListAsync(cancellationToken);
        Repository = repository.Status();
        WaitingForReview = await review.WaitingCountAsync(cancellationToken);
        if (User.IsInRole(EditorRoles.Admin))
        {
            Mail = await outbox.StatusAsync(cancellationToken);
        }
    }
}
