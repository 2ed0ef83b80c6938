namespace Tietosuoja.Web.Comments;

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

/// <summary>The "Comments" configuration section.</summary>
public sealed class CommentOptions
{
    /// <summary>Name and e-mail are erased this many months after the round closes (the privacy notice says 12).</summary>
    public int PersonalDataRetentionMonths { get; set; } = 12;

    /// <summary>How often the retention job looks for personal data to erase.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often each instance re-reads the rounds, so it notices changes made on another.</summary>
    public TimeSpan RoundRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A form sent back sooner than this after it was shown is treated as automated.</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Comments one client address may send per window.</summary>
    public int SubmissionsPerWindow { get; set; } = 10;

    public TimeSpan SubmissionWindow { get; set; } = TimeSpan.FromMinutes(10);
}
