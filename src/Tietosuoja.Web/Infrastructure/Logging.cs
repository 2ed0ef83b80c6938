using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Tietosuoja.Web.Infrastructure;

public static class Logging
{
    /// <summary>The setting that turns the console's JSON lines into text lines of this template (Development, Testing).</summary>
    public const string ConsoleTemplateSetting = "Serilog:ConsoleOutputTemplate";

    /// <summary>
    /// Serilog, configured from the "Serilog" section of appsettings (levels, and any further sinks
    /// under WriteTo), writing to standard output: compact JSON, or text lines when
    /// <see cref="ConsoleTemplateSetting"/> is set. The console sink is set up here rather than under
    /// WriteTo, where each environment's file could only override it by array index, merging its
    /// arguments into the base file's.
    /// </summary>
    public static IServiceCollection AddPortalLogging(this IServiceCollection services, IConfiguration configuration)
    {
        var template = configuration[ConsoleTemplateSetting];
        // The host's own logger, not the static Log.Logger: two hosts in one process (tests) stay apart.
        services.AddSerilog(
            (provider, logger) => logger
                .ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext()
                .Enrich.With(new SecretPathEnricher(provider.GetRequiredService<ISecretPaths>()))
                .WriteTo.BatchedConsole(string.IsNullOrEmpty(template)
                    ? new RenderedCompactJsonFormatter()
                    : new MessageTemplateTextFormatter(template, CultureInfo.InvariantCulture)),
            preserveStaticLogger: true);
        return services;
    }

    /// <summary>
    /// Standard output in batches: events queue (Serilog's own batching, bounded), and a background
    /// writer formats a batch and writes it with one flush, instead of one locked write system call
    /// per event on the thread of the request. A line reaches the output within a tenth of a second;
    /// the queue is flushed when the host stops.
    /// </summary>
    private static LoggerConfiguration BatchedConsole(this LoggerSinkConfiguration sinks, ITextFormatter formatter) =>
        sinks.Sink(new BatchedConsoleSink(formatter, Console.OpenStandardOutput()), new BatchingOptions
        {
            BatchSizeLimit = 1000,
            BufferingTimeLimit = TimeSpan.FromMilliseconds(100),
            EagerlyEmitFirstEvent = true,
            QueueLimit = 100_000,
        });

    private static readonly object RefusedUnderLoadKey = new();

    /// <summary>
    /// Marks the response as a refusal the portal gives on purpose when it has more work than it
    /// serves (a search beyond the queue, ADR 0023): a 5xx that is logged at Warning, not Error, so
    /// that a search storm does not page whoever watches the errors, while reading goes on.
    /// </summary>
    public static void RefusedUnderLoad(HttpContext context) => context.Items[RefusedUnderLoadKey] = true;

    /// <summary>
    /// One event per request with method, path (never the query string, never a private link's token), status and duration.
    /// Nothing identifies the reader: no IP address, user agent or cookies. Pages are logged at
    /// Information; the files of wwwroot (stylesheet, script, icons: immutable, fetched once per
    /// reader) at Debug and health probes at Verbose, unless they fail; a 5xx at Error, except a
    /// refusal under load (<see cref="RefusedUnderLoad"/>) at Warning (docs/deployment.md).
    /// </summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            var secrets = app.ApplicationServices.GetRequiredService<ISecretPaths>();
            var staticAssets = StaticAssetSegments(app.ApplicationServices.GetRequiredService<IWebHostEnvironment>());
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(secrets.Redact(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            options.GetLevel = (context, _, exception) =>
                exception is null && context.Items.ContainsKey(RefusedUnderLoadKey) ? LogEventLevel.Warning
                : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : context.Response.StatusCode < 400 && IsStaticAsset(context.Request.Path, staticAssets) ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });

    /// <summary>The first path segments of what wwwroot serves: its files and folders ("favicon.ico", "css", …), fingerprinted or not.</summary>
    private static FrozenSet<string> StaticAssetSegments(IWebHostEnvironment environment) =>
        environment.WebRootFileProvider.GetDirectoryContents(string.Empty).Select(entry => entry.Name).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool IsStaticAsset(PathString path, FrozenSet<string> segments)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || segments.Count == 0)
        {
            return false;
        }

        var rest = value.AsSpan(1);
        var slash = rest.IndexOf('/');
        return segments.GetAlternateLookup<ReadOnlySpan<char>>().Contains(slash < 0 ? rest : rest[..slash]);
    }
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

/// <summary>Formats a batch of events onto the output (standard output) and flushes once.</summary>
internal sealed class BatchedConsoleSink(ITextFormatter formatter, Stream output) : IBatchedLogEventSink, IDisposable
{
    private readonly StreamWriter _output = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        foreach (var logEvent in batch)
        {
            formatter.Format(logEvent, _output);
        }

        await _output.FlushAsync();
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    public void Dispose() => _output.Dispose();
}
