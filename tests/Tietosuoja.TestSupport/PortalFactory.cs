using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Tietosuoja.TestSupport;

/// <summary>
/// The portal in the Testing environment, reading the given content folder and checking it for
/// changes ten times a second.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly Dictionary<string, string> _settings = [];

    public PortalFactory(string contentPath) => ContentPath = contentPath;

    public string ContentPath { get; }

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Content:PollInterval", "00:00:00.100");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => _services.ForEach(configure => configure(services)));
    }
}

/// <summary>The portal serving the repository's own content/, shared by a test class as its fixture.</summary>
public sealed class RepositoryPortal() : PortalFactory(RepoPaths.Content);
