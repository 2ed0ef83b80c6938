using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>
/// The portal with the test fixture content, its own database and a clock the test moves, plus
/// one round open "now" on chapter 2 version 1.2 (Finnish) and chapter 1 version 1.1 (both languages).
/// </summary>
public sealed class CommentingPortal : IAsyncLifetime, IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public const string FormUrl = "/luku/kasittelyn-oikeusperusteet/versio/1.2/kommentoi";
    public const string SwedishFormUrl = "/sv/kapitel/personuppgiftsansvarig/version/1.1/kommentera";
    public const string VersionUrl = "/luku/kasittelyn-oikeusperusteet/versio/1.2";

    /// <summary>The portal, not yet started: a test class holds it and starts it in its own <see cref="IAsyncLifetime.InitializeAsync"/>.</summary>
    public CommentingPortal(Action<PortalFactory>? configure = null)
    {
        Factory = new FixturePortal().WithClock(Start);
        configure?.Invoke(Factory);
    }

    public PortalFactory Factory { get; }

    /// <summary>The round open "now", created by <see cref="InitializeAsync"/>.</summary>
    public int RoundId { get; private set; }

    /// <summary>A started portal for one test that needs its own settings: <c>await using var portal = await CommentingPortal.StartAsync(…)</c>.</summary>
    public static async Task<CommentingPortal> StartAsync(Action<PortalFactory>? configure = null)
    {
        var portal = new CommentingPortal(configure);
        await portal.InitializeAsync();
        return portal;
    }

    public async Task InitializeAsync() =>
        RoundId = await CreateRoundAsync(Start.AddDays(-1), Start.AddDays(14), ("oikeusperusteet", "1.2"), ("rekisterinpitaja", "1.1"));

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public HttpClient NewClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    public void Advance(TimeSpan time) => Factory.Clock!.Advance(time);

    public Task<int> CreateRoundAsync(DateTimeOffset opens, DateTimeOffset closes, params (string Chapter, string Version)[] targets) =>
        CreateRoundAsync(Factory, opens, closes, targets);

    /// <summary>A round as the editor area would create it, on any test host.</summary>
    public static async Task<int> CreateRoundAsync(PortalFactory factory, DateTimeOffset opens, DateTimeOffset closes, params (string Chapter, string Version)[] targets)
    {
        using var scope = factory.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<RoundService>().CreateAsync(
            new RoundDraft(
                "Testikierros", "Testrunda", "Kierroksen kuvaus.", "Rundans beskrivning.",
                opens.UtcDateTime, closes.UtcDateTime,
                [.. targets.Select(t => new RoundTarget(t.Chapter, VersionNumber.Parse(t.Version)))]),
            EditorIdentity.System,
            CancellationToken.None);
        Assert.Empty(saved.Problems);
        return saved.RoundId;
    }

    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query) => WithDbAsync(Factory, query);

    /// <summary>Runs a query against a test host's own database.</summary>
    public static async Task<T> WithDbAsync<T>(PortalFactory factory, Func<PortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task<List<Comment>> CommentsAsync() => WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    /// <summary>
    /// Opens the form like a person would, waits a little (on the fake clock) and sends it with the
    /// given fields on top of the form's own hidden fields (antiforgery token, time stamp).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDictionary<string, string> fields, string formUrl = FormUrl, TimeSpan? wait = null)
    {
        var form = await client.GetPageAsync(formUrl);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        if (wait is null or { Ticks: > 0 })
        {
            Advance(wait ?? TimeSpan.FromSeconds(30));
        }

        return await client.PostFormAsync(form, "form.comment-form", fields);
    }

    public static Dictionary<string, string> ValidFields(string text = "Suostumusta koskeva kohta on selkeä.") => new()
    {
        ["Input.Text"] = text,
        ["Input.OrganisationType"] = nameof(OrganisationType.Municipality),
        ["Input.OrganisationName"] = "Esimerkkilän kaupunki",
        ["Input.AuthorName"] = "Maija Meikäläinen",
        ["Input.Email"] = "maija.meikalainen@example.org",
        ["Input.ConsentToPublish"] = "true",
    };

    /// <summary>The token from a redirect to the private link.</summary>
    public static string TokenFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var path = location.Split('?')[0];
        return path[(path.LastIndexOf('/') + 1)..];
    }
}
