using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Tietosuoja.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database (provider from configuration, never guessed) and the Data Protection key ring kept in it.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
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
        services.AddDataProtection()
            .SetApplicationName("Tietosuoja")
            .PersistKeysToDbContext<PortalDbContext>();
        return services;
    }

    /// <summary>Brings the database to the current model before the first request.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
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
