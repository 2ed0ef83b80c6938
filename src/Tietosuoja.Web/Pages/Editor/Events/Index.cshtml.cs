using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor.Events;

/// <summary>Every event, latest first, with its registration counts and what has been published of it.</summary>
public sealed class IndexModel(ContentStore store, IStringLocalizer<SharedResource> text, EventAdmin events, TimeProvider clock) : EventPageModel(store, text)
{
    public IReadOnlyList<EventSummary> All { get; private set; } = [];

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override string Title => T["EditorEvents"];

    public override string AlternateLanguageUrl => EditorUrls.Events(Language.Other());

    public async Task OnGetAsync(CancellationToken cancellationToken) => All = await events.ListAsync(cancellationToken);

    /// <summary>Where the event is in its life, as one phrase for the list.</summary>
    public string Stage(EventSummary e) =>
        e.PersonalDataErasedAt is not null ? T["EventStage_Erased"]
        : e.EndsAt <= Now ? (e.MemoPublishedAt is null ? T["EventStage_PastNoMemo"] : T["EventStage_PastWithMemo"])
        : Now < e.RegistrationOpensAt ? T["EventStage_RegistrationNotOpen"]
        : Now < e.RegistrationClosesAt ? T["EventStage_RegistrationOpen"]
        : e.Kind == Data.EventKind.Workshop && e.SelectionConfirmedAt is null ? T["EventStage_AwaitingSelection"]
        : T["EventStage_Upcoming"];
}
