using System.Globalization;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>The two languages of the portal. Finnish is the original; Swedish versions are translations.</summary>
public enum Language
{
    Fi,
    Sv,
}

public static class Languages
{
    public static readonly IReadOnlyList<Language> All = [Language.Fi, Language.Sv];

    /// <summary>The first path segment of every Swedish URL; every other URL is Finnish.</summary>
    public const string SwedishPathPrefix = "sv";

    /// <summary>The language a URL path speaks: /sv and /sv/… are Swedish, everything else Finnish.</summary>
    public static Language OfPath(string? path) =>
        path is not null && (path.Equals("/" + SwedishPathPrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/" + SwedishPathPrefix + "/", StringComparison.OrdinalIgnoreCase))
            ? Language.Sv
            : Language.Fi;

    public static string Code(this Language language) => language switch
    {
        Language.Fi => "fi",
        Language.Sv => "sv",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>Formatting culture: Finnish conventions for both (dates as 2.3.2026).</summary>
    public static CultureInfo Culture(this Language language) => CultureInfo.GetCultureInfo(language switch
    {
        Language.Sv => "sv-FI",
        _ => "fi-FI",
    });

    public static Language Other(this Language language) => language == Language.Fi ? Language.Sv : Language.Fi;

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.ToUpperInvariant())
        {
            case "FI":
                language = Language.Fi;
                return true;
            case "SV":
                language = Language.Sv;
                return true;
            default:
                language = Language.Fi;
                return false;
        }
    }

    /// <summary>The language of the current request, as set by request localization from the URL.</summary>
    public static Language Current =>
        TryParse(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var language) ? language : Language.Fi;
}
