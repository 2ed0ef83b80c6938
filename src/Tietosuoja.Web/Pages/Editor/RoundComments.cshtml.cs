using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>A round's comments: filters with counts, a page of results, and a bulk status change for the ticked ones.</summary>
public sealed class RoundCommentsModel(ContentStore store, IStringLocalizer<SharedResource> text, RoundCatalog catalog, CommentHandling handling)
    : EditorPageModel(store, text)
{
    [FromRoute]
    public int Id { get; set; }

    /// <summary>The filters and the order, from the query string; bound without a prefix ("q", "status", ...).</summary>
    [BindProperty(SupportsGet = true)]
    public CommentListQuery Filters { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public RoundInfo Round { get; private set; } = null!;

    public CommentCounts Counts { get; private set; } = null!;

    public CommentList List { get; private set; } = null!;

    public override string Title => T["RoundCommentsTitle", Round.Title(Language)];

    public override string AlternateLanguageUrl => EditorUrls.RoundComments(Language.Other(), Id);

    /// <summary>The list is read only after a bulk change; without it there is nothing to show again.</summary>
    public override bool CanShowFormAgain => List is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The bulk change's fields are the handler's arguments; with no comment ticked, the problem points at the hint.</summary>
    protected override string ElementId(string field) => field switch
    {
        "selected" => "select-all-hint",
        "newStatus" => "bulk-status",
        _ => base.ElementId(field),
    };

    /// <summary>The comments ticked when the bulk change came back with a problem: they stay ticked.</summary>
    public IReadOnlySet<long> Selected { get; private set; } = new HashSet<long>();

    /// <summary>True when the bulk change was to cover every comment matching the filters, not only the ticked ones on this page.</summary>
    public bool AllMatching { get; private set; }

    public async Task<IActionResult> OnPostBulkAsync(List<long> selected, HandlingStatus? newStatus, bool allMatching, CancellationToken cancellationToken)
    {
        if (catalog.Find(Id) is null)
        {
            return NotFound();
        }

        if ((selected.Count == 0 && !allMatching) || newStatus is null)
        {
            await LoadAsync(cancellationToken);
            Selected = selected.ToHashSet();
            AllMatching = allMatching;
            AddProblem(selected.Count == 0 && !allMatching ? "selected" : "newStatus", selected.Count == 0 && !allMatching ? "BulkNothingSelected" : "BulkChooseStatus");
            return Page();
        }

        var ids = allMatching ? await handling.MatchingIdsAsync(Id, Filter, cancellationToken) : selected;
        var changed = await handling.SetStatusAsync(Id, ids, newStatus.Value, Editor, cancellationToken);
        return RedirectWithNotice(Link(PageNumber), "BulkChanged", changed, StatusName(newStatus.Value));
    }

    /// <summary>The bulk change posts back to this list with its filters, so the redirect returns to the same view.</summary>
    public string BulkAction => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Link(List.Paging.Page), "handler", "Bulk");

    public string SectionName(string? anchor, string? heading) => anchor is null ? T["WholeChapter"] : heading ?? anchor;

    /// <summary>This list's address with the same filters and another page.</summary>
    public string Link(int page) => Filters.AppendTo(EditorUrls.RoundComments(Language, Id), page);

    /// <summary>A comment's page with this list's filters, so that its next and previous links walk the same list.</summary>
    public string CommentLink(long commentId) => Filters.AppendTo(EditorUrls.Comment(Language, commentId));

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (catalog.Find(Id) is not { } round)
        {
            return false;
        }

        Round = round;
        Counts = await handling.CountAsync(Id, cancellationToken);
        List = await handling.ListAsync(Id, Filter, PageNumber, cancellationToken, Filters.Sort);
        return true;
    }

    /// <summary>The filters as the query string has them; the bulk change posts to the same address, so it sees the same ones.</summary>
    private CommentFilter Filter => Filters.Filter(Editor.Id);
}
