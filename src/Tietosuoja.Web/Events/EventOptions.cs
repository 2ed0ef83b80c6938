namespace Tietosuoja.Web.Events;

/// <summary>The "Events" configuration section.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>Registrants' names, addresses, organisations and texts are erased this long after the event ends (about three months).</summary>
    public TimeSpan PersonalDataRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often each instance re-reads the events, erases expired personal data and announces opened registrations.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
