using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

/// <summary>Every chapter in its current version on one page, for printing or saving as PDF from the browser.</summary>
[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class WholeGuidanceModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public override string PageTitle => T["WholeGuidanceTitle"];

    public override string AlternateLanguageUrl => SiteUrls.WholeGuidance(Language.Other());

    public IReadOnlyList<(Chapter Chapter, ChapterVersion Version)> Chapters =>
        Snapshot.Chapters.Where(c => c.Current(Language) is not null).Select(c => (c, c.Current(Language)!)).ToList();

    /// <summary>Chapters not yet in the reader's language; the page names them and links the Finnish text.</summary>
    public IReadOnlyList<(Chapter Chapter, ChapterVersion Original)> Untranslated =>
        Snapshot.Chapters.Where(c => c.Current(Language) is null && c.Current(Language.Fi) is not null).Select(c => (c, c.Current(Language.Fi)!)).ToList();

    public void OnGet()
    {
    }
}
