using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Infrastructure;

namespace Tietosuoja.Web.Pages;

/// <summary>The <c>Search</c> settings of how many searches run at once (ADR 0023).</summary>
public sealed class SearchConcurrencyOptions
{
    public const string Section = "Search";

    /// <summary>Searches served at the same time; 0 (the default) means one per processor, which keeps a core's share for the reading pages during a search storm (ADR 0023).</summary>
    public int ConcurrentSearches { get; set; }

    /// <summary>Searches that wait, oldest first, for one of those places; beyond them a search gets a 503.</summary>
    public int QueuedSearches { get; set; } = 100;
}

/// <summary>
/// A search is CPU work: many more of them at once than there are cores only share the cores, so
/// that each takes longer and whichever the thread pool happens to pick last waits longest. At most
/// <see cref="SearchConcurrencyOptions.ConcurrentSearches"/> run, the rest wait in arrival order,
/// and when the queue is full a search is refused politely (503 with Retry-After, the localized
/// status page) while reading pages, which never pass through here, keep being served (ADR 0023).
/// The lease covers the page's rendering, which is a third of a search page's work.
/// </summary>
public sealed class SearchConcurrency : IAsyncResourceFilter, IDisposable
{
    /// <summary>A queue of 100 drains in tens of milliseconds; a few seconds is plenty for a storm to pass.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private static readonly object RefusedKey = new();

    private readonly ConcurrencyLimiter _limiter;

    public SearchConcurrency(IOptions<SearchConcurrencyOptions> options)
    {
        var settings = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.ConcurrentSearches > 0 ? settings.ConcurrentSearches : Environment.ProcessorCount,
            QueueLimit = settings.QueuedSearches,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The limiter itself, so that tests can occupy its places.</summary>
    internal RateLimiter Limiter => _limiter;

    /// <summary>Whether this request is a search that was refused here (the status page then says so).</summary>
    public static bool Refused(HttpContext context) => context.Items.ContainsKey(RefusedKey);

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, context.HttpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The reader left while waiting: nobody to answer, and nothing went wrong.
            context.Result = new EmptyResult();
            return;
        }

        using var held = lease;
        if (!lease.IsAcquired)
        {
            PortalMetrics.SearchesRefused.Add(1);
            context.HttpContext.Items[RefusedKey] = true;
            Logging.RefusedUnderLoad(context.HttpContext);
            context.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            // Without a body, the status-code pages re-execute /error/503 in the page's language.
            context.Result = new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
            return;
        }

        await next();
    }

    public void Dispose() => _limiter.Dispose();
}
