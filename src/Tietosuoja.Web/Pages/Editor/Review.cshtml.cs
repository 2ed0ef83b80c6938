using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>
/// One submitted draft under review: what it changes against the current version and how it will
/// look, and the reviewer's decision: approve (publish now or at a Finnish date and time, after a
/// confirmation naming what is published) or return it to its author with a note.
/// </summary>
public sealed class ReviewModel(ContentStore store, IStringLocalizer<SharedResource> text, DraftService drafts, DraftReview review, ChapterPublisher publisher, TimeProvider clock)
    : EditorPageModel(store, text)
{
    public const string ResultId = "review-confirmation";

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public ChapterDraft Draft { get; private set; } = null!;

    public PublishCheck? Check { get; private set; }

    public VersionComparison? Comparison { get; private set; }

    /// <summary>Set when the reviewer asked to approve and the page asks them to confirm.</summary>
    public bool Confirming { get; private set; }

    /// <summary>The publication time the confirmation names (UTC); null for "now".</summary>
    public DateTime? PublishAt { get; private set; }

    public bool MayApprove => review.MayApprove(Draft, Editor);

    public int? ChapterNumber => Snapshot.FindChapterById(Draft.ChapterId)?.Number ?? Check?.Snapshot?.FindChapterById(Draft.ChapterId)?.Number;

    public override string Title => T["ReviewTitle", ChapterNumber?.ToString(CultureInfo.InvariantCulture) ?? Draft.ChapterId, Draft.Title, T[$"LanguageName_{Draft.Language.Code()}"], Draft.Version];

    public override string AlternateLanguageUrl => EditorUrls.Review(Language.Other(), Id);

    public override bool CanShowFormAgain => Draft is not null;

    public string When(DateTime? utc) => utc is { } at ? FinnishTime.Format(at, Language) : string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmApproveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Precheck())
        {
            Confirming = true;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!Precheck())
        {
            return Page();
        }

        var approved = await review.ApproveAsync(Id, PublishAt, Editor, cancellationToken);
        if (!approved.Succeeded)
        {
            AddProblems(approved.Problems);
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (PublishAt is { } at)
        {
            return RedirectWithNotice(EditorUrls.Reviews(Language), "ReviewScheduled", Draft.Version, FinnishTime.Format(at, Language));
        }

        var chapter = approved.Check!.Snapshot!.FindChapterById(Draft.ChapterId)!;
        var version = chapter.Find(Draft.Language, Draft.Version)!;
        return RedirectWithNotice(EditorUrls.Reviews(Language), "DraftPublished", chapter.Number, version.Title, version.Version, SiteUrls.Version(chapter, version));
    }

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var returned = await review.ReturnAsync(Id, Input.Note, Editor, cancellationToken);
        if (!returned.Succeeded)
        {
            AddProblems(returned.Problems);
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Reviews(Language), "ReviewReturned", Draft.SubmittedByName ?? string.Empty);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var cancelled = await review.CancelAsync(Id, Editor, cancellationToken);
        if (!cancelled.Succeeded)
        {
            AddProblems(cancelled.Problems);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Reviews(Language), "ReviewCancelled");
    }

    /// <summary>The checks that need no database: the state, the author rule and the time. True when approval may go ahead.</summary>
    private bool Precheck()
    {
        if (Draft.State != DraftState.Submitted)
        {
            AddProblem(null, "Review_AlreadyHandled");
        }
        else if (!MayApprove)
        {
            AddProblem(null, "Review_OwnDraft");
        }

        if (Input.When == ReviewInput.Later)
        {
            if (!DateOnly.TryParseExact(Input.PublishDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                AddProblem("PublishDate", "Review_PublishDateRequired");
            }

            if (!TimeOnly.TryParseExact(Input.PublishTime, ["HH:mm", "H:mm", "HH.mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                AddProblem("PublishTime", "Review_PublishTimeRequired");
            }

            if (!HasProblems)
            {
                PublishAt = FinnishTime.ToUtc(date.ToDateTime(time));
                if (PublishAt <= clock.GetUtcNow().UtcDateTime)
                {
                    AddProblem("PublishDate", "Review_PublishAtPast");
                }
            }
        }

        if (Check is { CanPublish: false })
        {
            AddProblem(null, "Review_TextHasProblems");
        }

        return !HasProblems;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(Id, cancellationToken) is not { } draft)
        {
            return false;
        }

        Draft = draft;
        if (draft.State is not (DraftState.Published or DraftState.Editing))
        {
            Check = publisher.Check(DraftService.ToText(draft));
            Comparison = Check.Preview is { } preview ? DraftModel.CurrentComparison(Snapshot, preview) : null;
        }

        return true;
    }
}

/// <summary>The reviewer's fields: the note for returning, and when an approved draft is published.</summary>
public sealed class ReviewInput
{
    public const string Now = "now";
    public const string Later = "later";

    public string? Note { get; set; }

    public string When { get; set; } = Now;

    /// <summary>Finnish date, as a date field sends it (yyyy-MM-dd).</summary>
    public string? PublishDate { get; set; }

    /// <summary>Finnish time of day (HH:mm).</summary>
    public string? PublishTime { get; set; }
}
