namespace Tietosuoja.Web.Comments;

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
