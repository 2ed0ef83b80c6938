using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Chapters;

/// <summary>A chapter at its permanent URL (latest published version) or one version at its own URL.</summary>
[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class ChapterModel(ContentStore store, IStringLocalizer<SharedResource> text, RoundCatalog rounds, EventCatalog events) : PortalPageModel(store, text)
{
    /// <summary>Workshops and webinars that concern the chapter: upcoming ones first, then past ones.</summary>
    public IReadOnlyList<PublicEvent> Events => events.ForChapter(Chapter.Id);

    /// <summary>The round in which the shown version is open for comments now, if any.</summary>
    public RoundInfo? OpenRound => rounds.OpenRoundFor(Chapter.Id, Version.Version);

    /// <summary>The round in which the newer version pointed to is open for comments, if any.</summary>
    public RoundInfo? UpcomingOpenRound => Upcoming is { } upcoming ? rounds.OpenRoundFor(Chapter.Id, upcoming.Version) : null;

    /// <summary>While a round is open, every heading also offers "comment on this section".</summary>
    public string BodyHtml => OpenRound is null ? Version.Body.Html : Version.CommentableHtml;

    public Chapter Chapter { get; private set; } = null!;

    public ChapterVersion Version { get; private set; } = null!;

    /// <summary>True when the URL names the version; false at the chapter's own URL.</summary>
    public bool IsVersionUrl { get; private set; }

    public ChapterVersion? LatestPublished => Chapter.LatestPublished(Language);

    public ChapterVersion? Upcoming => IsVersionUrl ? null : Chapter.Upcoming(Language);

    public bool IsOutdated => Version.IsFinal && LatestPublished is { } latest && latest.Version > Version.Version;

    /// <summary>
    /// The newest version in the other language when it is newer than every version in this one
    /// (a Finnish draft not yet translated); null when the translation it would point to is the
    /// current Finnish version that <see cref="TranslationLagsBehind"/> already names.
    /// </summary>
    public ChapterVersion? NewerInOtherLanguageOnly
    {
        get
        {
            var newestHere = Chapter.Versions(Language)[^1].Version;
            var newer = Chapter.Versions(Language.Other()) is { IsEmpty: false } other && other[^1].Version > newestHere ? other[^1] : null;
            return newer is not null && TranslationLagsBehind is { } finnish && finnish.Version == newer.Version ? null : newer;
        }
    }

    /// <summary>The current Finnish version, when this page shows a translation older than it (the Finnish text is the original).</summary>
    public ChapterVersion? TranslationLagsBehind =>
        Language != Language.Fi && Chapter.Current(Language.Fi) is { } finnish && finnish.Version > Version.Version && Version == Chapter.Current(Language)
            ? finnish
            : null;

    /// <summary>
    /// Other versions of the chapter open for comments now, in either language, besides the shown one
    /// and <see cref="Upcoming"/> (which have notices of their own): each with its round and whether
    /// its text is only in the other language.
    /// </summary>
    public IReadOnlyList<(VersionNumber Version, RoundInfo Round, bool OnlyInOtherLanguage)> OtherOpenVersions =>
    [
        .. Chapter.Versions(Language).Concat(Chapter.Versions(Language.Other()))
            .Select(v => v.Version).Distinct()
            .Where(v => v != Version.Version && v != Upcoming?.Version)
            .Order()
            .Select(v => (Version: v, Round: rounds.OpenRoundFor(Chapter.Id, v), OnlyInOtherLanguage: Chapter.Find(Language, v) is null))
            .Where(x => x.Round is not null)
            .Select(x => (x.Version, x.Round!, x.OnlyInOtherLanguage)),
    ];

    public override string PageTitle => IsVersionUrl ? T["VersionTitle", Version.Title, Version.Version] : Version.Title;

    public override string AlternateLanguageUrl
    {
        get
        {
            var other = Language.Other();
            if (!Chapter.IsAvailableIn(other))
            {
                return SiteUrls.Home(other);
            }

            return IsVersionUrl && Chapter.Find(other, Version.Version) is { } translation
                ? SiteUrls.Version(Chapter, translation)
                : SiteUrls.Chapter(Chapter, other);
        }
    }

    /// <summary>
    /// At the chapter's URL, how the chapter begins (what it is about); at a version's URL, which
    /// version it is and what changed in it.
    /// </summary>
    public override string MetaDescription => IsVersionUrl
        ? Snippet(T["MetaDescription_Version", Version.Version, FormatDate(Version.Date), StatusName(Version.Status).ToLower(System.Globalization.CultureInfo.CurrentCulture), Version.Summary])
        : Version.Text.FirstOrDefault(block => block.Kind == TextBlockKind.Paragraph) is { } opening ? Snippet(opening.Text) : base.MetaDescription;

    public override string? CanonicalUrl => IsVersionUrl && Version == Chapter.Current(Language) ? SiteUrls.Chapter(Chapter, Language) : null;

    /// <summary>Table of contents: level-2 sections with their level-3 subsections.</summary>
    public IEnumerable<(Heading Section, IReadOnlyList<Heading> Subsections)> Toc
    {
        get
        {
            var entries = new List<(Heading, IReadOnlyList<Heading>)>();
            List<Heading>? children = null;
            foreach (var heading in Version.Body.Headings.Where(h => h.Level is 2 or 3))
            {
                if (heading.Level == 2 || children is null)
                {
                    children = [];
                    entries.Add((heading, children));
                }
                else
                {
                    children.Add(heading);
                }
            }

            return entries;
        }
    }

    public IActionResult OnGet(string slug, string? version)
    {
        if (Snapshot.FindChapter(Language, slug) is not { } chapter)
        {
            return NotFound();
        }

        ChapterVersion? shown;
        if (version is null)
        {
            shown = chapter.Current(Language);
        }
        else
        {
            shown = VersionNumber.TryParse(version, out var number) ? chapter.Find(Language, number) : null;
            IsVersionUrl = true;
        }

        if (shown is null)
        {
            return NotFound();
        }

        Chapter = chapter;
        Version = shown;
        return Page();
    }
}
