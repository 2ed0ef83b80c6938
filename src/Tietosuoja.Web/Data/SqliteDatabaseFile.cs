using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tietosuoja.Web.Data;

/// <summary>
/// The SQLite database file as the running app uses it: opened read-write but never created (a
/// file deleted under a running portal is reported, not silently replaced by an empty one), and
/// waiting at most the configured command timeout for a lock held by another connection.
/// </summary>
public sealed class SqliteDatabaseFile
{
    private SqliteDatabaseFile(string path, string runtimeConnectionString, bool inMemory)
    {
        Path = path;
        RuntimeConnectionString = runtimeConnectionString;
        IsInMemory = inMemory;
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>An in-memory database (tests of the wiring only) has no file to guard.</summary>
    public bool IsInMemory { get; }

    /// <summary><c>Mode=ReadWrite</c>: SQLite answers "unable to open" for a missing file instead of creating it.</summary>
    public string RuntimeConnectionString { get; }

    /// <summary>A relative Data Source is taken from the app's content root.</summary>
    public static SqliteDatabaseFile From(string configured, string contentRoot, TimeSpan commandTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return new SqliteDatabaseFile(builder.DataSource, builder.ToString(), inMemory: true);
        }

        if (!System.IO.Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = System.IO.Path.Combine(contentRoot, builder.DataSource);
        }

        builder.Mode = SqliteOpenMode.ReadWrite;
        // Microsoft.Data.Sqlite retries a busy database for this long before it gives up.
        builder.DefaultTimeout = DatabaseOptions.Seconds(commandTimeout);
        return new SqliteDatabaseFile(builder.DataSource, builder.ToString(), inMemory: false);
    }

    /// <summary>
    /// Creates the empty file (and its folder) if it does not exist yet, so that migrations can
    /// fill it. Only start-up does this: afterwards a missing file is a fault to report.
    /// </summary>
    public void CreateIfMissing()
    {
        if (IsInMemory || File.Exists(Path))
        {
            return;
        }

        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var create = new SqliteConnectionStringBuilder(RuntimeConnectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var connection = new SqliteConnection(create.ToString());
        connection.Open();
    }
}

/// <summary>
/// Refuses to open a connection when the database file is gone. Mode=ReadWrite alone is not
/// enough: a pooled connection keeps the deleted file's handle open and would go on writing
/// comments into a file nobody will ever read again.
/// </summary>
public sealed class SqliteFileGuard(SqliteDatabaseFile file) : DbConnectionInterceptor
{
    /// <summary>SQLITE_CANTOPEN, what SQLite itself answers for a file it cannot open.</summary>
    public const int CantOpen = 14;

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        EnsureFileExists(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        EnsureFileExists(connection);
        return ValueTask.FromResult(result);
    }

    private void EnsureFileExists(DbConnection connection)
    {
        if (file.IsInMemory || File.Exists(file.Path))
        {
            return;
        }

        // The pooled handles point at the deleted file; drop them so a restored file is opened afresh.
        if (connection is SqliteConnection sqlite)
        {
            SqliteConnection.ClearPool(sqlite);
        }

        throw new SqliteException("The database file is missing.", CantOpen);
    }
}
