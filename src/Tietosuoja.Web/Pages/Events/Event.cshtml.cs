using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Events;

/// <summary>
/// One event: what it is about, when (in Finnish time), the chapters it concerns, where its
/// registration is, and afterwards its memo and captioned recording with the transcript. Read from
/// the catalog's <see cref="PublicEvent"/>, which has no meeting link to show.
/// </summary>
public sealed class EventModel(ContentStore store, IStringLocalizer<SharedResource> text, EventCatalog events, EventRegistrations registrations, RoundCatalog rounds)
    : PortalPageModel(store, text)
{
    public PublicEvent Event { get; private set; } = null!;

    public RegistrationState Registration { get; private set; }

    public bool IsPast { get; private set; }

    /// <summary>A capped webinar whose seats are taken: new registrants go on the waiting list.</summary>
    public bool IsFull { get; private set; }

    public RoundInfo? Round { get; private set; }

    public IReadOnlyList<Chapter> Chapters { get; private set; } = [];

    public override string PageTitle => Event.Title(Language);

    public override string MetaDescription => Snippet(Event.Description(Language));

    public override string AlternateLanguageUrl => EventUrls.Event(Language.Other(), Event.Id);

    /// <summary>The lang attribute for a text shown in Finnish on a Swedish page; null when it is in the page's language.</summary>
    public string? LangOf(Language textLanguage) => textLanguage == Language ? null : textLanguage.Code();

    public async Task<IActionResult> OnGetAsync(int eventId, CancellationToken cancellationToken)
    {
        if (events.Find(eventId) is not { } found)
        {
            return NotFound();
        }

        Event = found;
        var now = events.UtcNow;
        Registration = found.RegistrationAt(now);
        IsPast = found.IsPastAt(now);
        IsFull = Registration == RegistrationState.Open && !found.HasSelection && found.Capacity is { } capacity
            && await registrations.SeatsTakenAsync(found.Id, cancellationToken) >= capacity;
        Round = found.RoundId is { } roundId ? rounds.Find(roundId) : null;
        Chapters = [.. found.ChapterIds.Select(Snapshot.FindChapterById).OfType<Chapter>().OrderBy(c => c.Number)];
        return Page();
    }
}
