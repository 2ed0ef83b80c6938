namespace Tietosuoja.Web.Guidance;

public static class GuidanceServiceCollectionExtensions
{
    /// <summary>Content loading, the snapshot store and the watcher that keeps it current.</summary>
    public static IServiceCollection AddGuidance(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ContentOptions>(configuration.GetSection(ContentOptions.Section));
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ContentLoader>();
        services.AddSingleton<ContentStore>();
        services.AddHostedService<ContentWatcher>();
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content", tags: ["ready"]);
        return services;
    }
}
