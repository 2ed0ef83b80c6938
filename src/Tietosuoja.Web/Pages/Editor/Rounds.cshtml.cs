using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>Every round, newest first, with its state and how many comments it has.</summary>
public sealed class RoundsModel(ContentStore store, IStringLocalizer<SharedResource> text, RoundCatalog rounds, PortalDbContext db) : EditorPageModel(store, text)
{
    public IReadOnlyList<RoundInfo> All => [.. rounds.Rounds.OrderByDescending(r => r.OpensAt)];

    public Dictionary<int, int> CommentCounts { get; private set; } = [];

    public DateTime Now => rounds.UtcNow;

    public override string Title => T["EditorRounds"];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        CommentCounts = await db.Comments.Where(c => c.WithdrawnAt == null).GroupBy(c => c.RoundId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
