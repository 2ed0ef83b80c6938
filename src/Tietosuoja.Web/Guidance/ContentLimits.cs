namespace Tietosuoja.Web.Guidance;

/// <summary>
/// How long a chapter version's title and summary may be. A content rule, not a database one:
/// the editor area's drafts table is sized to hold them (a unit test keeps the two in step).
/// </summary>
public static class ContentLimits
{
    public const int TitleMaxLength = 300;

    public const int SummaryMaxLength = 4_000;
}
