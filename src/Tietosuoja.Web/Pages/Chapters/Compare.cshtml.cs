using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Chapters;

/// <summary>
/// What changed between two versions of a chapter, at /luku/{slug}/vertailu/{from}/{to}. Without
/// versions the address takes them from the query string (the comparison form) or, if none are
/// given, compares the current version with the one before it; either way it redirects to the
/// permanent address, with the older version first.
/// </summary>
[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class CompareModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public Chapter Chapter { get; private set; } = null!;

    public VersionComparison Comparison { get; private set; } = null!;

    public override string PageTitle => T["CompareTitle", Comparison.To.Title, Comparison.From.Version, Comparison.To.Version];

    public override string AlternateLanguageUrl
    {
        get
        {
            var other = Language.Other();
            return Chapter.Find(other, Comparison.From.Version) is not null && Chapter.Find(other, Comparison.To.Version) is not null
                ? SiteUrls.Compare(Chapter, other, Comparison.From.Version, Comparison.To.Version)
                : Chapter.IsAvailableIn(other) ? SiteUrls.History(Chapter, other) : SiteUrls.Home(other);
        }
    }

    public IActionResult OnGet(string slug, string? from, string? to)
    {
        if (Snapshot.FindChapter(Language, slug) is not { } chapter)
        {
            return NotFound();
        }

        Chapter = chapter;
        if (from is null || to is null)
        {
            from ??= Request.Query["from"];
            to ??= Request.Query["to"];
            if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(to) && chapter.Current(Language) is { } current)
            {
                return chapter.Previous(current) is { } previous
                    ? Redirect(SiteUrls.Compare(chapter, Language, previous.Version, current.Version))
                    : NotFound();
            }
        }

        if (!VersionNumber.TryParse(from, out var fromNumber) || !VersionNumber.TryParse(to, out var toNumber)
            || chapter.Find(Language, fromNumber) is not { } older || chapter.Find(Language, toNumber) is not { } newer)
        {
            return NotFound();
        }

        if (older.Version > newer.Version)
        {
            (older, newer) = (newer, older);
        }

        var canonical = SiteUrls.Compare(chapter, Language, older.Version, newer.Version);
        if (!string.Equals(Request.Path.Value, canonical, StringComparison.Ordinal))
        {
            return Redirect(canonical);
        }

        Comparison = VersionComparison.Compare(older, newer);
        return Page();
    }
}
