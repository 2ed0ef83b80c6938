using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.BrowserTests;

/// <summary>
/// The portal on a real Kestrel server bound to 127.0.0.1, and Debian's Chromium driven by
/// Playwright. Playwright cannot download its own browsers here, so the system one is used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    // A copy of the test fixture content: the editor tests publish into it.
    private readonly ContentFolderBuilder _content = ContentFolderBuilder.CopyOfFixtureContent();
    private readonly PortalFactory _portal;
    private IPlaywright? _playwright;

    public BrowserFixture()
    {
        _portal = new PortalFactory(_content.Root)
            // The fill-time check is covered by the integration tests; a scripted browser types in milliseconds.
            .WithSetting("Comments:MinimumFillTime", "00:00:00");
    }

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Where the portal writes its mails as .eml files (no SMTP host in the browser tests).</summary>
    public string MailFolder => _portal.MailFolder;

    /// <summary>The round open on chapter 2 version 1.2 ("Luvun 2 kommentointikierros").</summary>
    public int RoundId { get; private set; }

    private static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
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

    public async Task InitializeAsync()
    {
        // The portal's absolute links (private comment links, the print line) come from Site:BaseUrl,
        // so the port is chosen before the server starts: a free one, asked of the system.
        var port = FreeLoopbackPort();
        _portal.WithSetting("Site:BaseUrl", $"http://127.0.0.1:{port}/");
        _portal.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _portal.StartServer();
        var address = _portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUrl = new Uri(address);
        RoundId = await OpenRoundAsync();

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}. Run tests/run-all.sh, which installs it, or set CHROMIUM_PATH.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>Chapter 2 version 1.2 is open for comments for the whole test run.</summary>
    private async Task<int> OpenRoundAsync()
    {
        using var scope = _portal.Services.CreateScope();
        var now = DateTime.UtcNow;
        var saved = await scope.ServiceProvider.GetRequiredService<RoundService>().CreateAsync(
            new RoundDraft(
                "Luvun 2 kommentointikierros", "Kommentarsrunda om kapitel 2", "Kommentoi luvun 2 versiota 1.2.", "Kommentera version 1.2 av kapitel 2.",
                now.AddDays(-1), now.AddDays(30), [new RoundTarget("oikeusperusteet", new VersionNumber(1, 2))]),
            EditorIdentity.System,
            CancellationToken.None);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("The browser tests' round was refused: " + string.Join(", ", saved.Problems.Select(p => p.MessageKey)));
        }

        return saved.RoundId;
    }

    /// <summary>A scope of the running portal's services, for a test that sets up its own data (events and their registrants).</summary>
    public IServiceScope CreateScope() => _portal.Services.CreateScope();

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _portal.DisposeAsync();
        _content.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
