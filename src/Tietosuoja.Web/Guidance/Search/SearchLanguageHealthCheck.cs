using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// Reports which dictionaries search uses. Always Healthy: without Voikko or hunspell-sv, search
/// still answers every query, only with the stemmers' coarser matching, and while the Swedish
/// dictionary loads (seconds after start) the guidance's words come from the analysis cache and a
/// query word not in it waits for the dictionary. Readiness decides whether an instance gets
/// traffic, and neither is a reason to take it out; Degraded is kept for what an editor must act
/// on (a refused content change). The description says what is missing or still loading.
/// </summary>
public sealed class SearchLanguageHealthCheck(LanguageTools tools) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = tools.Problems;
        var loading = tools.IsSwedishLoading ? $"Swedish: {tools.Swedish!.Description} still loading (words not in the analysis cache wait for it)" : null;
        var description = problems.Count == 0
            ? loading is null ? $"Finnish: {tools.Finnish!.Description}; Swedish: {tools.Swedish!.Description}" : $"Finnish: {tools.Finnish!.Description}; {loading}"
            : string.Join("; ", loading is null ? problems : [.. problems, loading]);
        return Task.FromResult(HealthCheckResult.Healthy(description));
    }
}

/// <summary>
/// Says once in the log what is missing and, shortly after the server listens (<see cref="BackgroundStart"/>:
/// not beside the first requests), reads the Swedish dictionary on a thread of its own (unless a
/// word outside the analysis cache needed it earlier), so that the first query word it must
/// analyze does not wait for it; logs which dictionaries search uses when it is read.
/// </summary>
public sealed partial class SearchLanguageStartup(
    ILogger<SearchLanguageStartup> logger, StartupTimeline timeline, BackgroundStart start, IHostApplicationLifetime lifetime) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var tools = LanguageTools.Default;
        tools.AttachLogger(logger);
        foreach (var problem in tools.Problems)
        {
            MissingDictionary(logger, problem);
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _ = LoadSwedishAsync();
        return Task.CompletedTask;
    }

    private async Task LoadSwedishAsync()
    {
        try
        {
            await start.WaitAsync(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var tools = LanguageTools.Default;
        var missing = tools.Problems.Count;
        // The load catches its own failures (they become a problem below): it never throws.
        await tools.LoadSwedishAsync();
        timeline.Reached("Swedish dictionary loaded");
        // A dictionary found at start that could not be read is a problem only now.
        foreach (var problem in tools.Problems.Skip(missing))
        {
            MissingDictionary(logger, problem);
        }

        if (tools.Problems.Count == 0)
        {
            Dictionaries(logger, tools.Finnish!.Description, tools.Swedish!.Description);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void MissingDictionary(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search dictionaries: Finnish {Finnish}, Swedish {Swedish}")]
    private static partial void Dictionaries(ILogger logger, string finnish, string swedish);
}
