using System.Net;
using System.Text.Json;
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
    public async Task Readiness_in_json_names_the_search_dictionaries_and_stays_healthy()
    {
        var client = _portal.CreateClient();
        var (status, health) = await ReadinessAsync(client);
        // The Swedish dictionary loads once the server listens (ADR 0017); readiness says so meanwhile.
        for (var tries = 0; Description(health).Contains("still loading", StringComparison.Ordinal) && tries < 600; tries++)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Matches(@"^Finnish: Voikko \(libvoikko\.so\.1, Finnish dictionary\); Swedish: Hunspell \(sv_(FI|SE)\) still loading \(words not in the analysis cache wait for it\)$", Description(health));
            await Task.Delay(100);
            health.Dispose();
            (status, health) = await ReadinessAsync(client);
        }

        using (health)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
            var dictionaries = health.RootElement.GetProperty("checks").GetProperty("search-dictionaries");
            Assert.Equal("Healthy", dictionaries.GetProperty("status").GetString());
            // This machine has the Debian packages (the test command installs them): both are named.
            Assert.Matches(@"^Finnish: Voikko \(libvoikko\.so\.1, Finnish dictionary\); Swedish: Hunspell \(sv_(FI|SE)\)$", Description(health));
        }
    }

    private static async Task<(HttpStatusCode Status, JsonDocument Health)> ReadinessAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/ready", UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static string Description(JsonDocument health) =>
        health.RootElement.GetProperty("checks").GetProperty("search-dictionaries").GetProperty("description").GetString()!;

    [Fact]
    public async Task Request_log_has_the_path_but_no_query_string_or_client_address()
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        await client.GetAsync(new Uri("/luku/rekisterinpitaja?token=salainen-avain&email=matti@example.org", UriKind.Relative));

        // The request event is written once the response has completed, which can be just after the client has it.
        var request = await _sink.WaitForRequestEventAsync("/luku/rekisterinpitaja");
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
        await _sink.WaitForRequestEventAsync("/haku");
        Assert.DoesNotContain("Meikäläi", _sink.Everything(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_are_logged_at_information_and_the_stylesheet_and_icons_at_debug()
    {
        var sink = new CollectingSink();
        using var portal = new FixturePortal()
            .WithSetting("Serilog:MinimumLevel:Default", "Debug")
            .WithServices(services => services.AddSingleton<ILogEventSink>(sink));
        var client = portal.CreateClient();
        var page = await client.GetPageAsync("/luku/rekisterinpitaja");
        var stylesheet = page.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(stylesheet, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/css/ei-ole.css", UriKind.Relative))).StatusCode);

        Assert.Equal(LogEventLevel.Information, (await sink.WaitForRequestEventAsync("/luku/rekisterinpitaja")).Level);
        Assert.Equal(LogEventLevel.Debug, (await sink.WaitForRequestEventAsync(stylesheet)).Level);
        Assert.Equal(LogEventLevel.Debug, (await sink.WaitForRequestEventAsync("/favicon.ico")).Level);
        // A missing file is worth seeing: a broken link in a page.
        Assert.Equal(LogEventLevel.Information, (await sink.WaitForRequestEventAsync("/css/ei-ole.css")).Level);
    }
}
