using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tietosuoja.Web.Guidance;

/// <summary>Ready once valid content is being served; degraded when the latest change to content/ was refused.</summary>
public sealed class ContentHealthCheck(ContentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = !store.HasContent
            ? HealthCheckResult.Unhealthy($"No valid content loaded: {store.Errors.Length} errors")
            : store.Errors.IsEmpty
                ? HealthCheckResult.Healthy($"Content generation {store.Current.Generation}")
                : HealthCheckResult.Degraded($"Serving generation {store.Current.Generation}; the latest change was refused with {store.Errors.Length} errors");
        return Task.FromResult(result);
    }
}
