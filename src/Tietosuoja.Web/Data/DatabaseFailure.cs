using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tietosuoja.Web.Data;

/// <summary>
/// Tells a database that cannot be used right now (locked, timed out, unreachable, its file gone)
/// from a fault in the portal itself. Only the first is worth a "try again shortly": a broken
/// constraint fails the same way on every try.
/// </summary>
public static class DatabaseFailure
{
    // SQLite result codes: BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 8, 10, 11, 13, 14, 26];

    // SQL Server: timeout (-2), network and login failures, a database that is starting or being failed over.
    private static readonly HashSet<int> SqlServerUnavailable = [-2, -1, 2, 53, 121, 233, 258, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case TimeoutException:
                case RetryLimitExceededException:
                    return true;
                case SqliteException sqlite:
                    return SqliteUnavailable.Contains(sqlite.SqliteErrorCode);
                case Microsoft.Data.SqlClient.SqlException sql:
                    return sql.Class >= 20 || sql.Errors.Cast<Microsoft.Data.SqlClient.SqlError>().Any(e => SqlServerUnavailable.Contains(e.Number));
                case DbException { IsTransient: true }:
                    return true;
                case DbUpdateConcurrencyException:
                    return false;
            }
        }

        return false;
    }
}
