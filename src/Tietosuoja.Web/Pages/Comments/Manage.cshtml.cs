using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Comments;

/// <summary>
/// The commenter's private page, reached only by the secret link: the comment, how it was handled,
/// and while the round is open, editing and withdrawing. Request logging leaves the token out
/// (<see cref="SiteUrls.WithoutSecrets"/>).
/// </summary>
public sealed class ManageModel(ContentStore store, IStringLocalizer<SharedResource> text, CommentService comments, TimeProvider clock, PublicSite site)
    : CommentFormPageModel(store, text)
{
    public string Token { get; private set; } = string.Empty;

    public Comment? Comment { get; private set; }

    public Chapter? Chapter { get; private set; }

    public ChapterVersion? Version { get; private set; }

    public RoundInfo? Round { get; private set; }

    public bool JustSent { get; private set; }

    public bool JustSaved { get; private set; }

    [BindProperty]
    public bool ConfirmWithdraw { get; set; }

    public bool IsOpen => Round?.StateAt(clock.GetUtcNow().UtcDateTime) == RoundState.Open;

    public bool CanEdit => IsOpen && Comment is { IsWithdrawn: false } && Version is not null;

    public string PrivateLink => site.Absolute(SiteUrls.CommentLink(Language, Token)).AbsoluteUri;

    /// <summary>Which of the two forms was sent and came back with problems: it is shown open.</summary>
    public string? FormShownAgain { get; private set; }

    /// <summary>
    /// Where the private link was also sent, shown on the confirmation: the address the commenter
    /// gave, or null without one. The comment service queues that mail in the same save as the comment.
    /// </summary>
    public string? LinkAlsoSentTo => JustSent ? Comment?.Email : null;

    /// <summary>The confirmation is titled by what happened, so the title a screen reader reads first says the comment was stored.</summary>
    public override string Title => Comment is null ? T["CommentNotFoundTitle"] : JustSent ? T["ThanksTitle"] : T["YourCommentTitle"];

    /// <summary>The same page in the other language, the confirmation included.</summary>
    public override string AlternateLanguageUrl =>
        SiteUrls.CommentLink(Language.Other(), Token) + (JustSent ? "?sent=true" : JustSaved ? "?saved=true" : string.Empty);

    /// <summary>Without the comment, read before the failed write, the page would say the link is unknown.</summary>
    public override bool CanShowFormAgain => Comment is not null;

    public async Task<IActionResult> OnGetAsync(string token, bool sent, bool saved, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (Comment is null)
        {
            return NotFoundPage();
        }

        JustSent = sent;
        JustSaved = saved;
        Input = CommentInput.From(Comment);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (Comment is null)
        {
            return NotFoundPage();
        }

        FormShownAgain = "edit";
        if (Version is null)
        {
            AddRefusal(CommentRefusal.NotCovered);
            return Page();
        }

        AddProblems(Input.Validate(Version));
        if (HasProblems)
        {
            return Page();
        }

        var result = await comments.EditAsync(token, Version, Input, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(SiteUrls.CommentLink(Language, token) + "?saved=true");
        }

        AddProblems(result.Problems);
        if (result.Refusal is { } refusal)
        {
            AddRefusal(refusal);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (Comment is null)
        {
            return NotFoundPage();
        }

        Input = CommentInput.From(Comment);
        FormShownAgain = "withdraw";
        if (!ConfirmWithdraw)
        {
            AddProblem(nameof(ConfirmWithdraw), "Error_ConfirmWithdraw");
        }

        if (HasProblems)
        {
            return Page();
        }

        var result = await comments.WithdrawAsync(token, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            AddRefusal(refusal);
            return Page();
        }

        return Redirect(SiteUrls.CommentLink(Language, token));
    }

    protected override string ElementId(string field) => field == nameof(ConfirmWithdraw) ? field : base.ElementId(field);

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        Comment = await comments.FindAsync(token, cancellationToken);
        if (Comment is null)
        {
            return;
        }

        Round = RoundInfo.From(Comment.Round!);
        Chapter = Snapshot.FindChapterById(Comment.ChapterId);
        Version = Chapter?.Find(Comment.Language, Comment.Version);
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
