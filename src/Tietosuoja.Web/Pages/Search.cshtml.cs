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

    public string Where(SearchHit hit) =>
        T["SearchHitWhere", hit.Chapter.Number, hit.Version.Title, hit.Version.Version, hit.IsLatest ? T["SearchHitCurrent"] : hit.Version.IsFinal ? T["SearchHitEarlier"] : StatusName(hit.Version.Status)];

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
