using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Guidance;

public enum LinkKind
{
    SamePage,
    Home,
    Chapter,
    Version,
    History,
    Page,
    Glossary,
}

/// <summary>A portal URL taken apart, so content links can be checked against the snapshot.</summary>
public sealed record InternalLink(LinkKind Kind, Language Language, string? Slug, VersionNumber? Version, string? Anchor);

/// <summary>
/// The one place that knows the portal's public URL scheme. Route templates, generated links and
/// the content validator all use it, so a URL that renders is a URL that routes.
/// Finnish URLs have no prefix; Swedish ones live under /sv.
/// </summary>
public static class SiteUrls
{
    private const string SwedishPrefix = Languages.SwedishPathPrefix;

    private static string ChapterSegment(Language language) => language == Language.Sv ? "kapitel" : "luku";

    private static string VersionSegment(Language language) => language == Language.Sv ? "version" : "versio";

    private static string HistorySegment(Language language) => language == Language.Sv ? "historik" : "historia";

    /// <summary>The glossary's path word; reserved, so no site page can take it.</summary>
    public static string GlossarySegment(Language language) => language == Language.Sv ? "ordlista" : "sanasto";

    private static string CompareSegment(Language language) => language == Language.Sv ? "jamforelse" : "vertailu";

    /// <summary>The search page's path word; reserved, so no site page can take it.</summary>
    public static string SearchSegment(Language language) => language == Language.Sv ? "sok" : "haku";

    /// <summary>The Atom feed's path word; reserved, so no site page can take it.</summary>
    public static string FeedSegment(Language language) => language == Language.Sv ? "flode" : "syote";

    /// <summary>The whole guidance on one page (for printing); reserved, so no site page can take it.</summary>
    public static string WholeGuidanceSegment(Language language) => language == Language.Sv ? "hela-anvisningen" : "koko-ohje";

    private static string CommentSegment(Language language) => language == Language.Sv ? "kommentera" : "kommentoi";

    /// <summary>The rounds list's path word; reserved, so no site page can take it.</summary>
    public static string RoundsSegment(Language language) => language == Language.Sv ? "kommentarsrundor" : "kommentointikierrokset";

    /// <summary>The private comment link's path word; reserved, so no site page can take it.</summary>
    public static string CommentLinkSegment(Language language) => language == Language.Sv ? "kommentar" : "kommentti";

    /// <summary>
    /// First path segments of the public portal, which no site page slug may take. Other parts of
    /// the application add their own through <see cref="ReservedUrlSegments"/>.
    /// </summary>
    public static IReadOnlyList<string> ReservedFirstSegments { get; } =
    [
        SwedishPrefix, "health", "error", "css", "js", "lib", "favicon.ico", "favicon.svg", "apple-touch-icon.png", "robots.txt", "sitemap.xml",
        .. Languages.All.SelectMany(language => new[]
        {
            ChapterSegment(language), GlossarySegment(language), RoundsSegment(language), CommentLinkSegment(language),
            SearchSegment(language), FeedSegment(language), WholeGuidanceSegment(language),
        }),
    ];

    private static string Prefix(Language language) => language == Language.Sv ? "/" + SwedishPrefix : string.Empty;

    public static string Home(Language language) => language == Language.Sv ? "/" + SwedishPrefix : "/";

    public static string Chapter(Language language, string slug) =>
        $"{Prefix(language)}/{ChapterSegment(language)}/{Uri.EscapeDataString(slug)}";

    public static string Chapter(Chapter chapter, Language language) => Chapter(language, chapter.Slug(language));

    public static string Version(Chapter chapter, ChapterVersion version) =>
        $"{Chapter(chapter, version.Language)}/{VersionSegment(version.Language)}/{version.Version}";

    public static string History(Chapter chapter, Language language) =>
        $"{Chapter(chapter, language)}/{HistorySegment(language)}";

    /// <summary>What changed from one version to another (both in the same language).</summary>
    public static string Compare(Chapter chapter, Language language, VersionNumber from, VersionNumber to) =>
        $"{CompareChooser(chapter, language)}/{from}/{to}";

    /// <summary>The comparison address without versions: it takes ?from=&amp;to= from the history page's form.</summary>
    public static string CompareChooser(Chapter chapter, Language language) =>
        $"{Chapter(chapter, language)}/{CompareSegment(language)}";

    public static string Search(Language language) => $"{Prefix(language)}/{SearchSegment(language)}";

