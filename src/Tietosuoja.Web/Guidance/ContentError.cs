namespace Tietosuoja.Web.Guidance;

/// <summary>What is wrong with a content file: the file (relative to content/), the line where known, and why.</summary>
public sealed record ContentError(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
