using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Infrastructure;

public sealed class HealthAndLoggingTests : IDisposable
{
    private readonly CollectingSink _sink = new();
    private readonly PortalFactory _portal;

    public HealthAndLoggingTests()
    {
        _portal = new FixturePortal()
            .WithSetting("Serilog:MinimumLevel:Default", "Information")
            .WithServices(services => services.AddSingleton<ILogEventSink>(_sink));
    }

    public void Dispose() => _portal.Dispose();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string url)
    {
        var response = await _portal.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_log_has_the_path_but_no_query_string_or_client_address()
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        await client.GetAsync(new Uri("/luku/rekisterinpitaja?token=salainen-avain&email=matti@example.org", UriKind.Relative));

        // The request event is written once the response has completed, which can be just after the client has it.
        var request = await WaitForRequestEventAsync("/luku/rekisterinpitaja");
        Assert.Contains("responded 200", request.RenderMessage(null), StringComparison.Ordinal);
        var everything = _sink.Everything();
        Assert.DoesNotContain("salainen-avain", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("matti@example.org", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.7", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_a_reader_searches_for_is_not_logged()
    {
        var client = _portal.CreateClient();

        var response = await client.GetAsync(new Uri("/haku?q=" + Uri.EscapeDataString("Maija Meikäläisen potilastiedot"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForRequestEventAsync("/haku");
        Assert.DoesNotContain("Meikäläi", _sink.Everything(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<LogEvent> WaitForRequestEventAsync(string path)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var found = _sink.Events.FirstOrDefault(e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal) && e.RenderMessage(null).Contains(path, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No request log event for {path} within 5 s");
    }

}
