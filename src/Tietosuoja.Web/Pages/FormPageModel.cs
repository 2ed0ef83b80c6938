using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

/// <summary>An error as the error summary lists it: the field's id (null for the form as a whole) and the message.</summary>
public sealed record FormError(string? FieldId, string Message);

/// <summary>
/// What every page with a form shares: the errors the error summary lists, each tied to its
/// field, the "Virhe:" title prefix while there are errors, and the ids and names of fields bound
/// to an <c>Input</c> property.
/// </summary>
public abstract class FormPageModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public const string InputPrefix = "Input";

    public List<FormError> Errors { get; } = [];

    public override string PageTitle => Errors.Count > 0 ? T["ErrorTitlePrefix", Title] : Title;

    /// <summary>The page's own title, without the error prefix.</summary>
    public abstract string Title { get; }

    public static string FieldId(string field) => $"{InputPrefix}_{field}";

    public static string FieldName(string field) => $"{InputPrefix}.{field}";

    /// <summary>
    /// Whether the page has what it needs to render its form after the database failed mid-handler
    /// (a page that loads its subject from the database may not have it).
    /// </summary>
    public virtual bool CanShowFormAgain => true;

    /// <summary>The form again as typed, with the message that nothing was saved and to try again shortly.</summary>
    public virtual void ShowAgainAfterDatabaseFailure() => AddFormError("DatabaseUnavailable");

    protected void AddFormError(string messageKey, params object[] arguments) => Errors.Add(new FormError(null, T[messageKey, arguments]));
}
