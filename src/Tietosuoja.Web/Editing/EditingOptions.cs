namespace Tietosuoja.Web.Editing;

/// <summary>How the editorial workflow runs: configuration section <c>Editing</c>.</summary>
public sealed class EditingOptions
{
    public const string Section = "Editing";

    /// <summary>
    /// Whether a version needs another editor's approval before it is published (four eyes).
    /// Defaults to true outside Development and Testing; a small installation may switch it off.
    /// </summary>
    public bool RequireReview { get; set; } = true;

    /// <summary>How often each instance looks for scheduled publications that are due.</summary>
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an instance holds a draft it is publishing. A publication takes seconds; a lease
    /// left by an instance that stopped mid-publication is taken over after this.
    /// </summary>
    public TimeSpan PublishLease { get; set; } = TimeSpan.FromMinutes(2);
}
