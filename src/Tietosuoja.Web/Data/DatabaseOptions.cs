namespace Tietosuoja.Web.Data;

/// <summary>The "Database" configuration section. The provider is always named, never guessed.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public string Provider { get; set; } = Sqlite;

    /// <summary>For SQLite, a relative Data Source is taken from the app's content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=App_Data/tietosuoja.db";

    /// <summary>Apply pending migrations at start-up (EF Core takes a lock, so replicas may start together).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// How long one database command (and, for SQLite, the wait for another connection's lock) may
    /// take before the write is given up and the person is asked to try again. Short on purpose:
    /// a form that hangs for half a minute is abandoned, and its text with it.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whole seconds, as ADO.NET takes timeouts; never zero, which would mean "wait forever".</summary>
    public static int Seconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
