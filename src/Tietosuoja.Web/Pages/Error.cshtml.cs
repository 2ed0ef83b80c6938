using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

/// <summary>Friendly status pages, in the language of the address the reader asked for.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public int Code { get; private set; }

    public bool IsForbidden => Code == StatusCodes.Status403Forbidden;

    /// <summary>The message keys of the page's title and text: the codes a reader can meet have their own, any other gets the general error.</summary>
    private (string Title, string Text) Keys => Code switch
    {
        StatusCodes.Status400BadRequest => ("BadRequestTitle", "BadRequestText"),
        StatusCodes.Status403Forbidden => ("ForbiddenTitle", "ForbiddenText"),
        StatusCodes.Status404NotFound => ("NotFoundTitle", "NotFoundText"),
        StatusCodes.Status405MethodNotAllowed => ("MethodNotAllowedTitle", "MethodNotAllowedText"),
        StatusCodes.Status413PayloadTooLarge => ("TooLargeTitle", "TooLargeText"),
        // Too many searches at once (SearchConcurrency); reading pages still work.
        StatusCodes.Status503ServiceUnavailable when SearchConcurrency.Refused(HttpContext) => ("SearchBusyTitle", "SearchBusyText"),
        // The database could not be used; reading pages still work.
        StatusCodes.Status503ServiceUnavailable => ("UnavailableTitle", "UnavailableText"),
        _ => ("ErrorTitle", "ErrorText"),
    };

    public override string PageTitle => T[Keys.Title];

    /// <summary>The audit trail is the one page only the Admin role may open; its 403 says so rather than only "no access".</summary>
    public string Explanation => IsForbidden && IsAuditTrail ? T["ForbiddenAdminText"] : T[Keys.Text];

    /// <summary>For a refused search, the same search again (the words are in its address), so that nothing typed is lost.</summary>
    public string? RetryUrl => Code == StatusCodes.Status503ServiceUnavailable && SearchConcurrency.Refused(HttpContext)
        && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original
            ? original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString
            : null;

    private bool IsAuditTrail =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } path
        && Languages.All.Any(language => string.Equals(path.TrimEnd('/'), Editing.EditorUrls.Audit(language), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Runs for every method, also when no handler matches (a 405 for TRACE is re-executed here as
    /// TRACE). The code comes from the route, never from model binding: a refused form post is
    /// re-executed as a POST whose body may be the very thing that could not be read.
    /// </summary>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        Code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599
            ? code
            : StatusCodes.Status404NotFound;
        // Reached directly rather than re-executed: answer with the status the page describes.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = Code;
        }

        base.OnPageHandlerExecuting(context);
    }

    public void OnGet()
    {
    }

    /// <summary>A refused form post (such as a failed antiforgery check) is re-executed here as a POST.</summary>
    public void OnPost()
    {
    }
}
