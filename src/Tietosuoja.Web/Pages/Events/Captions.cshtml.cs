using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Events;

/// <summary>The caption track of an event's published recording, as the <c>&lt;track&gt;</c> element loads it: text/vtt in UTF-8.</summary>
public sealed class CaptionsModel(ContentStore store, IStringLocalizer<SharedResource> text, EventAdmin events) : PortalPageModel(store, text)
{
    public override string PageTitle => T["EventCaptionsFile"];

    public async Task<IActionResult> OnGetAsync(int eventId, CancellationToken cancellationToken)
    {
        if (await events.CaptionsAsync(eventId, cancellationToken) is not { } vtt)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=300";
        return Content(vtt, "text/vtt; charset=utf-8");
    }
}
