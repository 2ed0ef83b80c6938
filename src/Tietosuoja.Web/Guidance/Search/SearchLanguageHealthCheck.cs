using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// Reports which dictionaries search uses. Always Healthy: without Voikko or hunspell-sv, search
/// still answers every query, only with the stemmers' coarser matching. Readiness decides whether
/// an instance gets traffic, and a missing dictionary is no reason to take it out; Degraded is kept
/// for what an editor must act on (a refused content change). The description says what is missing.
/// </summary>
public sealed class SearchLanguageHealthCheck(LanguageTools tools) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var description = tools.Problems.Count == 0
            ? $"Finnish: {tools.Finnish!.Description}; Swedish: {tools.Swedish!.Description}"
            : string.Join("; ", tools.Problems);
        return Task.FromResult(HealthCheckResult.Healthy(description));
    }
}

/// <summary>Loads the dictionaries at start, so the first search does not wait for them, and says once in the log what is missing.</summary>
public sealed partial class SearchLanguageStartup(ILogger<SearchLanguageStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var tools = LanguageTools.Default;
        foreach (var problem in tools.Problems)
        {
            MissingDictionary(logger, problem);
        }

        if (tools.Problems.Count == 0)
        {
            Dictionaries(logger, tools.Finnish!.Description, tools.Swedish!.Description);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void MissingDictionary(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search dictionaries: Finnish {Finnish}, Swedish {Swedish}")]
    private static partial void Dictionaries(ILogger logger, string finnish, string swedish);
}
