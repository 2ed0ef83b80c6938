using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Tietosuoja.Web.Comments;

public static class CommentsServiceCollectionExtensions
{
    /// <summary>The database (provider from configuration), rounds, comments, retention and the Data Protection key ring.</summary>
    public static IServiceCollection AddComments(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (database.Provider)
        {
            case DatabaseOptions.Sqlite:
                var connectionString = SqliteConnectionString(database.ConnectionString, environment.ContentRootPath);
                services.AddDbContext<PortalDbContext, SqliteDbContext>(options => options.UseSqlite(connectionString));
                break;
            case DatabaseOptions.SqlServer:
                services.AddDbContext<PortalDbContext, SqlServerDbContext>(options =>
                    options.UseSqlServer(database.ConnectionString, sql => sql.EnableRetryOnFailure()));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider is '{database.Provider}'; use '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.SqlServer}'.");
        }

        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));
        services.Configure<CommentOptions>(configuration.GetSection("Comments"));
        services.AddDataProtection()
            .SetApplicationName("Tietosuoja")
            .PersistKeysToDbContext<PortalDbContext>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RoundCatalog>();
        services.AddHostedService<RoundCatalogRefresher>();
        services.AddScoped<RoundService>();
        services.AddScoped<CommentService>();
        services.AddScoped<FeedbackReports>();
        services.AddSingleton<SubmissionGuard>();
        services.AddScoped<PersonalDataRetention>();
        services.AddHostedService<PersonalDataRetentionWorker>();
        services.AddScoped<DevelopmentSeed>();
        return services;
    }

    /// <summary>
    /// Brings the database to the current model before the first request, then loads the rounds.
    /// In Development an empty database gets sample rounds and comments.
    /// </summary>
    public static async Task InitializeCommentsAsync(this WebApplication app)
    {
        using (var scope = app.Services.CreateScope())
        {
            var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (options.MigrateOnStartup)
            {
                await db.Database.MigrateAsync();
            }

            if (db.Database.IsSqlite())
            {
                // Readers do not wait for the writer, and parallel submissions queue instead of failing.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            if (app.Environment.IsDevelopment())
            {
                await scope.ServiceProvider.GetRequiredService<DevelopmentSeed>().SeedIfEmptyAsync();
            }
        }

        await app.Services.GetRequiredService<RoundCatalog>().RefreshAsync(CancellationToken.None);
    }

    private static string SqliteConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
