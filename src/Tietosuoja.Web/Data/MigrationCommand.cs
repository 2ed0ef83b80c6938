using Microsoft.EntityFrameworkCore;

namespace Tietosuoja.Web.Data;

/// <summary>
/// <c>dotnet Tietosuoja.Web.dll --migrate</c>: brings the database to the current model and exits,
/// 0 when it is current, 1 when it could not be. Run once per deployment, before the replicas
/// start (docker-compose.yml's "migrate" service), so that replicas never race on a migration.
/// </summary>
public static partial class MigrationCommand
{
    public const string Argument = "--migrate";

    public static async Task<int> RunMigrationsAsync(this IServiceProvider services, CancellationToken cancellation = default)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrationCommand).FullName!);
        try
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetService<SqliteDatabaseFile>()?.CreateIfMissing();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // A migration may rebuild a table; nobody is waiting with a form.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellation)).ToList();
            await db.Database.MigrateAsync(cancellation);
            var latest = pending.Count > 0 ? pending[^1] : "(none)";
            LogMigrated(log, pending.Count, latest);
            return 0;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(log, error);
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} migrations applied, the latest {Latest}")]
    private static partial void LogMigrated(ILogger logger, int count, string latest);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database migration failed; the replicas must not start on this database")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
