using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>
/// The review queue: drafts waiting for another editor, scheduled publications (which can be
/// cancelled until they happen), and the latest published versions with who wrote and who approved
/// each: the editorial side of a version's history, which public pages do not show.
/// </summary>
public sealed class ReviewsModel(ContentStore store, IStringLocalizer<SharedResource> text, DraftReview review) : EditorPageModel(store, text)
{
    public const int PublishedShown = 20;

    public IReadOnlyList<ChapterDraft> Waiting { get; private set; } = [];

    public IReadOnlyList<ChapterDraft> Scheduled { get; private set; } = [];

    public IReadOnlyList<ChapterDraft> Published { get; private set; } = [];

    public bool RequireReview => review.RequireReview;

    public override string Title => T["ReviewsTitle"];

    public override string AlternateLanguageUrl => EditorUrls.Reviews(Language.Other());

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(int draftId, CancellationToken cancellationToken)
    {
        var cancelled = await review.CancelAsync(draftId, Editor, cancellationToken);
        if (cancelled.Succeeded)
        {
            return RedirectWithNotice(EditorUrls.Reviews(Language), "ReviewCancelled");
        }

        AddProblems(cancelled.Problems);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>"Luku 3: Rekisteröidyn oikeudet, suomi, versio 1.3": a draft named as the queue lists it.</summary>
    public string DraftName(ChapterDraft draft) =>
        T["ReviewDraftName", Snapshot.FindChapterById(draft.ChapterId)?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? draft.ChapterId, draft.Title, T[$"LanguageName_{draft.Language.Code()}"], draft.Version];

    public string When(DateTime? utc) => utc is { } at ? FinnishTime.Format(at, Language) : string.Empty;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var queue = await review.QueueAsync(cancellationToken);
        Waiting = [.. queue.Where(d => d.State == DraftState.Submitted)];
        Scheduled = [.. queue.Where(d => d.State is DraftState.Scheduled or DraftState.Publishing).OrderBy(d => d.PublishAt)];
        Published = await review.PublishedAsync(PublishedShown, cancellationToken);
    }
}
