using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>One comment in context (the text of the section it is about), with its handling: status, public response, moderation.</summary>
public sealed class CommentModel(ContentStore store, IStringLocalizer<SharedResource> text, CommentHandling handling) : EditorPageModel(store, text)
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty]
    public HandlingInput Input { get; set; } = new();

    public Comment Comment { get; private set; } = null!;

    public Chapter? Chapter => Snapshot.FindChapterById(Comment.ChapterId);

    public ChapterVersion? Version => Chapter?.Find(Comment.Language, Comment.Version);

    /// <summary>The readable text of the section the comment is about; empty for a comment on the whole chapter.</summary>
    public IEnumerable<TextBlock> SectionText =>
        Comment.SectionAnchor is { } anchor && Version is { } version ? version.Text.Where(b => b.SectionAnchor == anchor) : [];

    /// <summary>The text the team answered, when the author has rewritten it since.</summary>
    public CommentRevision? AnsweredText => CommentHandling.AnsweredText(Comment);

    /// <summary>What the author changed after the answer, word by word, with the reader's version comparison.</summary>
    public IEnumerable<DiffPiece> AnsweredDiff => AnsweredText is { } answered ? VersionComparison.WordDiff(answered.Text, Comment.Text) : [];

    public override string Title => T["CommentTitle", Id];

    public override string AlternateLanguageUrl => EditorUrls.Comment(Language.Other(), Id);

    /// <summary>The handling form sits beside the comment, which the failed request may not have read.</summary>
    public override bool CanShowFormAgain => Comment is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = HandlingInput.From(Comment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        AddProblems(Input.Validate());
        if (!HasProblems)
        {
            AddProblems(await handling.HandleAsync(Id, Input, Editor, cancellationToken));
        }

        if (HasProblems)
        {
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Comment(Language, Id), "CommentHandled");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await handling.FindAsync(Id, cancellationToken) is not { } comment)
        {
            return false;
        }

        Comment = comment;
        return true;
    }
}
