using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>
/// Writing a chapter version: paste or upload Markdown, preview it as readers will see it with the
/// content loader's own checks and what changes against the current version, save it as a draft,
/// and submit it for review (or, with <see cref="EditingOptions.RequireReview"/> off, publish it
/// after a confirmation that names what is published).
/// </summary>
public sealed class DraftModel(ContentStore store, IStringLocalizer<SharedResource> text, DraftService drafts, DraftReview review, ChapterPublisher publisher)
    : EditorPageModel(store, text)
{
    /// <summary>The id of the preview and check result, focused when it opens.</summary>
    public const string ResultId = "draft-result";

    public const int MaxUploadBytes = 1024 * 1024;

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The text field in a monospace font, as some editors prefer for Markdown; kept across the form's round trips.</summary>
    [BindProperty]
    public bool Monospace { get; set; }

    /// <summary>The saved draft being edited; null for a text not saved yet.</summary>
    [FromRoute]
    public int? Id { get; set; }

    public PublishCheck? Check { get; private set; }

    /// <summary>The saved draft as stored (its review state, the reviewer's note); null for a new text.</summary>
    public ChapterDraft? Saved { get; private set; }

    /// <summary>What the previewed text changes against the version readers see now; null for a new chapter or translation.</summary>
    public VersionComparison? Comparison { get; private set; }

    /// <summary>Set when the editor asked to publish and the page asks them to confirm.</summary>
    public bool Confirming { get; private set; }

    public bool RequireReview => review.RequireReview;

    /// <summary>Whether the text may still be changed here: new, or a saved draft not under review.</summary>
    public bool Editable => Saved is null or { State: DraftState.Editing };

    public IReadOnlyList<FieldProblem> TextProblems { get; private set; } = [];

    public Chapter? Chapter => Snapshot.FindChapterById(Input.ChapterId);

    public IReadOnlyList<VersionNumber> VersionChoices => ChapterPublisher.VersionChoices(Snapshot, Input.ChapterId, Input.Language);

    public override string Title => Input.NewChapter
        ? T["DraftNewChapterTitle"]
        : T["DraftTitle", Chapter?.Number ?? 0, Input.Title ?? string.Empty, T[$"LanguageName_{Input.Language.Code()}"]];

    public async Task<IActionResult> OnGetAsync(string? chapter, string? language, bool newChapter, CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await drafts.FindAsync(id, cancellationToken) is not { State: not DraftState.Published } draft)
            {
                return NotFound();
            }

            Saved = draft;
            Input = DraftInput.From(draft);
            return Page();
        }

        if (newChapter)
        {
            Input = new DraftInput { NewChapter = true, Language = Language.Fi, Version = new VersionNumber(1, 0).ToString() };
            return Page();
        }

        if (chapter is null || Snapshot.FindChapterById(chapter) is not { } found
            || !Languages.TryParse(language, out var textLanguage)
            || ChapterPublisher.VersionChoices(Snapshot, found.Id, textLanguage) is not { Count: > 0 } choices)
        {
            return NotFound();
        }

        // A new version starts from the latest text in the same language, which is what editors revise.
        var latest = found.Versions(textLanguage).LastOrDefault() ?? found.Versions(Language.Fi).LastOrDefault();
        var body = latest is null ? string.Empty : (await publisher.SourceAsync(latest, cancellationToken)).Body;
        Input = new DraftInput
        {
            ChapterId = found.Id,
            Language = textLanguage,
            Version = choices[0].ToString(),
            Title = latest?.Title ?? string.Empty,
            Markdown = body,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await LoadSavedAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        CheckText(Parse());
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await LoadSavedAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        var chapterText = Parse();
        if (!ContentLoader.IsSlug(chapterText.ChapterId))
        {
            AddProblem("ChapterId", "Publish_BadSlug");
        }

        if (HasProblems)
        {
            return Page();
        }

        if (await drafts.SaveAsync(Id, chapterText, Editor, cancellationToken) is not { } id)
        {
            AddProblem(null, "Review_NotEditable");
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Draft(Language, id), "DraftSaved");
    }

    /// <summary>Checks the text, saves it and sends it to the review queue; the author's text stays on the page if anything stops it.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        if (await LoadSavedAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        var chapterText = Parse();
        if (!CheckText(chapterText))
        {
            return Page();
        }

        if (await drafts.SaveAsync(Id, chapterText, Editor, cancellationToken) is not { } id)
        {
            AddProblem(null, Saved?.State == DraftState.Submitted ? "Review_AlreadySubmitted" : "Review_NotEditable");
            return Page();
        }

        var submitted = await review.SubmitAsync(id, Editor, cancellationToken);
        if (!submitted.Succeeded)
        {
            Check = null;
            Comparison = null;
            ShowProblems(submitted.Problems);
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Home(Language), "DraftSubmitted", chapterText.Version);
    }

    /// <summary>The first step of publishing without review: the check, the preview and a confirmation naming what will be published.</summary>
    public async Task<IActionResult> OnPostConfirmPublishAsync(CancellationToken cancellationToken)
    {
        if (await LoadSavedAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        if (RequireReview)
        {
            AddProblem(null, "Review_Required");
            return Page();
        }

        Confirming = CheckText(Parse());
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (await LoadSavedAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        if (RequireReview)
        {
            AddProblem(null, "Review_Required");
            return Page();
        }

        var chapterText = Parse();
        if (HasProblems)
        {
            return Page();
        }

        Check = await drafts.PublishAsync(Id, chapterText, Editor, cancellationToken);
        if (!Check.CanPublish)
        {
            ShowProblems(Check.Problems);
            return Page();
        }

        var chapter = Check.Snapshot!.FindChapterById(chapterText.ChapterId)!;
        var version = chapter.Find(chapterText.Language, chapterText.Version)!;
        return RedirectWithNotice(EditorUrls.Home(Language), "DraftPublished", chapter.Number, version.Title, version.Version, SiteUrls.Version(chapter, version));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id && !await drafts.DeleteAsync(id, Editor, cancellationToken))
        {
            await LoadSavedAsync(cancellationToken);
            AddProblem(null, "Review_NotEditable");
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Home(Language), "DraftDeleted");
    }

    /// <summary>Reads an uploaded .md file into the text field; front matter in it fills the title and summary.</summary>
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            AddProblem("Upload", "Upload_Missing");
            return Page();
        }

        if (Upload.Length > MaxUploadBytes || !Upload.FileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Upload.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            AddProblem("Upload", "Upload_Invalid");
            return Page();
        }

        string uploaded;
        try
        {
            using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            uploaded = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            AddProblem("Upload", "Upload_NotUtf8");
            return Page();
        }

        var (title, summary, body) = publisher.SplitFrontMatter(uploaded);
        Input.Markdown = body;
        Input.Title = string.IsNullOrWhiteSpace(title) ? Input.Title : title;
        Input.Summary = string.IsNullOrWhiteSpace(summary) ? Input.Summary : summary;
        return Page();
    }

    /// <summary>
    /// The text as typed. A missing version or status is a problem on the page, but the text is
    /// still returned (with the first version offered and "published" standing in) so the check
    /// can report everything else in the same pass.
    /// </summary>
    private ChapterText Parse()
    {
        var choices = VersionChoices;
        if (!VersionNumber.TryParse(Input.Version, out var version))
        {
            AddProblem("Version", "Draft_VersionRequired");
            version = choices.Count > 0 ? choices[0] : new VersionNumber(1, 0);
        }

        if (!Enum.TryParse<VersionStatus>(Input.Status, out var status) || !ChapterPublisher.StatusChoices.Contains(Input.Status))
        {
            AddProblem("Status", "Publish_ChooseStatus");
            status = VersionStatus.Published;
        }

        return new ChapterText(
            Input.ChapterId.Trim(), Input.NewChapter ? Language.Fi : Input.Language, version, status,
            Input.Title ?? string.Empty, Input.Summary ?? string.Empty, Input.Markdown ?? string.Empty,
            Input.NewChapter ? Input.SlugFi?.Trim() ?? string.Empty : null,
            Input.NewChapter ? Input.SlugSv?.Trim() ?? string.Empty : null);
    }

    /// <summary>Runs the content check; on success keeps the preview and the comparison with the current version. True when the text can be published.</summary>
    private bool CheckText(ChapterText chapterText)
    {
        Check = publisher.Check(chapterText);
        ShowProblems(Check.Problems);
        if (HasProblems || Check.Preview is not { } preview)
        {
            return false;
        }

        Comparison = CurrentComparison(Snapshot, preview);
        return true;
    }

    /// <summary>The comparison of a new text with the version of the same chapter and language readers see now, if there is one.</summary>
    public static VersionComparison? CurrentComparison(ContentSnapshot snapshot, ChapterVersion preview) =>
        snapshot.FindChapterById(preview.ChapterId) is { } chapter && (chapter.Current(preview.Language) ?? chapter.Versions(preview.Language).LastOrDefault()) is { } current
            ? VersionComparison.Compare(current, preview)
            : null;

    /// <summary>The stored draft behind <see cref="Id"/>, for its state; NotFound when it is gone or already published.</summary>
    private async Task<IActionResult?> LoadSavedAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
        {
            return null;
        }

        Saved = await drafts.FindAsync(id, cancellationToken);
        return Saved is null or { State: DraftState.Published } ? NotFound() : null;
    }

    private void ShowProblems(IReadOnlyList<FieldProblem> problems)
    {
        TextProblems = [.. problems.Where(p => p.Field == "Markdown")];
        AddProblems(problems);
    }
}

/// <summary>The draft form's fields, as typed.</summary>
public sealed class DraftInput
{
    public string ChapterId { get; set; } = string.Empty;

    public Language Language { get; set; }

    public bool NewChapter { get; set; }

    public string? SlugFi { get; set; }

    public string? SlugSv { get; set; }

    public string? Version { get; set; }

    public string? Status { get; set; } = nameof(VersionStatus.Published);

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Markdown { get; set; }

    public static DraftInput From(ChapterDraft draft) => new()
    {
        ChapterId = draft.ChapterId,
        Language = draft.Language,
        NewChapter = draft.IsNewChapter,
        SlugFi = draft.NewChapterSlugFi,
        SlugSv = draft.NewChapterSlugSv,
        Version = draft.Version.ToString(),
        Status = draft.Status.ToString(),
        Title = draft.Title,
        Summary = draft.Summary,
        Markdown = draft.Markdown,
    };
}
