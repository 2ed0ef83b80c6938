using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Comments;

/// <summary>
/// What the submit and edit pages share: the comment fields (their rules are
/// <see cref="CommentInput.Validate"/>) and the refusals that concern the form as a whole.
/// </summary>
public abstract class CommentFormPageModel(ContentStore store, IStringLocalizer<SharedResource> text) : FormPageModel(store, text)
{
    [BindProperty]
    public CommentInput Input { get; set; } = new();

    protected void AddRefusal(CommentRefusal refusal) => AddProblem(null, refusal switch
    {
        CommentRefusal.RoundNotOpen => "Refusal_RoundNotOpen",
        CommentRefusal.NotCovered => "Refusal_NotCovered",
        CommentRefusal.AlreadySent => "Refusal_AlreadySent",
        _ => "Refusal_Withdrawn",
    });
}
