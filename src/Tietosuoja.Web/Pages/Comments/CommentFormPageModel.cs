using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Comments;

/// <summary>An error as the error summary lists it: the field's id (null for the form as a whole) and the message.</summary>
public sealed record FormError(string? FieldId, string Message);

/// <summary>
/// What the submit and edit pages share: the comment fields, their errors in the reader's
/// language and the error summary that links to them.
/// </summary>
public abstract class CommentFormPageModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public const string InputPrefix = "Input";

    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public List<FormError> Errors { get; } = [];

    public override string PageTitle => Errors.Count > 0 ? T["ErrorTitlePrefix", Title] : Title;

    /// <summary>The page's own title, without the error prefix.</summary>
    public abstract string Title { get; }

    public static string FieldId(string field) => $"{InputPrefix}_{field}";

    public static string FieldName(string field) => $"{InputPrefix}.{field}";

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.FieldId == FieldId(field))?.Message;

    protected void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            Errors.Add(new FormError(FieldId(error.Field), T[error.MessageKey]));
        }
    }

    protected void AddFormError(string messageKey, params object[] arguments) => Errors.Add(new FormError(null, T[messageKey, arguments]));

    protected void AddRefusal(CommentRefusal refusal) => AddFormError(refusal switch
    {
        CommentRefusal.RoundNotOpen => "Refusal_RoundNotOpen",
        CommentRefusal.NotCovered => "Refusal_NotCovered",
        _ => "Refusal_Withdrawn",
    });
}
