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
    private const string SwedishPrefix = "sv";

    private static string ChapterSegment(Language language) => language == Language.Sv ? "kapitel" : "luku";

    private static string VersionSegment(Language language) => language == Language.Sv ? "version" : "versio";

    private static string HistorySegment(Language language) => language == Language.Sv ? "historik" : "historia";

    /// <summary>The glossary's path word; reserved, so no site page can take it.</summary>
    public static string GlossarySegment(Language language) => language == Language.Sv ? "ordlista" : "sanasto";

    private static string Prefix(Language language) => language == Language.Sv ? "/" + SwedishPrefix : string.Empty;

    public static string Home(Language language) => language == Language.Sv ? "/" + SwedishPrefix : "/";

    public static string Chapter(Language language, string slug) =>
        $"{Prefix(language)}/{ChapterSegment(language)}/{Uri.EscapeDataString(slug)}";

    public static string Chapter(Chapter chapter, Language language) => Chapter(language, chapter.Slug(language));

    public static string Version(Chapter chapter, ChapterVersion version) =>
        $"{Chapter(chapter, version.Language)}/{VersionSegment(version.Language)}/{version.Version}";

    public static string History(Chapter chapter, Language language) =>
        $"{Chapter(chapter, language)}/{HistorySegment(language)}";

    public static string Page(Language language, string slug) => $"{Prefix(language)}/{Uri.EscapeDataString(slug)}";

    public static string Page(SitePage page) => Page(page.Language, page.Slug);

    public static string Glossary(Language language) => $"{Prefix(language)}/{GlossarySegment(language)}";

    /// <summary>Route templates per language, used to register the localized page routes.</summary>
    public static class Templates
    {
        public static string Home(Language language) => language == Language.Sv ? SwedishPrefix : string.Empty;

        public static string Chapter(Language language) => $"{PrefixSegment(language)}{ChapterSegment(language)}/{{slug}}";

        public static string Version(Language language) => $"{Chapter(language)}/{VersionSegment(language)}/{{version}}";

        public static string History(Language language) => $"{Chapter(language)}/{HistorySegment(language)}";

        public static string Page(Language language) => $"{PrefixSegment(language)}{{slug}}";

        public static string Glossary(Language language) => $"{PrefixSegment(language)}{GlossarySegment(language)}";

        private static string PrefixSegment(Language language) => language == Language.Sv ? SwedishPrefix + "/" : string.Empty;
    }

    /// <summary>The language a request path belongs to, from its first segment.</summary>
    public static Language LanguageOf(string? path) =>
        path is not null && (path.Equals("/" + SwedishPrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/" + SwedishPrefix + "/", StringComparison.OrdinalIgnoreCase))
            ? Language.Sv
            : Language.Fi;

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
