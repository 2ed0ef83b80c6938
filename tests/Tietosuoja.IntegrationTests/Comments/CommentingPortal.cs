using System.Net;
using AngleSharp.Html.Dom;
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
public sealed class CommentingPortal : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public const string FormUrl = "/luku/kasittelyn-oikeusperusteet/versio/1.2/kommentoi";
    public const string SwedishFormUrl = "/sv/kapitel/personuppgiftsansvarig/version/1.1/kommentera";
    public const string VersionUrl = "/luku/kasittelyn-oikeusperusteet/versio/1.2";

    public CommentingPortal(Action<PortalFactory>? configure = null)
    {
        Factory = new FixturePortal().WithClock(Start);
        configure?.Invoke(Factory);
        RoundId = CreateRoundAsync(Start.AddDays(-1), Start.AddDays(14), ("oikeusperusteet", "1.2"), ("rekisterinpitaja", "1.1")).GetAwaiter().GetResult();
    }

    public PortalFactory Factory { get; }

    public int RoundId { get; }

    public HttpClient NewClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    public void Advance(TimeSpan time) => Factory.Clock!.Advance(time);

    public Task<int> CreateRoundAsync(DateTimeOffset opens, DateTimeOffset closes, params (string Chapter, string Version)[] targets) =>
        CreateRoundAsync(Factory, opens, closes, targets);

    /// <summary>A round as the editor area would create it, on any test host.</summary>
    public static async Task<int> CreateRoundAsync(PortalFactory factory, DateTimeOffset opens, DateTimeOffset closes, params (string Chapter, string Version)[] targets)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RoundService>().CreateAsync(
            new RoundDraft(
                "Testikierros", "Testrunda", "Kierroksen kuvaus.", "Rundans beskrivning.",
                opens.UtcDateTime, closes.UtcDateTime,
                [.. targets.Select(t => new RoundTarget(t.Chapter, VersionNumber.Parse(t.Version)))]),
            EditorIdentity.System,
            CancellationToken.None);
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

        return await PostFormAsync(client, form, "form.comment-form", fields);
    }

    /// <summary>
    /// Posts a form of a fetched page as a browser would: its current values (ticked radio buttons
    /// included), overridden by <paramref name="fields"/>, to its action, or to <paramref name="handler"/>
    /// of the page's own address, like a button with formaction="?handler=…".
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, FetchedPage page, string formSelector, IDictionary<string, string> fields, string? handler = null)
    {
        var form = (IHtmlFormElement)page.Document.QuerySelector(formSelector)!;
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden], input[type=text], input[type=email], input[type=datetime-local], input[type=radio]:checked").OfType<IHtmlInputElement>())
        {
            values.TryAdd(input.Name!, input.Value);
        }

        foreach (var area in form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>())
        {
            values[area.Name!] = area.Value;
        }

        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>())
        {
            values[select.Name!] = select.Value ?? string.Empty;
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var pagePath = page.Response.RequestMessage!.RequestUri!.AbsolutePath;
        var action = handler is not null ? $"{pagePath}?handler={handler}" : form.GetAttribute("action") ?? page.Response.RequestMessage.RequestUri.PathAndQuery;
        if (action.StartsWith('?'))
        {
            action = pagePath + action;
        }

        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
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

    public void Dispose() => Factory.Dispose();
}
