using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>
/// Writing a chapter version: paste or upload Markdown, preview it as readers will see it with the
/// content loader's own checks, save it as a draft, and publish it (or put it out for consultation).
/// </summary>
public sealed class DraftModel(ContentStore store, IStringLocalizer<SharedResource> text, DraftService drafts, ChapterPublisher publisher)
    : EditorPageModel(store, text)
{
    public const int MaxUploadBytes = 1024 * 1024;

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The saved draft being edited; null for a text not saved yet.</summary>
    [FromRoute]
    public int? Id { get; set; }

    public PublishCheck? Check { get; private set; }

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
            if (await drafts.FindAsync(id, cancellationToken) is not { } draft)
            {
                return NotFound();
            }

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

    public IActionResult OnPostPreview()
    {
        if (Parse() is { } chapterText)
        {
            Check = publisher.Check(chapterText);
            ShowProblems(Check.Problems);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (Parse() is not { } chapterText)
        {
            return Page();
        }

        if (!ContentLoader.IsSlug(chapterText.ChapterId))
        {
            AddProblem("ChapterId", "Publish_BadSlug");
            return Page();
        }

        var id = await drafts.SaveAsync(Id, chapterText, Editor, cancellationToken);
        return RedirectWithNotice(EditorUrls.Draft(Language, id), "DraftSaved");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (Parse() is not { } chapterText)
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
        if (Id is { } id)
        {
            await drafts.DeleteAsync(id, Editor, cancellationToken);
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

    private ChapterText? Parse()
    {
        if (!VersionNumber.TryParse(Input.Version, out var version))
        {
            AddProblem("Version", "Error_Required");
        }

        if (!Enum.TryParse<VersionStatus>(Input.Status, out var status) || !ChapterPublisher.StatusChoices.Contains(Input.Status))
        {
            AddProblem("Status", "Publish_ChooseStatus");
        }

        if (HasProblems)
        {
            return null;
        }

        return new ChapterText(
            Input.ChapterId.Trim(), Input.NewChapter ? Language.Fi : Input.Language, version, status,
            Input.Title ?? string.Empty, Input.Summary ?? string.Empty, Input.Markdown ?? string.Empty,
            Input.NewChapter ? Input.SlugFi?.Trim() ?? string.Empty : null,
            Input.NewChapter ? Input.SlugSv?.Trim() ?? string.Empty : null);
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
