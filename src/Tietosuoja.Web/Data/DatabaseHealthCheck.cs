using Microsoft.EntityFrameworkCore;

namespace Tietosuoja.Web.Data;

public static class DatabaseHealthCheck
{
    public const string Name = "database";

    /// <summary>
    /// /health/ready asks the database, within the command timeout, for what a comment needs: for
    /// SQLite the write lock (taken and released at once, nothing written), which fails both for
    /// a missing file and for one that another connection keeps locked; for SQL Server a connection.
    /// </summary>
    public static IServiceCollection AddPortalDatabaseHealthCheck(this IServiceCollection services, TimeSpan commandTimeout)
    {
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>(
            Name,
            tags: ["ready"],
            customTestQuery: CanWriteAsync);
        services.Configure<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Name == Name))
            {
                registration.Timeout = commandTimeout + commandTimeout;
            }
        });
        return services;
    }

    private static async Task<bool> CanWriteAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.Database.CanConnectAsync(cancellationToken);
        }

        // Microsoft.Data.Sqlite begins a non-deferred transaction with BEGIN IMMEDIATE: the write lock.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return true;
    }
}
