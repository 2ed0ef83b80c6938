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

    /// <summary>The filters of the list the comment was opened from; next and previous walk that list.</summary>
    [BindProperty(SupportsGet = true)]
    public CommentListQuery Filters { get; set; } = new();

    /// <summary>Null when the comment is not in the filtered list (its status changed, say).</summary>
    public CommentNeighbours? Neighbours { get; private set; }

    /// <summary>A comment's page in this language, keeping the list's filters.</summary>
    public string Link(long commentId) => Filters.AppendTo(EditorUrls.Comment(Language, commentId));

    /// <summary>A form's address for <paramref name="handler"/>; it keeps the filters, so the redirect after it does too.</summary>
    public string Action(string handler) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Link(Id), "handler", handler);

    /// <summary>The round's comment list with the filters this comment was opened with.</summary>
    public string ListLink => Filters.AppendTo(EditorUrls.RoundComments(Language, Comment.RoundId));

    [BindProperty]
    public HandlingInput Input { get; set; } = new();

    public Comment Comment { get; private set; } = null!;

    /// <summary>The editors' internal notes; never shown on public pages.</summary>
    public IReadOnlyList<CommentNote> Notes { get; private set; } = [];

    /// <summary>A new note as typed, kept when it is refused.</summary>
    [BindProperty]
    public string? Note { get; set; }

    public bool IsAssignedToMe => Comment.AssignedToId == Editor.Id;

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

    public override string AlternateLanguageUrl => Filters.AppendTo(EditorUrls.Comment(Language.Other(), Id));

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

        return RedirectWithNotice(Link(Id), "CommentHandled");
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = HandlingInput.From(Comment);
        AddProblems(await handling.AddNoteAsync(Id, Note, Editor, cancellationToken));
        return HasProblems ? Page() : RedirectWithNotice(Link(Id), "NoteAdded");
    }

    /// <summary>Takes the comment for the signed-in editor, or with <paramref name="release"/>, leaves it to nobody.</summary>
    public async Task<IActionResult> OnPostAssignAsync(bool release, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await handling.AssignAsync(Id, release ? null : Editor, Editor, cancellationToken);
        return RedirectWithNotice(Link(Id), release ? "CommentReleased" : "CommentAssignedToYou");
    }

    protected override string ElementId(string field) => field == "Note" ? "note-text" : base.ElementId(field);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await handling.FindAsync(Id, cancellationToken) is not { } comment)
        {
            return false;
        }

        Comment = comment;
        Notes = await handling.NotesAsync(Id, cancellationToken);
        Neighbours = await handling.NeighboursAsync(Id, comment.RoundId, Filters.Filter(Editor.Id), Filters.Sort, cancellationToken);
        return true;
    }
}
