using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

/// <summary>
/// What every page tells the layout: its title, the same page in the other language, and the
/// canonical URL. The content snapshot is captured once per request, so a swap in the middle of
/// rendering cannot mix two versions of the content on one page.
/// </summary>
public abstract class PortalPageModel(ContentStore store, IStringLocalizer<SharedResource> text) : PageModel
{
    private ContentSnapshot? _content;

    public ContentSnapshot Snapshot => _content ??= store.Current;

    public IStringLocalizer<SharedResource> T { get; } = text;

    public Language Language => Languages.Current;

    public abstract string PageTitle { get; }

    /// <summary>Where the language switch leads: this page in the other language, or that language's front page.</summary>
    public virtual string AlternateLanguageUrl => SiteUrls.Home(Language.Other());

    /// <summary>Set when this page shows content that has a more permanent address.</summary>
    public virtual string? CanonicalUrl => null;

    /// <summary>What a search engine shows under the title: by default the site's description from site.yml.</summary>
    public virtual string MetaDescription => SiteDescriptions.GetValue(Snapshot.Site.Description(Language), static text => Snippet(text));

    // The cut of site.yml's description, made once per snapshot's text (which every page that
    // has no description of its own shows) instead of split and joined again on every request.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> SiteDescriptions = new();

    /// <summary>
    /// Text cut at a word boundary to the length search engines show (about 160 characters), with
    /// an ellipsis when something was left off.
    /// </summary>
    public static string Snippet(string text, int length = 160)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (normalized.Length <= length)
        {
            return normalized;
        }

        var cut = normalized.LastIndexOf(' ', length - 1);
        return normalized[..(cut > length / 2 ? cut : length - 1)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    public string StatusName(VersionStatus status) => T[$"Status_{status}"];

    /// <summary>Dates as Finns write them in both languages: 14.9.2026.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
