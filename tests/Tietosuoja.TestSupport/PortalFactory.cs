using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Tietosuoja.TestSupport;

/// <summary>
/// The portal in the Testing environment, reading the given content folder (checked for changes
/// ten times a second) and writing to its own SQLite database file, so tests never share data.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly Dictionary<string, string> _settings = [];
    private string _environment = "Testing";
    private readonly string _databaseFolder = Path.Combine(Path.GetTempPath(), "tietosuoja-tests", Guid.NewGuid().ToString("N"));

    public PortalFactory(string contentPath)
    {
        ContentPath = contentPath;
        Directory.CreateDirectory(_databaseFolder);
        DatabasePath = Path.Combine(_databaseFolder, "portal.db");
    }

    public string ContentPath { get; }

    public string DatabasePath { get; }

    /// <summary>Where the app writes mails as .eml files while no SMTP host is configured (Mail:PickupDirectory).</summary>
    public string MailFolder => Path.Combine(_databaseFolder, "mail");

    /// <summary>The app's clock, when the test controls time (see <see cref="WithClock"/>).</summary>
    public FakeTimeProvider? Clock { get; private set; }

    public PortalFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public PortalFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Runs the app in another environment than Testing, such as Production.</summary>
    public PortalFactory WithEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    /// <summary>Gives the app a clock the test moves by hand (round opening and closing, fill time, retention).</summary>
    public PortalFactory WithClock(DateTimeOffset now)
    {
        Clock = new FakeTimeProvider(now);
        var clock = Clock;
        return WithServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }

    /// <summary>One analysis cache folder per test process, removed when the process ends.</summary>
    private static readonly Lazy<string> SearchCacheFolder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tietosuoja-search-cache-{Environment.ProcessId}-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Only a temporary folder: a file still open at exit leaves it for the system's cleaning.
            }
        };
        return folder;
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Content:PollInterval", "00:00:00.100");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        // Never App_Data/mail under the source tree: each test host has its own pickup folder.
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        // Nor App_Data/search-cache: what an earlier run left there must not decide this run's
        // start (the dictionaries are loaded once per process, so the first host's folder is the one used).
        builder.UseSetting("Search:CachePath", SearchCacheFolder.Value);
        // Each host loads its content afresh (a test that replaces a service of the load must see
        // it run); PersistedSnapshotTests, and a test that sets it, cover the stored snapshot.
        builder.UseSetting("Content:PersistSnapshot", "false");
        // Tests look at what the background workers did right after start, not seconds later.
        builder.UseSetting("Startup:BackgroundDelay", "00:00:00");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Pooled connections keep the file open; release them so the folder can go.
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_databaseFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still in use on some platforms; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>The portal serving the test fixture content (tests/fixtures/content), shared by a test class as its fixture.</summary>
public sealed class FixturePortal() : PortalFactory(RepoPaths.FixtureContent);
