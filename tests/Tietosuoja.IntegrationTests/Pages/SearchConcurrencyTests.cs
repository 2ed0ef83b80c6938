using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Pages;

namespace Tietosuoja.IntegrationTests.Pages;

/// <summary>
/// Searches beyond Search:ConcurrentSearches wait their turn, beyond Search:QueuedSearches they get
/// a polite 503 in the reader's language, and reading pages are never held up by either (ADR 0023).
/// The tests occupy the limiter's places themselves, as searches in progress would.
/// </summary>
public sealed class SearchConcurrencyTests
{
    [Fact]
    public async Task A_search_beyond_the_queue_gets_the_busy_page_in_the_readers_language_while_reading_pages_are_served()
    {
        using var factory = new PortalFactory(RepoPaths.FixtureContent)
            .WithSetting("Search:ConcurrentSearches", "1")
            .WithSetting("Search:QueuedSearches", "0");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var limiter = factory.Services.GetRequiredService<SearchConcurrency>().Limiter;

        using (var running = limiter.AttemptAcquire(1))
        {
            Assert.True(running.IsAcquired);

            var finnish = await client.GetPageAsync("/haku?q=" + Uri.EscapeDataString("voiko kunta käyttää suostumusta"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, finnish.Status);
            Assert.Equal(SearchConcurrency.RetryAfter, finnish.Response.Headers.RetryAfter?.Delta);
            Assert.Equal("Haku on juuri nyt ruuhkautunut", finnish.H1);
            Assert.Contains("Ohjeet ovat luettavissa tavalliseen tapaan", finnish.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            var retry = finnish.Document.QuerySelectorAll("main a").Single(a => a.TextContent == "Tee sama haku uudelleen");
            Assert.Equal("/haku?q=" + Uri.EscapeDataString("voiko kunta käyttää suostumusta"), retry.GetAttribute("href"));

            var swedish = await client.GetPageAsync("/sv/sok?q=samtycke");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, swedish.Status);
            Assert.Equal("sv", swedish.Language);
            Assert.Equal("Sökningen är överbelastad just nu", swedish.H1);
            Assert.Equal("/sv/sok?q=samtycke", swedish.Document.QuerySelectorAll("main a").Single(a => a.TextContent == "Gör samma sökning igen").GetAttribute("href"));

            var reading = await client.GetPageAsync("/luku/rekisterinpitaja");
            Assert.Equal(HttpStatusCode.OK, reading.Status);
            Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/")).Status);
        }

        var after = await client.GetPageAsync("/haku?q=" + Uri.EscapeDataString("voiko kunta käyttää suostumusta"));
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEmpty(after.Document.QuerySelectorAll(".search-result"));
    }

    [Fact]
    public async Task A_search_waits_in_the_queue_while_the_places_are_taken_and_is_answered_when_one_frees()
    {
        using var factory = new PortalFactory(RepoPaths.FixtureContent)
            .WithSetting("Search:ConcurrentSearches", "1")
            .WithSetting("Search:QueuedSearches", "1");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var limiter = factory.Services.GetRequiredService<SearchConcurrency>().Limiter;

        var running = limiter.AttemptAcquire(1);
        Assert.True(running.IsAcquired);
        var waiting = client.GetPageAsync("/sv/sok?q=samtycke");
        for (var tries = 0; limiter.GetStatistics()!.CurrentQueuedCount == 0 && tries < 300; tries++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.False(waiting.IsCompleted);
        // The queue's one place is taken by the search above: the next is refused, not queued.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetPageAsync("/haku?q=suostumus")).Status);

        running.Dispose();
        var page = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Document.QuerySelectorAll(".search-result"));
    }

    [Fact]
    public async Task A_refused_search_with_markup_in_its_words_offers_them_back_only_as_an_escaped_link_and_is_logged_as_a_warning_without_them()
    {
        const string words = "\"><script>alert('haku')</script>&sort=x <b>suostumus</b>";
        var sink = new CollectingSink();
        using var factory = new PortalFactory(RepoPaths.FixtureContent)
            .WithSetting("Search:ConcurrentSearches", "1")
            .WithSetting("Search:QueuedSearches", "0")
            .WithSetting("Serilog:MinimumLevel:Default", "Information")
            .WithServices(services => services.AddSingleton<ILogEventSink>(sink));
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var running = factory.Services.GetRequiredService<SearchConcurrency>().Limiter.AttemptAcquire(1);
        Assert.True(running.IsAcquired);

        var busy = await client.GetPageAsync("/haku?q=" + Uri.EscapeDataString(words));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
        Assert.Equal("Haku on juuri nyt ruuhkautunut", busy.H1);
        var main = busy.Document.QuerySelector("main")!;
        Assert.Empty(main.QuerySelectorAll("script, b"));
        Assert.DoesNotContain("alert", main.TextContent, StringComparison.Ordinal);
        var retry = main.QuerySelectorAll("a").Single(a => a.TextContent == "Tee sama haku uudelleen");
        Assert.Equal("/haku?q=" + Uri.EscapeDataString(words), retry.GetAttribute("href"));

        var logged = await sink.WaitForRequestEventAsync("/haku");
        Assert.Equal(LogEventLevel.Warning, logged.Level);
        Assert.Contains("responded 503", logged.RenderMessage(null), StringComparison.Ordinal);
        Assert.DoesNotContain("suostumus", sink.Everything(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", sink.Everything(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_reader_who_leaves_while_waiting_gives_the_place_in_the_queue_to_the_next_search()
    {
        using var factory = new PortalFactory(RepoPaths.FixtureContent)
            .WithSetting("Search:ConcurrentSearches", "1")
            .WithSetting("Search:QueuedSearches", "1");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var limiter = factory.Services.GetRequiredService<SearchConcurrency>().Limiter;
        // Disposed below to free the place; the using frees it too if an assertion fails first, so the host can stop.
        using var running = limiter.AttemptAcquire(1);
        Assert.True(running.IsAcquired);

        using (var leaving = new CancellationTokenSource())
        {
            var abandoned = client.GetAsync(new Uri("/haku?q=suostumus", UriKind.Relative), leaving.Token);
            await WaitForQueuedAsync(limiter, 1);
            await leaving.CancelAsync();
            // The test server answers the client once the request's pipeline ends: bounded, so a request that
            // stays queued fails the test rather than hanging it.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        await WaitForQueuedAsync(limiter, 0);
        // The place the reader left is free: this search waits in it rather than being refused.
        var next = client.GetPageAsync("/sv/sok?q=samtycke");
        await WaitForQueuedAsync(limiter, 1);
        running.Dispose();
        var page = await next.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Document.QuerySelectorAll(".search-result"));
    }

    [Theory]
    [InlineData("Search:ConcurrentSearches")]
    [InlineData("Search:QueuedSearches")]
    public void A_negative_number_of_searches_stops_the_start_and_names_the_setting(string setting)
    {
        using var factory = new PortalFactory(RepoPaths.FixtureContent).WithSetting(setting, "-1");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(setting + " must be 0", error.AllMessages(), StringComparison.Ordinal);
    }

    private static async Task WaitForQueuedAsync(System.Threading.RateLimiting.RateLimiter limiter, int queued)
    {
        for (var tries = 0; limiter.GetStatistics()!.CurrentQueuedCount != queued && tries < 300; tries++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(queued, limiter.GetStatistics()!.CurrentQueuedCount);
    }
}
