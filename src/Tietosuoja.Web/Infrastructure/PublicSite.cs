using Microsoft.AspNetCore.HostFiltering;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>The "Site" configuration section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The portal's public address, such as https://tietosuoja.kuntaliitto.fi/: the start of every
    /// absolute URL the portal writes (feeds, print lines, canonical links, private links).
    /// </summary>
    public string? BaseUrl { get; set; }
}

/// <summary>
/// Absolute URLs from configuration, never from the request: a Host or X-Forwarded-Host header
/// sent by anyone must not end up in a feed, a printed page or a link someone is given.
/// </summary>
public sealed class PublicSite
{
    /// <summary>What <c>dotnet run</c> listens on (launchSettings.json).</summary>
    public static readonly Uri DevelopmentBaseUrl = new("http://127.0.0.1:5080/");

    /// <summary>The host WebApplicationFactory's test server answers as.</summary>
    public static readonly Uri TestingBaseUrl = new("http://localhost/");

    public PublicSite(Uri baseUrl)
    {
        // A trailing slash, so that relative paths are resolved under a base path rather than beside it.
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    public Uri BaseUrl { get; }

    /// <summary>A site path (/luku/…) as an absolute URL under <see cref="BaseUrl"/>.</summary>
    public Uri Absolute(string path) => new(BaseUrl, path.TrimStart('/'));
}

public static class PublicSiteServiceCollectionExtensions
{
    /// <summary>
    /// Site:BaseUrl, required outside Development and Testing (an https address without query or
    /// fragment); there AllowedHosts becomes its host, plus any other hosts AllowedHosts names.
    /// </summary>
    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>()?.BaseUrl;
        var local = PortalEnvironments.IsLocal(environment);
        Uri baseUrl;
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!local)
            {
                throw new InvalidOperationException(
                    $"Site:BaseUrl is not set in the '{environment.EnvironmentName}' environment. Feeds, printed pages and links are " +
                    "written with the portal's public address, never with the Host header of a request; set it to the address " +
                    "readers use, such as https://tietosuoja.example.fi/ (see docs/deployment.md).");
            }

            baseUrl = environment.IsDevelopment() ? PublicSite.DevelopmentBaseUrl : PublicSite.TestingBaseUrl;
        }
        else if (!Uri.TryCreate(configured, UriKind.Absolute, out baseUrl!)
            || baseUrl.Scheme != Uri.UriSchemeHttps && (baseUrl.Scheme != Uri.UriSchemeHttp || !local)
            || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment) || !string.IsNullOrEmpty(baseUrl.UserInfo))
        {
            throw new InvalidOperationException(
                $"Site:BaseUrl is '{configured}'; it must be an absolute https address without query or fragment, such as https://tietosuoja.example.fi/ " +
                "(http only in Development and Testing).");
        }

        var site = new PublicSite(baseUrl);
        services.AddSingleton(site);
        if (!local)
        {
            var others = (configuration["AllowedHosts"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(host => host != "*");
            services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [site.BaseUrl.IdnHost, .. others]);
        }

        return services;
    }
}
