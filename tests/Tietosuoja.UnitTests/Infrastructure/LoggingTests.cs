using System.Text;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Infrastructure;

public sealed class LoggingTests
{
    [Theory]
    [InlineData("/kommentti/Q2F9aKz4lTfHtM8S4kKQXD4M6YSvq9H46P4icpiqgH8", "/kommentti/{token}")]
    [InlineData("/sv/kommentar/Q2F9aKz4lTfHtM8S4kKQXD4M6YSvq9H46P4icpiqgH8", "/sv/kommentar/{token}")]
    [InlineData("/luku/rekisterinpitaja", "/luku/rekisterinpitaja")]
    public void Any_event_logged_inside_a_request_carries_its_path_without_the_private_token(string path, string logged)
    {
        // As ASP.NET Core's request scope adds it to every event, e.g. antiforgery's warnings.
        var logEvent = new LogEvent(DateTimeOffset.UnixEpoch, LogEventLevel.Warning, null, new MessageTemplateParser().Parse("Something"),
            [new LogEventProperty("RequestPath", new ScalarValue(path))]);

        new SecretPathEnricher(new SiteUrlSecrets()).Enrich(logEvent, null!);

        Assert.Equal(logged, ((ScalarValue)logEvent.Properties["RequestPath"]).Value);
    }

    [Fact]
    public void Every_event_reaches_the_output_in_order_by_the_time_the_logger_is_closed()
    {
        var output = new MemoryStream();
        using (var logger = new LoggerConfiguration()
            .WriteTo.Sink(new BatchedConsoleSink(new RenderedCompactJsonFormatter(), output), new BatchingOptions { BatchSizeLimit = 2 })
            .CreateLogger())
        {
            foreach (var path in new[] { "/", "/luku/rekisterinpitaja", "/sv/kapitel/rattslig-grund" })
            {
                logger.Information("HTTP {RequestMethod} {RequestPath} responded {StatusCode}", "GET", path, 200);
            }
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"@m\":\"HTTP \\\"GET\\\" \\\"/luku/rekisterinpitaja\\\" responded 200\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"RequestPath\":\"/sv/kapitel/rattslig-grund\"", lines[2], StringComparison.Ordinal);
    }
}
