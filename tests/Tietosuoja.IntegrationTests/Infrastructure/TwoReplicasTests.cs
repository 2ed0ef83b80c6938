using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.IntegrationTests.Infrastructure;

/// <summary>
/// Two real Kestrel instances of the portal on one SQLite database and one content folder, as two
/// replicas behind a load balancer: what one does, the other honours.
/// </summary>
public sealed class TwoReplicasTests : IAsyncLifetime
{
    private readonly ContentFolderBuilder _content = ContentFolderBuilder.CopyOfFixtureContent();
    private readonly CookieContainer _cookies = new();
    private readonly List<PortalFactory> _replicas = [];
    private readonly List<HttpClient> _clients = [];
    private Process? _redis;

    private PortalFactory A => _replicas[0];

    private PortalFactory B => _replicas[1];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _clients.ForEach(client => client.Dispose());
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        if (_redis is { HasExited: false })
        {
            _redis.Kill();
            await _redis.WaitForExitAsync();
        }

        _redis?.Dispose();
        _content.Dispose();
    }

    [Fact]
    public async Task Forms_private_links_publications_and_parallel_comments_agree_across_two_replicas()
    {
        await StartAsync(redis: null, limit: 1000);
        var (clientA, clientB) = (Client(0), Client(1));

        // A form fetched from A and posted to B: the key ring is shared through the database.
        var form = await clientA.GetPageAsync(CommentingPortal.FormUrl);
        Advance(TimeSpan.FromSeconds(30));
        var posted = await clientB.PostFormAsync(form, "form.comment-form", CommentingPortal.ValidFields("Kommentti replikalta toiselle."));
        var token = CommentingPortal.TokenFrom(posted);

        // The private link made on A (by the post answered there) opens on B, and the other way round.
        var privateOnB = await clientB.GetPageAsync(SiteUrls.CommentLink(Language.Fi, token));
        Assert.Equal(HttpStatusCode.OK, privateOnB.Status);
        Assert.Contains("Kommentti replikalta toiselle.", privateOnB.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await clientA.GetPageAsync(SiteUrls.CommentLink(Language.Fi, token))).Status);

        // A version published on A is served by B within 5 s, though B had the page cached.
        Assert.Contains("1.1", (await clientB.GetPageAsync("/luku/rekisterinpitaja")).Document.QuerySelector(".version-meta")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await clientB.GetPageAsync("/luku/rekisterinpitaja")).Response.Headers.Age);
        var published = await A.Services.GetRequiredService<ChapterPublisher>().PublishAsync(
            new ChapterText("rekisterinpitaja", Language.Fi, new VersionNumber(1, 2), VersionStatus.Published, "Rekisterinpitäjä replikalta A", "Uusi versio.", "## Osio\n\nTeksti.\n"),
            CancellationToken.None);
        Assert.True(published.CanPublish);
        var watch = Stopwatch.StartNew();
        while ((await clientB.GetPageAsync("/luku/rekisterinpitaja")).H1 != "Rekisterinpitäjä replikalta A")
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "B still serves the old version after 5 s");
            await Task.Delay(50);
        }

        // 2 × 200 commenters, each with their own session, half on each replica, all sending at once.
        const int perReplica = 200;
        var sessions = Enumerable.Range(0, 2 * perReplica).Select(i => NewSession(i % 2)).ToList();
        var forms = await Task.WhenAll(sessions.Select(client => client.GetPageAsync(CommentingPortal.FormUrl)));
        Advance(TimeSpan.FromMinutes(1));
        var sending = Stopwatch.StartNew();
        var responses = await Task.WhenAll(sessions.Select((client, i) =>
            client.PostFormAsync(forms[i], "form.comment-form", CommentingPortal.ValidFields($"Rinnakkainen kommentti {i}"))));
        Assert.True(sending.Elapsed < TimeSpan.FromSeconds(60), $"400 comments took {sending.Elapsed}");
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        var texts = await CommentingPortal.WithDbAsync(B, db => db.Comments.Where(c => c.Text.StartsWith("Rinnakkainen")).Select(c => c.Text).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 2 * perReplica).Select(i => $"Rinnakkainen kommentti {i}").Order(), texts.Order());

        // Both replicas' retention jobs, at once, after the round's retention period: each record erased once.
        Advance(TimeSpan.FromDays(15 + 366));
        var erased = await Task.WhenAll(_replicas.Select(async replica =>
        {
            using var scope = replica.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().EraseExpiredAsync(CancellationToken.None);
        }));
        var stored = await CommentingPortal.WithDbAsync(A, db => db.Comments.CountAsync());
        Assert.Equal(stored, erased.Sum());
        Assert.Equal(0, await CommentingPortal.WithDbAsync(A, db => db.Comments.CountAsync(c => c.AuthorName != null || c.Email != null)));
    }

    [Fact]
    public async Task With_Redis_the_comment_rate_limit_counts_across_both_replicas()
    {
        var port = FreePort();
        _redis = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        })!;
        await WaitForPortAsync(port);
        await StartAsync(redis: $"127.0.0.1:{port}", limit: 3);

        // One person (one address) alternating between the replicas: the fourth comment is refused.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var client = Client(i % 2);
            var form = await client.GetPageAsync(CommentingPortal.FormUrl);
            Advance(TimeSpan.FromSeconds(30));
            statuses.Add((await client.PostFormAsync(form, "form.comment-form", CommentingPortal.ValidFields($"Kommentti {i}"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    private async Task StartAsync(string? redis, int limit)
    {
        for (var i = 0; i < 2; i++)
        {
            var replica = new PortalFactory(_content.Root).WithClock(CommentingPortal.Start)
                .WithSetting("Comments:SubmissionsPerWindow", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
                // Polled as in production, not the tests' 100 ms: "within 5 s" must hold at the real setting.
                .WithSetting("Content:PollInterval", "00:00:02")
                // Two processes' writers queue for one SQLite file (production replicas use SQL Server);
                // on a loaded test machine the queue for 400 inserts is longer than the 5 s default.
                .WithSetting("Database:CommandTimeout", "00:00:30");
            if (i == 1)
            {
                replica.WithSetting("Database:ConnectionString", $"Data Source={A.DatabasePath}");
            }

            if (redis is not null)
            {
                replica.WithSetting("Redis:Configuration", redis);
            }

            var port = FreePort();
            replica.WithSetting("Site:BaseUrl", $"http://127.0.0.1:{port}/");
            replica.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
            replica.StartServer();
            _replicas.Add(replica);
        }

        await CommentingPortal.CreateRoundAsync(A, CommentingPortal.Start.AddDays(-1), CommentingPortal.Start.AddDays(14), ("oikeusperusteet", "1.2"));
        // B learns of the round on its next refresh; ask it now rather than wait 10 s.
        await B.Services.GetRequiredService<RoundCatalog>().RefreshAsync(CancellationToken.None);
    }

    /// <summary>A client of one replica sharing the cookie jar with the other (cookies do not tell ports apart).</summary>
    private HttpClient Client(int replica) => NewClient(replica, _cookies);

    /// <summary>A separate person, with their own cookies.</summary>
    private HttpClient NewSession(int replica) => NewClient(replica, new CookieContainer());

    private HttpClient NewClient(int replica, CookieContainer cookies)
    {
        var address = _replicas[replica].Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        _clients.Add(client);
        return client;
    }

    private void Advance(TimeSpan time) => _replicas.ForEach(replica => replica.Clock!.Advance(time));

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
