namespace Tietosuoja.Web.Pages.Editor;

/// <summary>One labelled text field of an editor form, with its hint and error tied to it for screen readers.</summary>
public sealed record TextField(string Id, string Name, string Label, string? Value, string? Error, string? Hint = null, int Rows = 0, string Type = "text")
{
    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
