using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Tietosuoja.Web.Infrastructure;

public static class Logging
{
    /// <summary>Serilog, configured from the "Serilog" section of appsettings.</summary>
    public static IServiceCollection AddPortalLogging(this IServiceCollection services, IConfiguration configuration)
    {
        // The host's own logger, not the static Log.Logger: two hosts in one process (tests) stay apart.
        services.AddSerilog(
            (provider, logger) => logger
                .ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext()
                .Enrich.With(new SecretPathEnricher(provider.GetRequiredService<ISecretPaths>())),
            preserveStaticLogger: true);
        return services;
    }

    /// <summary>
    /// One event per request with method, path (never the query string, never a private link's token), status and duration.
    /// Nothing identifies the reader: no IP address, user agent or cookies.
    /// </summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            var secrets = app.ApplicationServices.GetRequiredService<ISecretPaths>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(secrets.Redact(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
}

/// <summary>
/// Every event logged inside a request carries the request's path (ASP.NET Core's logging scope),
/// not only the request log line: a warning on a private comment page would otherwise write the
/// token into the log. The path is redacted wherever it appears as the RequestPath property.
/// </summary>
internal sealed class SecretPathEnricher(ISecretPaths secrets) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.TryGetValue("RequestPath", out var value) && value is ScalarValue { Value: string path })
        {
            var redacted = secrets.Redact(path);
            if (redacted != path)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty("RequestPath", new ScalarValue(redacted)));
            }
        }
    }
}
