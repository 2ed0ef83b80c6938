using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Tietosuoja.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database (provider from configuration, never guessed) and the Data Protection key ring kept in it.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var timeout = DatabaseOptions.Seconds(database.CommandTimeout);
        switch (database.Provider)
        {
            case DatabaseOptions.Sqlite:
                var file = SqliteDatabaseFile.From(database.ConnectionString, environment.ContentRootPath, database.CommandTimeout);
                services.AddSingleton(file);
                services.AddDbContext<PortalDbContext, SqliteDbContext>((provider, options) => options
                    .UseSqlite(file.RuntimeConnectionString, sqlite => sqlite.CommandTimeout(timeout))
                    .AddInterceptors(CommitInterceptors(provider, new SqliteFileGuard(file))));
                break;
            case DatabaseOptions.SqlServer:
                // Few, short retries: the person is waiting with the form, and the whole try must
                // end within a few command timeouts, not the default half a minute.
                // Opening the connection waits as long as a command may (SqlClient's own default is
                // 15 s), unless the connection string says otherwise.
                var sqlServer = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(database.ConnectionString);
                if (!database.ConnectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
                {
                    sqlServer.ConnectTimeout = timeout;
                }

                services.AddDbContext<PortalDbContext, SqlServerDbContext>((provider, options) =>
                    options.UseSqlServer(sqlServer.ConnectionString, sql => sql
                        .CommandTimeout(timeout)
                        .EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorNumbersToAdd: null))
                    .AddInterceptors(CommitInterceptors(provider)));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider is '{database.Provider}'; use '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.SqlServer}'.");
        }

        services.AddPortalDatabaseHealthCheck(database.CommandTimeout);
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
            scope.ServiceProvider.GetService<SqliteDatabaseFile>()?.CreateIfMissing();
            // A migration may rebuild a table; it is not a person waiting with a form.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            await db.Database.MigrateAsync();
            db.Database.SetCommandTimeout(DatabaseOptions.Seconds(options.CommandTimeout));
        }

        if (db.Database.IsSqlite())
        {
            // Readers do not wait for the writer, and parallel submissions queue instead of failing.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>The mail sender's wake-up on commit, when mail is registered (AddPortalMail), beside the given interceptors.</summary>
    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] CommitInterceptors(IServiceProvider provider, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] others) =>
        provider.GetService<MailCommitInterceptor>() is { } mail ? [.. others, mail] : others;
}
