using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>What readers see of rounds: notices and comment links on chapters, and the rounds page.</summary>
public sealed class RoundPagesTests : IAsyncLifetime
{
    private readonly CollectingSink _log = new();
    private readonly CommentingPortal _portal;

    public RoundPagesTests() => _portal = new CommentingPortal(factory => factory
        .WithSetting("Serilog:MinimumLevel:Default", "Information")
        .WithServices(services => services.AddSingleton<ILogEventSink>(_log)));

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_version_in_an_open_round_says_until_when_and_offers_a_comment_link_on_every_section()
    {
        var page = await _portal.NewClient().GetPageAsync(CommentingPortal.VersionUrl);

        var notice = page.Document.QuerySelector(".notice--round")!.TextContent;
        Assert.Contains("Kommentoitavana kierroksella ”Testikierros” 4.12.2026 klo 12.00 asti.", notice, StringComparison.Ordinal);
        Assert.Equal(CommentingPortal.FormUrl, page.Href(".notice--round a.button"));
        var links = page.Document.QuerySelectorAll(".section-comment").ToList();
        Assert.Equal(page.Document.QuerySelectorAll(".chapter-body .section-heading").Length, links.Count);
        Assert.Contains(links, a => a.GetAttribute("href") == CommentingPortal.FormUrl + "/suostumus"
            && a.TextContent == "Kommentoi tätä kohtaa: Suostumus");
    }

    [Fact]
    public async Task The_chapter_page_points_to_its_newer_version_that_is_open_for_comments()
    {
        var page = await _portal.NewClient().GetPageAsync("/luku/kasittelyn-oikeusperusteet");

        Assert.Contains("Versio 1.2 on kommentoitavana 4.12.2026 klo 12.00 asti.", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll(".section-comment"));
    }

    [Fact]
    public async Task When_the_round_closes_the_cached_chapter_page_stops_offering_comments()
    {
        var client = _portal.NewClient();
        var open = await client.GetPageAsync(CommentingPortal.VersionUrl);
        Assert.NotEmpty(open.Document.QuerySelectorAll(".section-comment"));

        _portal.Advance(TimeSpan.FromDays(15));
        var closed = await client.GetPageAsync(CommentingPortal.VersionUrl);

        Assert.Empty(closed.Document.QuerySelectorAll(".section-comment"));
        Assert.Null(closed.Document.QuerySelector(".notice--round"));
    }

    [Fact]
    public async Task The_rounds_page_lists_open_upcoming_and_closed_rounds_in_both_languages()
    {
        await _portal.CreateRoundAsync(CommentingPortal.Start.AddDays(30), CommentingPortal.Start.AddDays(60), ("jatkokaytto", "0.1"));
        var client = _portal.NewClient();

        var finnish = await client.GetPageAsync("/kommentointikierrokset");
        var swedish = await client.GetPageAsync("/sv/kommentarsrundor");
        _portal.Advance(TimeSpan.FromDays(15));
        var later = await client.GetPageAsync("/kommentointikierrokset");

        Assert.Equal("Kommentointikierrokset", finnish.H1);
        Assert.Contains("Testikierros", finnish.Document.QuerySelector("#rounds-open")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Testikierros", finnish.Document.QuerySelector("#rounds-upcoming")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Avoimia kommentointikierroksia ei ole", later.Document.QuerySelector("#rounds-open")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Palauteraportti julkaistaan", later.Document.QuerySelector("#rounds-closed")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("sv", swedish.Language);
        Assert.Equal("Kommentarsrundor", swedish.H1);
        Assert.Contains("Testrunda", swedish.Text, StringComparison.Ordinal);
        Assert.Equal("/kommentointikierrokset", swedish.LanguageSwitchHref);
    }

    [Fact]
    public async Task An_unknown_round_is_not_found()
    {
        var page = await _portal.NewClient().GetPageAsync("/kommentointikierrokset/999");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task The_private_link_token_never_reaches_the_log_and_neither_does_personal_data()
    {
        var client = _portal.NewClient();
        var response = await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Lokiin kuulumaton teksti"));
        var token = CommentingPortal.TokenFrom(response);
        await client.GetAsync(response.Headers.Location);

        await WaitForAsync(() => _log.Events.Count(e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal)) >= 3);
        var everything = _log.Everything();
        Assert.Contains("/kommentti/{token}", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Maija", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("maija.meikalainen", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Lokiin kuulumaton", everything, StringComparison.Ordinal);
    }

    /// <summary>Request events are written when a response completes, a moment after the client has it; a condition still false after 5 s fails the test.</summary>
    private static async Task WaitForAsync(Func<bool> condition, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Still not true after 5 s: {expression}");
    }
}
