using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Chapters;

[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class HistoryModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public Chapter Chapter { get; private set; } = null!;

    public ChapterVersion Current => Chapter.Current(Language)!;

    public IEnumerable<ChapterVersion> NewestFirst => Chapter.Versions(Language).Reverse();

    public override string PageTitle => T["VersionHistoryOf", Current.Title];

    public override string AlternateLanguageUrl =>
        Chapter.IsAvailableIn(Language.Other()) ? SiteUrls.History(Chapter, Language.Other()) : SiteUrls.Home(Language.Other());

    public IActionResult OnGet(string slug)
    {
        if (Snapshot.FindChapter(Language, slug) is not { } chapter)
        {
            return NotFound();
        }

        Chapter = chapter;
        return Page();
    }
}
