using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor.Events;

/// <summary>What the event pages of the editor area share: the names of kinds, roles and statuses in the editor's language.</summary>
public abstract class EventPageModel(ContentStore store, IStringLocalizer<SharedResource> text) : EditorPageModel(store, text)
{
    public string KindName(EventKind kind) => T[$"EventKind_{kind}"];

    public string RoleName(ParticipantRole role) => T[$"ParticipantRole_{role}"];

    public string RegistrationStatusName(RegistrationStatus status) => T[$"RegistrationStatus_{status}"];

    public string Period(DateTime startsUtc, DateTime endsUtc) => $"{FinnishTime.Format(startsUtc, Language)} – {FinnishTime.Format(endsUtc, Language)}";
}
