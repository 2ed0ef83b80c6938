using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor.Events;

/// <summary>One event for editors: what it is, where its registration stands, the steps that fit it, and the participant list export.</summary>
public sealed class EventModel(ContentStore store, IStringLocalizer<SharedResource> text, EventAdmin events, EventSelection selection, EventExport export, TimeProvider clock)
    : EventPageModel(store, text)
{
    [FromRoute]
    public int Id { get; set; }

    public PortalEvent Event { get; private set; } = null!;

    public IReadOnlyDictionary<RegistrationStatus, int> ByStatus { get; private set; } = new Dictionary<RegistrationStatus, int>();

    public string? RoundTitle { get; private set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public bool CanConfirmSelection => selection.CanConfirm(Event);

    public override string Title => Event.TitleFi;

    public override string AlternateLanguageUrl => EditorUrls.Event(Language.Other(), Id);

    /// <summary>The export renders nothing; only a page that read its event can be shown again.</summary>
    public override bool CanShowFormAgain => Event is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await events.FindAsync(Id, cancellationToken) is not { } portalEvent)
        {
            return NotFound();
        }

        Event = portalEvent;
        RoundTitle = portalEvent.RoundId is { } roundId ? (await events.RoundChoicesAsync(cancellationToken)).FirstOrDefault(r => r.Id == roundId).Title : null;
        var view = await selection.ViewAsync(Id, RegistrantFilter.None, cancellationToken);
        ByStatus = view!.Registrants.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        return Page();
    }

    /// <summary>Streams the participant list straight into the response; nothing is rendered.</summary>
    public async Task<IActionResult> OnPostExportAsync(ExportFormat format, bool includePersonalData, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(Id, cancellationToken) is null)
        {
            return NotFound();
        }

        Response.ContentType = CommentExport.ContentType(format);
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition
        {
            FileName = EventExport.FileName(Id, Now, format),
        }.ToString();
        await export.WriteAsync(Id, format, includePersonalData, Editor, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