    public static string Search(Language language, string query, bool includeEarlier = false, int page = 1) =>
        $"{Search(language)}?q={Uri.EscapeDataString(query)}" + (includeEarlier ? "&earlier=true" : string.Empty)
            + (page > 1 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"&p={page}") : string.Empty);

    public static string Feed(Language language) => $"{Prefix(language)}/{FeedSegment(language)}";

    public static string WholeGuidance(Language language) => $"{Prefix(language)}/{WholeGuidanceSegment(language)}";

    /// <summary>A section's place in a version: at the chapter URL when it is the current version, else at the version's own URL.</summary>
    public static string Section(Chapter chapter, ChapterVersion version, string? anchor)
    {
        var page = version == chapter.Current(version.Language) ? Chapter(chapter, version.Language) : Version(chapter, version);
        return Anchored(page, anchor);
    }

    /// <summary>A place on a page: the page's address with the anchor, or the page itself without one.</summary>
    public static string Anchored(string page, string? anchor) => anchor is null ? page : $"{page}#{Uri.EscapeDataString(anchor)}";

    public static string Page(Language language, string slug) => $"{Prefix(language)}/{Uri.EscapeDataString(slug)}";

    public static string Page(SitePage page) => Page(page.Language, page.Slug);

    public static string Glossary(Language language) => $"{Prefix(language)}/{GlossarySegment(language)}";

    public static string Rounds(Language language) => $"{Prefix(language)}/{RoundsSegment(language)}";

    public static string Round(Language language, int roundId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Rounds(language)}/{roundId}");

    /// <summary>The comment form for a version, on the whole chapter or, with an anchor, on one section.</summary>
    public static string CommentForm(Chapter chapter, ChapterVersion version, string? sectionAnchor = null) =>
        CommentForm(version.Language, chapter.Slug(version.Language), version.Version, sectionAnchor);

    /// <summary>
    /// The comment form in <paramref name="language"/> for a version that may exist only in the other
    /// language (a Finnish draft commented on from the Swedish pages keeps the Swedish address).
    /// </summary>
    public static string CommentForm(Chapter chapter, Language language, VersionNumber version, string? sectionAnchor = null) =>
        CommentForm(language, chapter.Slug(language), version, sectionAnchor);

    public static string CommentForm(Language language, string slug, VersionNumber version, string? sectionAnchor = null) =>
        $"{Chapter(language, slug)}/{VersionSegment(language)}/{version}/{CommentSegment(language)}"
            + (sectionAnchor is null ? string.Empty : "/" + Uri.EscapeDataString(sectionAnchor));

    /// <summary>The commenter's private link; the token is the only key to it.</summary>
    public static string CommentLink(Language language, string token) => $"{Prefix(language)}/{CommentLinkSegment(language)}/{token}";

    /// <summary>A request path fit for logs: the secret of a private comment link is replaced by "{token}".</summary>
    public static string WithoutSecrets(string path) =>
        CommentLinkPrefix(path) is { } prefix ? prefix + "{token}" : path;

    /// <summary>True for a private comment link, whose address must not leak (logs, Referer).</summary>
    public static bool IsCommentLink(string path) => CommentLinkPrefix(path) is not null;

    // Built once: every request's path is checked (request log, traces), so the check allocates nothing.
    private static readonly string[] CommentLinkPrefixes = [.. Languages.All.Select(language => $"{Prefix(language)}/{CommentLinkSegment(language)}/")];

    private static string? CommentLinkPrefix(string path)
    {
        foreach (var prefix in CommentLinkPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>Route templates per language, used to register the localized page routes.</summary>
    public static class Templates
    {
        public static string Home(Language language) => language == Language.Sv ? SwedishPrefix : string.Empty;

        public static string Chapter(Language language) => $"{PrefixSegment(language)}{ChapterSegment(language)}/{{slug}}";

        public static string Version(Language language) => $"{Chapter(language)}/{VersionSegment(language)}/{{version}}";

        public static string History(Language language) => $"{Chapter(language)}/{HistorySegment(language)}";

        public static string Compare(Language language) => $"{Chapter(language)}/{CompareSegment(language)}/{{from?}}/{{to?}}";

        public static string Search(Language language) => $"{PrefixSegment(language)}{SearchSegment(language)}";

        public static string Feed(Language language) => $"{PrefixSegment(language)}{FeedSegment(language)}";

        public static string WholeGuidance(Language language) => $"{PrefixSegment(language)}{WholeGuidanceSegment(language)}";

        public static string Page(Language language) => $"{PrefixSegment(language)}{{slug}}";

        public static string Glossary(Language language) => $"{PrefixSegment(language)}{GlossarySegment(language)}";

        public static string Rounds(Language language) => $"{PrefixSegment(language)}{RoundsSegment(language)}";

        public static string Round(Language language) => $"{Rounds(language)}/{{roundId:int}}";

        public static string CommentForm(Language language) => $"{Version(language)}/{CommentSegment(language)}/{{section?}}";

        public static string CommentLink(Language language) => $"{PrefixSegment(language)}{CommentLinkSegment(language)}/{{token}}";

        private static string PrefixSegment(Language language) => language == Language.Sv ? SwedishPrefix + "/" : string.Empty;
    }

    /// <summary>The language a request path belongs to, from its first segment.</summary>
    public static Language LanguageOf(string? path) => Languages.OfPath(path);

    /// <summary>
    /// Parses a link written in content. Returns null for external links (with a scheme or host);
    /// an internal link that matches no URL pattern comes back as a <see cref="LinkKind.Page"/> link,
    /// so the validator reports it as a missing page.
    /// </summary>
    public static InternalLink? ParseInternal(string url)
    {
        if (url.StartsWith('#'))
        {
            return new InternalLink(LinkKind.SamePage, Language.Fi, null, null, url[1..]);
        }

        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var anchor = hash >= 0 ? url[(hash + 1)..] : null;
        var path = (hash >= 0 ? url[..hash] : url).TrimEnd('/');
        var language = LanguageOf(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        if (language == Language.Sv)
        {
            segments.RemoveAt(0);
        }

        return segments switch
        {
            [] => new InternalLink(LinkKind.Home, language, null, null, anchor),
            [var word] when word == GlossarySegment(language) => new InternalLink(LinkKind.Glossary, language, null, null, anchor),
            [var chapter, var slug] when chapter == ChapterSegment(language) =>
                new InternalLink(LinkKind.Chapter, language, slug, null, anchor),
            [var chapter, var slug, var history] when chapter == ChapterSegment(language) && history == HistorySegment(language) =>
                new InternalLink(LinkKind.History, language, slug, null, anchor),
            [var chapter, var slug, var versionSegment, var version] when chapter == ChapterSegment(language)
                && versionSegment == VersionSegment(language) && VersionNumber.TryParse(version, out var number) =>
                new InternalLink(LinkKind.Version, language, slug, number, anchor),
            _ => new InternalLink(LinkKind.Page, language, string.Join('/', segments), null, anchor),
        };
    }
}
