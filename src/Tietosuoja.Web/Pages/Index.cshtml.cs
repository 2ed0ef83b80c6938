using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class IndexModel(ContentStore store, IStringLocalizer<SharedResource> text, RoundCatalog rounds) : PortalPageModel(store, text)
{
    public IReadOnlyList<RoundInfo> OpenRounds =>
        [.. rounds.Rounds.Where(r => r.StateAt(rounds.UtcNow) == RoundState.Open).OrderBy(r => r.ClosesAt)];

    public override string PageTitle => T["Home"];

    /// <summary>Each chapter with the version its URL shows; a chapter not yet translated shows its Finnish version.</summary>
    public IEnumerable<(Chapter Chapter, ChapterVersion Version, Language Language)> Chapters =>
        Snapshot.Chapters
            .Select(c => (Chapter: c, Language: c.IsAvailableIn(Language) ? Language : Language.Fi))
            .Select(c => (c.Chapter, c.Chapter.Current(c.Language)!, c.Language));
}
