using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// The portal's own instruments, on one Meter named "Tietosuoja" that every folder may record on
/// (docs/deployment.md lists them). Features add their instruments here rather than creating
/// meters of their own, so that one AddMeter exports them all.
/// </summary>
public static class PortalMetrics
{
    public const string MeterName = "Tietosuoja";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Content loads, tagged outcome=accepted|refused.</summary>
    public static readonly Counter<long> ContentReloads = Meter.CreateCounter<long>("tietosuoja.content.reloads", description: "Content folder loads, by outcome (accepted, refused)");

    /// <summary>The generation of the snapshot in service.</summary>
    public static readonly Gauge<long> SnapshotGeneration = Meter.CreateGauge<long>("tietosuoja.content.generation", description: "Generation of the content snapshot in service");

    public static readonly Counter<long> CommentsSubmitted = Meter.CreateCounter<long>("tietosuoja.comments.submitted", description: "Comments stored");

    /// <summary>Comments turned away, tagged reason (honeypot, too_fast, form_expired, rate_limited, invalid, round_not_open, …).</summary>
    public static readonly Counter<long> CommentsRefused = Meter.CreateCounter<long>("tietosuoja.comments.refused", description: "Comment submissions refused, by reason");

    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>(
        "tietosuoja.search.duration", unit: "ms", description: "Time to answer a search query (analysis, index, snippets)");

    /// <summary>Searches answered 503 because as many were running and waiting as the Search settings allow (ADR 0023).</summary>
    public static readonly Counter<long> SearchesRefused = Meter.CreateCounter<long>("tietosuoja.search.refused", description: "Searches refused because the search queue was full");

    /// <summary>Publications from the editor area, tagged outcome=published|refused.</summary>
    public static readonly Counter<long> PublishResults = Meter.CreateCounter<long>("tietosuoja.publish.results", description: "Publications, by outcome (published, refused)");

    public static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}

/// <summary>
/// The background work's instruments (mail outbox, content repository push), on the "Tietosuoja"
/// Meter of the host's <see cref="IMeterFactory"/> rather than the static one: each host (two in
/// one test process, as the replica tests start) reports its own outbox and pushes, and an
/// exporter's AddMeter("Tietosuoja") collects them with the rest.
/// </summary>
public sealed class OperationsMetrics
{
    private readonly Counter<long> _mailResults;
    private readonly Counter<long> _pushResults;
    private long _outboxLength;

    public OperationsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PortalMetrics.MeterName);
        _mailResults = meter.CreateCounter<long>("tietosuoja.mail.results", description: "Mail delivery attempts, by outcome (sent, failed: tried again later, refused: the address bounces)");
        _pushResults = meter.CreateCounter<long>("tietosuoja.content.push.results", description: "Pushes of the content repository to its remote, by outcome (pushed, failed)");
        // Read from the sender's last pass: a scrape never queries the database.
        meter.CreateObservableGauge("tietosuoja.mail.outbox.length", () => Volatile.Read(ref _outboxLength), description: "Mails waiting in the outbox at the sender's last pass");
    }

    public void MailSent() => _mailResults.Add(1, PortalMetrics.Tag("outcome", "sent"));

    public void MailFailed() => _mailResults.Add(1, PortalMetrics.Tag("outcome", "failed"));

    public void MailRefused() => _mailResults.Add(1, PortalMetrics.Tag("outcome", "refused"));

    public void OutboxLength(long waiting) => Volatile.Write(ref _outboxLength, waiting);

    public void Pushed() => _pushResults.Add(1, PortalMetrics.Tag("outcome", "pushed"));

    public void PushFailed() => _pushResults.Add(1, PortalMetrics.Tag("outcome", "failed"));
}

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard variable that turns the OTLP exporter on; without it nothing is collected or sent.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, EF Core, .NET runtime, the
    /// portal's Meter) over OTLP, only when OTEL_EXPORTER_OTLP_ENDPOINT is set; the other OTEL_*
    /// variables (protocol, headers, service name) apply as the SDK defines them. A private link's
    /// token never leaves in a span: the path is redacted as in the logs, and no client address is recorded.
    /// </summary>
    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OperationsMetrics>();
        if (string.IsNullOrWhiteSpace(configuration[EndpointVariable]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("tietosuoja-portal", serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                    options.EnrichWithHttpRequest = (activity, request) =>
                    {
                        var secrets = request.HttpContext.RequestServices.GetRequiredService<ISecretPaths>();
                        activity.SetTag("url.path", secrets.Redact(request.Path.Value ?? "/"));
                        activity.SetTag("url.query", null);
                        activity.SetTag("client.address", null);
                        activity.SetTag("user_agent.original", null);
                    };
                })
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PortalMetrics.MeterName))
            .UseOtlpExporter();
        return services;
    }
}
