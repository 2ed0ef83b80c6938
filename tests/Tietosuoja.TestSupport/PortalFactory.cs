using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Tietosuoja.TestSupport;

/// <summary>
/// The portal in the Testing environment, reading the given content folder (the repository's
/// own content by default) and checking it for changes ten times a second.
/// </summary>
public class PortalFactory(string? contentPath = null) : WebApplicationFactory<Program>
{
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly Dictionary<string, string> _settings = [];

    public string ContentPath { get; } = contentPath ?? RepoPaths.Content;

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
