using System.Globalization;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown in Finnish time, the way Finns write them in each language.</summary>
public static class FinnishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>"14.12.2026 klo 16.00" in Finnish, "14.12.2026 kl. 16.00" in Swedish.</summary>
    public static string Format(DateTime utc, Language language)
    {
        var local = ToLocal(utc);
        var word = language == Language.Sv ? "kl." : "klo";
        return string.Create(CultureInfo.InvariantCulture, $"{local:d.M.yyyy} {word} {local:H.mm}");
    }
}
