#pragma warning disable IDE0130 // The localizer finds resources by the type's full name: Tietosuoja.Web.SharedResource → Resources/SharedResource.resx.
namespace Tietosuoja.Web;
#pragma warning restore IDE0130

/// <summary>Marker for the shared UI strings in Resources/SharedResource.resx (Finnish) and .sv.resx (Swedish).</summary>
public sealed class SharedResource;
