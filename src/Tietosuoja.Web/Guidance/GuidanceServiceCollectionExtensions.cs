using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tietosuoja.Web.Guidance;

public static class GuidanceServiceCollectionExtensions
{
    /// <summary>Content loading, the snapshot store and the watcher that keeps it current.</summary>
    public static IServiceCollection AddGuidance(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ContentOptions>(configuration.GetSection(ContentOptions.Section));
        services.AddSingleton<MarkdownRenderer>();
        services.AddHostedService<MarkdownRendererPreparation>();
        services.AddSingleton<ContentLoader>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton(provider => new PersistedSnapshot(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentOptions>>().Value.PersistSnapshot ? SearchCacheFolder(configuration) : null,
            provider.GetRequiredService<ILogger<PersistedSnapshot>>(),
            provider.GetService<BackgroundStart>()));
        services.AddSingleton<IOutputCacheStamp, ContentCacheStamp>();
        services.AddSingleton<ISecretPaths, SiteUrlSecrets>();
        services.AddHostedService<ContentWatcher>();
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content", tags: ["ready"]);
        Search.LanguageTools.ConfigureDefault(Search.LanguageToolOptions.Default with { AnalysisCacheFolder = SearchCacheFolder(configuration) });
        services.AddHostedService<Search.SearchLanguageStartup>();
        // The tools are loaded on the first check (or by SearchLanguageStartup), not at registration.
        services.AddHealthChecks().Add(new HealthCheckRegistration("search-dictionaries", _ => new Search.SearchLanguageHealthCheck(Search.LanguageTools.Default), failureStatus: null, tags: ["ready"]));
        return services;
    }

    /// <summary>Search:CachePath, relative to the content root; an empty value turns the analysis cache (and the stored snapshots) off.</summary>
    private static string? SearchCacheFolder(IConfiguration configuration)
    {
        var configured = configuration["Search:CachePath"] ?? "App_Data/search-cache";
        if (configured.Length == 0)
        {
            return null;
        }

        var contentRoot = configuration[HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(contentRoot, configured));
    }
}

/// <summary>Cached pages change with every content generation.</summary>
internal sealed class ContentCacheStamp(ContentStore store) : IOutputCacheStamp
{
    /// <summary>The text of the snapshot asked about last: every request asks, a new snapshot comes a few times a day.</summary>
    private Stamped? _last;

    public string CacheStamp()
    {
        var current = store.Current;
        var last = Volatile.Read(ref _last);
        if (last is null || !ReferenceEquals(last.Snapshot, current))
        {
            last = new Stamped(current, current.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Volatile.Write(ref _last, last);
        }

        return last.Text;
    }

    private sealed record Stamped(object Snapshot, string Text);
}

/// <summary>The private comment links of <see cref="SiteUrls"/> are the portal's secret paths.</summary>
internal sealed class SiteUrlSecrets : ISecretPaths
{
    public bool IsSecret(string path) => SiteUrls.IsCommentLink(path);

    public string Redact(string path) => SiteUrls.WithoutSecrets(path);
}
