using Serilog.Events;
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
}
