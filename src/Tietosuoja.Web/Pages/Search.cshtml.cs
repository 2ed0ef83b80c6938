using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.Web.Pages;

/// <summary>
/// Search over the current guidance, or with <c>earlier=true</c> over every version. Not output
/// cached: queries are unbounded in number, and a search of the in-memory index takes well under
/// a millisecond (docs/performance.md). As many run at once as there are cores, the rest queue
/// (<see cref="SearchConcurrency"/>).
/// </summary>
[ServiceFilter<SearchConcurrency>(IsReusable = true)]
public sealed class SearchModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    /// <summary>Null until a query has been sent (the page then shows only the form).</summary>
    public SearchResults? Results { get; private set; }

    public string Query => Results?.Query ?? string.Empty;

    public bool IncludeEarlier { get; private set; }

    public override string PageTitle => Results switch
    {
        null => T["SearchTitle"],
        { Problem: not null } => T["ErrorTitlePrefix", T["SearchTitle"].Value],
        { Page: > 1 } => T["SearchResultsPageTitle", Results.Query, Results.Page],
        _ => T["SearchResultsTitle", Results.Query],
    };

    public override string AlternateLanguageUrl =>
        Results is { Problem: null } ? SiteUrls.Search(Language.Other(), Results.Query, IncludeEarlier) : SiteUrls.Search(Language.Other());

    public string ProblemText => Results?.Problem switch
    {
        SearchProblem.Empty => T["Search_Empty"],
        SearchProblem.TooLong => T["Search_TooLong", GuidanceSearchIndex.MaxQueryLength],
        SearchProblem.NoWords => T["Search_NoWords"],
        _ => string.Empty,
    };

    public string Where(SearchHit hit) => LinesOf(hit).Where;

    /// <summary>The hit's section: its version's page (<see cref="SiteUrls.Section"/>) with the anchor.</summary>
    public string HitUrl(SearchHit hit) => SiteUrls.Anchored(LinesOf(hit).Page, hit.Anchor);

    // A hit's "where" line and its version's page address depend on the chapter version and the
    // UI culture, never on the query, yet were formatted again for every hit of every search (a
    // tenth of a search page's garbage): made once per version of the snapshot, and made again
    // when a new snapshot brings a new chapter or the other language asks.
    private static readonly ConditionalWeakTable<ChapterVersion, HitLines> Lines = new();

    private sealed record HitLines(Chapter Chapter, bool IsLatest, string Culture, string Where, string Page);

    private HitLines LinesOf(SearchHit hit)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        if (Lines.TryGetValue(hit.Version, out var lines) && ReferenceEquals(lines.Chapter, hit.Chapter) && lines.IsLatest == hit.IsLatest && lines.Culture == culture)
        {
            return lines;
        }

        var where = T["SearchHitWhere", hit.Chapter.Number, hit.Version.Title, hit.Version.Version, hit.IsLatest ? T["SearchHitCurrent"] : hit.Version.IsFinal ? T["SearchHitEarlier"] : StatusName(hit.Version.Status)];
        lines = new HitLines(hit.Chapter, hit.IsLatest, culture, where, SiteUrls.Section(hit.Chapter, hit.Version, anchor: null));
        Lines.AddOrUpdate(hit.Version, lines);
        return lines;
    }

    /// <param name="p">The results page; not "page", which Razor Pages keeps for the page's own route value.</param>
    public void OnGet(string? q, bool earlier, int p = 1)
    {
        IncludeEarlier = earlier;
        // An empty box binds as null; it was still a search, and gets the "write a word" message.
        if (q is not null || Request.Query.ContainsKey("q"))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Results = Snapshot.Search.Search(Language, q, earlier, p);
            PortalMetrics.SearchDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
