namespace Tietosuoja.Web.Infrastructure;

/// <summary>Where a chapter version stands: a draft, open for comments, or published guidance.</summary>
public enum VersionStatus
{
    Draft,
    Consultation,
    Published,
}
