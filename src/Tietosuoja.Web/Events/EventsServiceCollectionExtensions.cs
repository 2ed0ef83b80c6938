using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>Workshops and webinars: the catalog, registration, selection, memos and recordings, exports, mails and the erasure of registrants' data.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EventOptions>(configuration.GetSection(EventOptions.Section));
        services.AddSingleton(new ReservedUrlSegments([.. Languages.All.SelectMany(language => new[] { EventUrls.Segment(language), EventUrls.RegistrationSegment(language) })]));
        // After AddComments: the private registration pages join the comment and subscription links as secret paths.
        services.AddSingleton<ISecretPaths>(_ => new EventSecretPaths(new PortalSecretPaths()));
        services.AddSingleton<EventCatalog>();
        services.AddSingleton<IOutputCacheStamp>(provider => provider.GetRequiredService<EventCatalog>());
        services.AddScoped<EventMails>();
        services.AddScoped<EventNotices>();
        services.AddScoped<EventAnnouncer>();
        services.AddScoped<EventAdmin>();
        services.AddScoped<EventRegistrations>();
        services.AddScoped<EventSelection>();
        services.AddScoped<EventExport>();
        services.AddScoped<EventRetention>();
        services.AddHostedService<EventWorker>();
        return services;
    }

    /// <summary>Loads the events before the first request (after the database has been migrated).</summary>
    public static Task InitializeEventsAsync(this WebApplication app) =>
        app.Services.GetRequiredService<EventCatalog>().RefreshAsync(CancellationToken.None);
}
