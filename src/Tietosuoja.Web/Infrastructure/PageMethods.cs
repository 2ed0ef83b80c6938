using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// Methods a page does not handle get 405 with an <c>Allow</c> header. Razor Pages themselves run
/// a page for any method: without a handler for it (TRACE, PUT …) the page renders with nothing
/// loaded, which fails on the first property its OnGet would have filled, a 500 and an error log
/// line for anyone who asks. Routing's own 405 only covers endpoints that declare their methods,
/// which pages do not; their handlers do, so the allowed set is read from them once per page:
/// GET and HEAD (every page can be shown) and the method of each handler. OPTIONS is answered
/// with the same header and no body.
/// </summary>
public static class PageMethods
{
    private static readonly ConcurrentDictionary<CompiledPageActionDescriptor, string[]> Allowed = new();

    /// <summary>Goes after routing (the endpoint is known) and before authentication, so the answer is the same for everyone.</summary>
    public static IApplicationBuilder UsePageMethods(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // A re-executed status page runs with the method of the request that failed; it must still render.
        if (context.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var allowed = Allowed.GetOrAdd(page, MethodsOf);
        if (allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        context.Response.Headers.Allow = string.Join(", ", allowed);
        context.Response.StatusCode = HttpMethods.IsOptions(context.Request.Method)
            ? StatusCodes.Status204NoContent
            : StatusCodes.Status405MethodNotAllowed;
    });

    /// <summary>The methods a page handles, in a stable order for the header.</summary>
    public static string[] MethodsOf(CompiledPageActionDescriptor page) =>
        [.. new[] { HttpMethods.Get, HttpMethods.Head }
            .Concat(page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()))
            .Distinct(StringComparer.Ordinal)];
}
