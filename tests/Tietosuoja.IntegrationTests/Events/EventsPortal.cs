using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;

namespace Tietosuoja.IntegrationTests.Events;

/// <summary>
/// The commenting portal (fixture content, own database, a clock the test moves, one open round)
/// with the outbox left unsent, so tests read each mail's recipient, language and text from it.
/// </summary>
public sealed class EventsPortal : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = CommentingPortal.Start;

    /// <summary>The meeting link of every test event: it must never reach a public page or the feed.</summary>
    public const string MeetingLink = "https://teams.example.org/l/meetup-join/salainen-kokous-4711";

    private EventsPortal(CommentingPortal portal) => Portal = portal;

    public CommentingPortal Portal { get; }

    public PortalFactory Factory => Portal.Factory;

    public static async Task<EventsPortal> StartAsync(Action<PortalFactory>? configure = null)
    {
        var portal = await CommentingPortal.StartAsync(factory =>
        {
            factory.WithSetting("Mail:SendingEnabled", "false");
            configure?.Invoke(factory);
        });
        return new EventsPortal(portal);
    }

    public ValueTask DisposeAsync() => Portal.DisposeAsync();

    public HttpClient NewClient() => Portal.NewClient();

    public void Advance(TimeSpan time) => Portal.Advance(time);

    /// <summary>An event registration for which opened an hour ago, closes in <paramref name="closesIn"/> and starts a week after that.</summary>
    public async Task<int> CreateEventAsync(EventKind kind, int? capacity, TimeSpan? closesIn = null, int? roundId = null, params string[] chapters)
    {
        var now = Factory.Clock!.GetUtcNow().UtcDateTime;
        var closes = now + (closesIn ?? TimeSpan.FromDays(7));
        var draft = new EventDraft(
            kind, "Etätyöpaja oikeusperusteista", "Distansworkshop om rättslig grund", "Käymme läpi luvun 2.", "Vi går igenom kapitel 2.",
            chapters.Length == 0 ? ["oikeusperusteet"] : chapters, roundId ?? Portal.RoundId,
            closes.AddDays(7), closes.AddDays(7).AddHours(3), now.AddHours(-1), closes, capacity, MeetingLink);
        var saved = await WithAsync<EventAdmin, EventSaved>(admin => admin.CreateAsync(draft, EditorIdentity.System, CancellationToken.None));
        Assert.Empty(saved.Problems);
        return saved.EventId;
    }

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = Factory.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query) => Portal.WithDbAsync(query);

    public Task<List<OutboxMail>> OutboxAsync() => WithDbAsync(db => db.OutboxMails.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public Task<List<EventRegistration>> RegistrationsAsync(int eventId) =>
        WithDbAsync(db => db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    public static Dictionary<string, string> Fields(string name, string email, OrganisationType type = OrganisationType.Municipality, ParticipantRole role = ParticipantRole.DataProtectionOfficer) => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.OrganisationName"] = "Esimerkkilän kaupunki",
        ["Input.OrganisationType"] = type.ToString(),
        ["Input.Role"] = role.ToString(),
        ["Input.Contribution"] = "Kokemusta suostumusten hallinnasta.",
        ["Input.Consent"] = "true",
    };

    public static string RegisterUrl(Language language, int eventId) => EventUrls.Register(language, eventId);

    /// <summary>Opens the registration form like a person would, waits a little on the fake clock and sends it.</summary>
    public async Task<HttpResponseMessage> RegisterAsync(HttpClient client, int eventId, IDictionary<string, string> fields, Language language = Language.Fi)
    {
        var form = await client.GetPageAsync(RegisterUrl(language, eventId));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Advance(TimeSpan.FromSeconds(30));
        return await client.PostFormAsync(form, "form.registration-form", fields);
    }

    /// <summary>Registers and returns the private link's token from the redirect.</summary>
    public async Task<string> RegisteredAsync(int eventId, IDictionary<string, string> fields, Language language = Language.Fi)
    {
        var response = await RegisterAsync(NewClient(), eventId, fields, language);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(EventUrls.Registration(language, string.Empty), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return CommentingPortal.TokenFrom(response);
    }
}
