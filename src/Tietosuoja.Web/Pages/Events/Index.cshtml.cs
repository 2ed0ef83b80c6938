using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Events;

/// <summary>Workshops and webinars: upcoming ones soonest first, past ones latest first.</summary>
[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class IndexModel(ContentStore store, IStringLocalizer<SharedResource> text, EventCatalog events) : PortalPageModel(store, text)
{
    public IReadOnlyList<PublicEvent> Upcoming { get; private set; } = [];

    public IReadOnlyList<PublicEvent> Past { get; private set; } = [];

    public override string PageTitle => T["EventsTitle"];

    public override string AlternateLanguageUrl => EventUrls.List(Language.Other());

    public void OnGet()
    {
        Upcoming = events.Upcoming();
        Past = events.Past();
    }
}
