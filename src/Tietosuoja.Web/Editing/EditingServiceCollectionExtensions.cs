using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Editing;

public static class EditingServiceCollectionExtensions
{
    /// <summary>The editor area: sign-in and roles, publishing, comment handling, exports and the audit trail.</summary>
    public static IServiceCollection AddEditorArea(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddEditorAuthentication(configuration, environment);
        services.AddSingleton(new ReservedUrlSegments([.. Languages.All.Select(EditorUrls.Segment)]));
        services.AddScoped<AuditLog>();
        services.AddScoped<RoundService>();
        services.AddSingleton<ChapterPublisher>();
        services.AddScoped<DraftService>();
        services.AddOptions<ContentGitOptions>().Bind(configuration.GetSection(ContentGitOptions.Section));
        services.AddSingleton<ContentRepository>();
        services.AddHostedService<ContentPushService>();
        services.AddHealthChecks().AddCheck<ContentRepositoryHealthCheck>("content-repository", tags: ["ready"]);
        services.AddScoped<CommentHandling>();
        services.AddScoped<CommentExport>();
        return services;
    }
}
