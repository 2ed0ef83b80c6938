using Tietosuoja.Web.Infrastructure;

namespace Tietosuoja.Web.Editing;

public static class EditingServiceCollectionExtensions
{
    /// <summary>The editor area: sign-in and roles, publishing, comment handling, exports and the audit trail.</summary>
    public static IServiceCollection AddEditorArea(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddEditorAuthentication(configuration, environment);
        services.AddScoped<AuditLog>();
        services.AddSingleton<ChapterPublisher>();
        services.AddScoped<DraftService>();
        services.AddScoped<CommentHandling>();
        services.AddScoped<CommentExport>();
        return services;
    }
}
