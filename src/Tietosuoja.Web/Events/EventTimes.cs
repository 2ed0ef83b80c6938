namespace Tietosuoja.Web.Events;

/// <summary>An event's time as Finns write it: "3.2.2027 klo 13.00–16.00", with both dates when it runs over midnight.</summary>
public static class EventTimes
{
    public static string Span(DateTime startsAt, DateTime endsAt, Language language) =>
        FinnishTime.ToLocal(startsAt).Date == FinnishTime.ToLocal(endsAt).Date
            ? $"{FinnishTime.Format(startsAt, language)}–{FinnishTime.ToLocal(endsAt).ToString("H.mm", System.Globalization.CultureInfo.InvariantCulture)}"
            : $"{FinnishTime.Format(startsAt, language)} – {FinnishTime.Format(endsAt, language)}";
}
