using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Comments;

/// <summary>
/// What the submit and edit pages share: the comment fields, their errors in the reader's
/// language and the error summary that links to them.
/// </summary>
public abstract class CommentFormPageModel(ContentStore store, IStringLocalizer<SharedResource> text) : FormPageModel(store, text)
{
    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.FieldId == FieldId(field))?.Message;

    protected void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            Errors.Add(new FormError(FieldId(error.Field), T[error.MessageKey]));
        }
    }

    protected void AddRefusal(CommentRefusal refusal) => AddFormError(refusal switch
    {
        CommentRefusal.RoundNotOpen => "Refusal_RoundNotOpen",
        CommentRefusal.NotCovered => "Refusal_NotCovered",
        _ => "Refusal_Withdrawn",
    });
}
