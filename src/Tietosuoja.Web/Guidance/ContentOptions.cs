namespace Tietosuoja.Web.Guidance;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; a relative path is taken from the application's content root.</summary>
    public string Path { get; set; } = "content";

    /// <summary>How often the folder is checked for changes. Polling, unlike file-system events, also sees changes made by another instance on a shared volume.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
