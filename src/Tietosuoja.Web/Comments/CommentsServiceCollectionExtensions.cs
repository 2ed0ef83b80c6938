using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Comments;

public static class CommentsServiceCollectionExtensions
{
    /// <summary>Rounds, comments, feedback reports and the retention of commenters' personal data.</summary>
    public static IServiceCollection AddComments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CommentOptions>(configuration.GetSection("Comments"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RoundCatalog>();
        services.AddSingleton<IOutputCacheStamp>(provider => provider.GetRequiredService<RoundCatalog>());
        services.AddHostedService<RoundCatalogRefresher>();
        services.AddScoped<CommentService>();
        services.AddScoped<FeedbackReports>();
        services.AddSingleton<SubmissionGuard>();
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            // Not at start-up and never throwing when Redis is down: the guard falls back to counting alone.
            var redisOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            redisOptions.AbortOnConnectFail = false;
            services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(redisOptions));
        }

        services.AddScoped<PersonalDataRetention>();
        services.AddHostedService<PersonalDataRetentionWorker>();
        services.AddScoped<DevelopmentSeed>();

        // Mail about comments and subscriptions (the outbox itself is AddPortalMail's).
        services.Configure<SubscriptionOptions>(configuration.GetSection("Subscriptions"));
        services.AddSingleton(new ReservedUrlSegments([.. Languages.All.Select(SubscriptionUrls.Segment)]));
        services.AddSingleton<ISecretPaths, PortalSecretPaths>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<CommentMails>();
        services.AddScoped<SubscriptionService>();
        services.AddScoped<SubscriberNotices>();
        services.AddScoped<RoundOpeningAnnouncer>();
        services.AddHostedService<RoundOpeningWorker>();
        return services;
    }

    /// <summary>Migrates the database; in Development an empty one gets sample rounds, comments and events.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync();
        if (app.Environment.IsDevelopment())
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DevelopmentSeed>().SeedIfEmptyAsync();
        }
    }

    /// <summary>Loads the rounds before the first request (after <see cref="PrepareDatabaseAsync"/>).</summary>
    public static Task InitializeCommentsAsync(this WebApplication app) =>
        app.Services.GetRequiredService<RoundCatalog>().RefreshAsync(CancellationToken.None);
}
