using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

/// <summary>Pages such as the privacy notice and accessibility statement, from content/pages.</summary>
[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class SitePageModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public SitePage SitePage { get; private set; } = null!;

    public override string PageTitle => SitePage.Title;

    public override string AlternateLanguageUrl =>
        Snapshot.Page(SitePage.Key, Language.Other()) is { } translation ? SiteUrls.Page(translation) : SiteUrls.Home(Language.Other());

    public IActionResult OnGet(string slug)
    {
        if (Snapshot.FindPage(Language, slug) is not { } page)
        {
            return NotFound();
        }

        SitePage = page;
        return Page();
    }
}
