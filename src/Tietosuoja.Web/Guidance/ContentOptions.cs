namespace Tietosuoja.Web.Guidance;

/// <summary>
/// First URL segments that a part of the application outside the public guidance (the editor
/// area) routes, so that no site page slug may take them. Handed in where that part registers,
/// so the guidance never needs to know it exists.
/// </summary>
public sealed record ReservedUrlSegments(IReadOnlyList<string> Segments);

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; a relative path is taken from the application's content root.</summary>
    public string Path { get; set; } = "content";

    /// <summary>
    /// When set, a missing content folder is first created as a copy of this one (relative paths as
    /// for <see cref="Path"/>). Development serves and publishes into such a working copy of the
    /// repository's content/, so the editor area never writes into the git working tree.
    /// </summary>
    public string? SeedFrom { get; set; }

    /// <summary>
    /// Whether the loaded snapshot and its search index are kept in the folder of
    /// <c>Search:CachePath</c> between starts (ADR 0020), so that a restart on the same content and
    /// build reads them instead of rendering and indexing the guidance again.
    /// </summary>
    public bool PersistSnapshot { get; set; } = true;

    /// <summary>How often the folder is checked for changes. Polling, unlike file-system events, also sees changes made by another instance on a shared volume.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
