using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Comments;

/// <summary>One round: what it covers, when it is open, and once published, its feedback report.</summary>
public sealed class RoundModel(ContentStore store, IStringLocalizer<SharedResource> text, RoundCatalog rounds, FeedbackReports reports)
    : PortalPageModel(store, text)
{
    public RoundInfo Round { get; private set; } = null!;

    public RoundState State { get; private set; }

    /// <summary>Null until the round has closed and editors have published the report.</summary>
    public FeedbackReport? Report { get; private set; }

    public override string PageTitle => Round.Title(Language);

    public override string AlternateLanguageUrl => SiteUrls.Round(Language.Other(), Round.Id);

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken cancellationToken)
    {
        if (rounds.Find(roundId) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        State = round.StateAt(rounds.UtcNow);
        if (State == RoundState.Closed && round.HasPublishedFeedback)
        {
            Report = await reports.BuildAsync(round.Id, cancellationToken);
        }

        return Page();
    }
}
