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
}
