using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Comments;

/// <summary>All commenting rounds: open now, upcoming and closed.</summary>
public sealed class RoundsModel(ContentStore store, IStringLocalizer<SharedResource> text, RoundCatalog rounds) : PortalPageModel(store, text)
{
    public override string PageTitle => T["RoundsTitle"];

    public override string AlternateLanguageUrl => SiteUrls.Rounds(Language.Other());

    public IReadOnlyList<RoundInfo> InState(RoundState state)
    {
        var now = rounds.UtcNow;
        var matching = rounds.Rounds.Where(r => r.StateAt(now) == state);
        // Open and upcoming: soonest first; closed: most recent first.
        return state == RoundState.Closed
            ? [.. matching.OrderByDescending(r => r.ClosesAt)]
            : [.. matching.OrderBy(r => state == RoundState.Open ? r.ClosesAt : r.OpensAt)];
    }

    public void OnGet()
    {
    }
}
