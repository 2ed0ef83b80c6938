using Microsoft.AspNetCore.Mvc.Filters;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// For pages that show what is nobody else's business (the editor area's unpublished text and
/// personal data, a commenter's private page): never stored by a browser or shared cache, never
/// indexed. Applied by page convention where the pages are registered, so no page has to remember.
/// </summary>
public sealed class PrivatePageFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        // As antiforgery would set it on a page with a form, so it has nothing to override.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
