using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages;

/// <summary>
/// The one place where a database that cannot be used right now (locked, timed out, gone) becomes
/// an answer: 503 with Retry-After. A form that was being sent is shown again as it was typed,
/// with a message in the person's language that nothing was saved and to try again shortly; any
/// other page gets the 503 status page. Page handlers need no try/catch of their own.
/// </summary>
public sealed partial class DatabaseUnavailableFilter(ILogger<DatabaseUnavailableFilter> logger) : IAsyncPageFilter
{
    /// <summary>Long enough for a lock or a fail-over to pass, short enough that people wait for it.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled || !DatabaseFailure.IsUnavailable(exception))
        {
            return;
        }

        LogUnavailable(logger, exception, context.ActionDescriptor.ViewEnginePath, context.HttpContext.Request.Method);
        executed.ExceptionHandled = true;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && executed.HandlerInstance is FormPageModel { CanShowFormAgain: true } form)
        {
            form.ShowAgainAfterDatabaseFailure();
            executed.Result = new PageResult { StatusCode = StatusCodes.Status503ServiceUnavailable };
            return;
        }

        // Without a body, the status-code pages re-execute /error/503 in the page's language.
        executed.Result = new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be used for {Page} ({Method}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string page, string method);
}
