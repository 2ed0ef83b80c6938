using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Infrastructure;

namespace Tietosuoja.Web.Pages;

/// <summary>
/// What every page with a form shares: the problems with what was sent (<see cref="FieldProblem"/>,
/// the one shape every rule returns), their messages in the reader's language for the error
/// summary and beside each field, the "Virhe:" title prefix while there are problems, and the ids
/// and names of fields bound to an <c>Input</c> property.
/// </summary>
public abstract class FormPageModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public const string InputPrefix = "Input";

    private readonly List<FieldProblem> _problems = [];

    /// <summary>Fields the form reader already found wrong (<see cref="FormFaults"/>): that finding is their message.</summary>
    private readonly HashSet<string> _faultFields = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<FieldProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    public override string PageTitle => HasProblems ? T["ErrorTitlePrefix", Title] : Title;

    /// <summary>The page's own title, without the error prefix.</summary>
    public abstract string Title { get; }

    /// <summary>What the error summary lists: every problem, each with the id of the element it links to (null for the form as a whole).</summary>
    public IEnumerable<(string? ElementId, string Message)> Summary =>
        _problems.Select(p => (p.Field is null ? null : ElementId(p.Field), Message(p)));

    public static string FieldId(string field) => $"{InputPrefix}_{field}";

    public static string FieldName(string field) => $"{InputPrefix}.{field}";

    /// <summary>
    /// Whether the page has what it needs to render its form after the database failed mid-handler
    /// (a page that loads its subject from the database may not have it).
    /// </summary>
    public virtual bool CanShowFormAgain => true;

    /// <summary>The form again as typed, with the message that nothing was saved and to try again shortly.</summary>
    public virtual void ShowAgainAfterDatabaseFailure() => AddProblem(null, "DatabaseUnavailable");

    /// <summary>The message of the first problem with a field, by its name (as in <see cref="FieldProblem.Field"/>); null when it has none.</summary>
    public string? ErrorFor(string field) => _problems.FirstOrDefault(p => p.Field == field) is { } problem ? Message(problem) : null;

    public void AddProblem(FieldProblem problem)
    {
        // The same rule may run twice (the page, then the service before storing), and a field the
        // form reader found wrong would otherwise also be "required" or "unshowable".
        if (problem.Field is { } field && _faultFields.Contains(field)
            || _problems.Any(p => p.Field == problem.Field && p.MessageKey == problem.MessageKey && p.Arguments.SequenceEqual(problem.Arguments)))
        {
            return;
        }

        _problems.Add(problem);
    }

    public void AddProblems(IEnumerable<FieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            AddProblem(problem);
        }
    }

    protected void AddProblem(string? field, string messageKey, params object[] arguments) => AddProblem(new FieldProblem(field, messageKey, arguments));

    /// <summary>
    /// The id of the element a field's problem links to: <c>Input_X</c> for the properties of
    /// <c>Input</c>. Pages with fields bound elsewhere (on the page itself, or a handler argument)
    /// name their elements here.
    /// </summary>
    protected virtual string ElementId(string field) => FieldId(field);

    /// <summary>
    /// A form the framework could not read and <see cref="FormRecovery"/> read leniently: its
    /// faults are problems of their fields before the handler runs (a handler stores nothing while
    /// there are problems), and the form shown again answers 400. (Without [NonHandler], Razor
    /// Pages takes an override named On… for a handler of the method "PAGE".)
    /// </summary>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpContext.Features.Get<FormFaults>() is { } faults)
        {
            foreach (var (name, fault) in faults.Fields)
            {
                var field = name.StartsWith(InputPrefix + ".", StringComparison.OrdinalIgnoreCase) ? name[(InputPrefix.Length + 1)..] : name;
                AddProblem(field, fault == FormFault.NulCharacter ? PlainText.UnshowableMessage : "Error_FieldTooLarge");
                _faultFields.Add(field);
            }
        }

        base.OnPageHandlerExecuting(context);
    }

    [NonHandler]
    public override void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Result is PageResult && HttpContext.Features.Get<FormFaults>() is { Fields.Count: > 0 } && Response.StatusCode < StatusCodes.Status400BadRequest)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        base.OnPageHandlerExecuted(context);
    }

    /// <summary>
    /// A problem's message in the reader's language. A content error among its arguments (the
    /// content check's finding in an editor's text) becomes its own message in that language too:
    /// Guidance keeps codes and arguments, only a page makes text of them.
    /// </summary>
    public string Message(FieldProblem problem) =>
        T[problem.MessageKey, [.. problem.Arguments.Select(argument => argument is ContentError error ? T[error.MessageKey, error.Arguments].Value : argument)]];
}
