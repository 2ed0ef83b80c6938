using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor.Events;

/// <summary>
/// Publishes an event's recording: a video file played on the event page with its caption track,
/// or a link to an external recording, always with WebVTT captions (uploaded as a .vtt file or
/// pasted) and a transcript. Without valid captions nothing is published.
/// </summary>
public sealed class RecordingModel(ContentStore store, IStringLocalizer<SharedResource> text, EventAdmin events) : EventPageModel(store, text)
{
    /// <summary>A caption file larger than this cannot fit the captions column in any encoding.</summary>
    public const int MaxCaptionBytes = PortalDbContext.CaptionsMaxLength * 4;

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public RecordingInput Input { get; set; } = new();

    /// <summary>A .vtt file; when given, it replaces what is in the captions field.</summary>
    [BindProperty]
    public IFormFile? CaptionsFile { get; set; }

    public PortalEvent Event { get; private set; } = null!;

    public override string Title => T["EventRecordingTitle", Event.TitleFi];

    public override string AlternateLanguageUrl => EditorUrls.EventRecording(Language.Other(), Id);

    public override bool CanShowFormAgain => Event is not null;

    /// <summary>The file field is bound on the page, not in Input.</summary>
    protected override string ElementId(string field) => field == nameof(CaptionsFile) ? nameof(CaptionsFile) : base.ElementId(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await events.FindAsync(Id, cancellationToken) is not { } portalEvent)
        {
            return NotFound();
        }

        Event = portalEvent;
        Input = new RecordingInput
        {
            RecordingUrl = portalEvent.RecordingUrl,
            CaptionsVtt = portalEvent.CaptionsVtt,
            TranscriptFi = portalEvent.TranscriptFi,
            TranscriptSv = portalEvent.TranscriptSv,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await events.FindAsync(Id, cancellationToken) is not { } portalEvent)
        {
            return NotFound();
        }

        Event = portalEvent;
        if (CaptionsFile is { Length: > 0 } file)
        {
            if (file.Length > MaxCaptionBytes || !file.FileName.EndsWith(".vtt", StringComparison.OrdinalIgnoreCase))
            {
                AddProblem(nameof(CaptionsFile), "EventCaptionsFileInvalid");
                return Page();
            }

            try
            {
                using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
                Input.CaptionsVtt = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                AddProblem(nameof(CaptionsFile), "Upload_NotUtf8");
                return Page();
            }
        }

        var saved = await events.PublishRecordingAsync(Id, Input.ToDraft(), Editor, cancellationToken);
        if (!saved.Succeeded)
        {
            AddProblems(saved.Problems);
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Event(Language, Id), "EventRecordingPublishedNotice", EventUrls.Event(Language, Id));
    }
}

/// <summary>The recording form's fields as typed.</summary>
public sealed class RecordingInput
{
    public string? RecordingUrl { get; set; }

    public string? CaptionsVtt { get; set; }

    public string? TranscriptFi { get; set; }

    public string? TranscriptSv { get; set; }

    public RecordingDraft ToDraft() => new(RecordingUrl ?? string.Empty, CaptionsVtt ?? string.Empty, TranscriptFi ?? string.Empty, TranscriptSv);
}
