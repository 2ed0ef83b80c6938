using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor.Events;

/// <summary>
/// The facilitator's memo: written or pasted as Markdown in both languages, previewed exactly as the
/// event page will show it (the chapters' renderer and sanitiser), then published; the first
/// publication tells the participants and the subscribers.
/// </summary>
public sealed class MemoModel(ContentStore store, IStringLocalizer<SharedResource> text, EventAdmin events, MarkdownRenderer renderer) : EventPageModel(store, text)
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public MemoInput Input { get; set; } = new();

    public PortalEvent Event { get; private set; } = null!;

    /// <summary>The rendered memo per language after "Preview" without problems; empty otherwise.</summary>
    public IReadOnlyList<(Language Language, string Html)> Preview { get; private set; } = [];

    public override string Title => T["EventMemoTitle", Event.TitleFi];

    public override string AlternateLanguageUrl => EditorUrls.EventMemo(Language.Other(), Id);

    public override bool CanShowFormAgain => Event is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new MemoInput { MemoFi = Event.MemoFi, MemoSv = Event.MemoSv };
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var memo = Input.ToDraft();
        AddProblems(memo.Validate(renderer));
        if (!HasProblems)
        {
            Preview = [.. new[] { (Language.Fi, memo.MemoFi), (Language.Sv, memo.MemoSv) }
                .Where(p => !PlainText.IsBlank(p.Item2))
                .Select(p => (p.Item1, renderer.Render(p.Item2!, p.Item1).Html))];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var first = Event.MemoPublishedAt is null;
        var saved = await events.PublishMemoAsync(Id, Input.ToDraft(), Editor, cancellationToken);
        if (!saved.Succeeded)
        {
            AddProblems(saved.Problems);
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Event(Language, Id), first ? "EventMemoPublishedNotice" : "EventMemoCorrectedNotice", EventUrls.Event(Language, Id));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await events.FindAsync(Id, cancellationToken) is not { } portalEvent)
        {
            return false;
        }

        Event = portalEvent;
        return true;
    }
}

/// <summary>The memo form's fields as typed.</summary>
public sealed class MemoInput
{
    public string? MemoFi { get; set; }

    public string? MemoSv { get; set; }

    public MemoDraft ToDraft() => new(MemoFi ?? string.Empty, MemoSv);
}
