using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Editing;

public static class EditingServiceCollectionExtensions
{
    /// <summary>The editor area: sign-in and roles, review and publishing (also scheduled), comment handling, exports and the audit trail.</summary>
    public static IServiceCollection AddEditorArea(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddEditorAuthentication(configuration, environment);
        services.AddSingleton(new ReservedUrlSegments([.. Languages.All.Select(EditorUrls.Segment)]));
        services.AddScoped<AuditLog>();
        services.AddScoped<RoundService>();
        services.AddSingleton<ChapterPublisher>();
        services.AddScoped<DraftService>();
        services.AddScoped<DraftReview>();
        // Bound over the environment's default, so a configured value always wins.
        services.AddOptions<EditingOptions>()
            .Configure(options => options.RequireReview = !PortalEnvironments.IsLocal(environment))
            .Bind(configuration.GetSection(EditingOptions.Section));
        services.AddHostedService<ScheduledPublisher>();
        services.AddOptions<ContentGitOptions>().Bind(configuration.GetSection(ContentGitOptions.Section));
        services.AddSingleton<ContentRepository>();
        services.AddHostedService<ContentPushService>();
        services.AddHealthChecks().AddCheck<ContentRepositoryHealthCheck>("content-repository", tags: ["ready"]);
        services.AddScoped<CommentHandling>();
        services.AddScoped<CommentExport>();
        services.Configure<DigestOptions>(configuration.GetSection(DigestOptions.Section));
        services.AddScoped<CommentDigest>();
        services.AddHostedService<CommentDigestWorker>();
        return services;
    }
}
