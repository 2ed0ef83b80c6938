using System.Collections.Immutable;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.Web.Guidance;

/// <summary>A heading of a rendered document; <see cref="Anchor"/> is the stable section id.</summary>
public sealed record Heading(int Level, string Text, string Anchor);

/// <summary>Rendered Markdown: sanitised HTML plus the headings it contains, in order.</summary>
public sealed record RenderedDocument(string Html, ImmutableArray<Heading> Headings)
{
    public bool HasAnchor(string anchor) => Headings.Any(h => h.Anchor == anchor);
}

/// <summary>
/// One immutable version of a chapter in one language, as published in content/.
/// <see cref="CommentableHtml"/> is the same body with "comment on this section" on every heading,
/// shown while a round has the version open for comments. <see cref="Text"/> is its plain text in
/// blocks, which search indexes and the version comparison diffs.
/// </summary>
public sealed record ChapterVersion(
    string ChapterId,
    Language Language,
    VersionNumber Version,
    string Title,
    VersionStatus Status,
    DateOnly Date,
    string Summary,
    RenderedDocument Body,
    string CommentableHtml,
    ImmutableArray<TextBlock> Text,
    string SourceFile)
{
    public bool IsFinal => Status == VersionStatus.Published;

    /// <summary>
    /// The readable text of one section: its heading and every block up to the next heading of the
    /// same or a higher level, so a section's subsections come with it. Empty for an unknown anchor.
    /// </summary>
    public IEnumerable<TextBlock> SectionText(string anchor)
    {
        var start = 0;
        while (start < Text.Length && !(Text[start].Kind == TextBlockKind.Heading && Text[start].SectionAnchor == anchor))
        {
            start++;
        }

        if (start == Text.Length)
        {
            yield break;
        }

        var level = Text[start].Level;
        yield return Text[start];
        foreach (var block in Text.Skip(start + 1))
        {
            if (block.Kind == TextBlockKind.Footnote || block.Kind == TextBlockKind.Heading && block.Level <= level)
            {
                yield break;
            }

            yield return block;
        }
    }
}

/// <summary>
/// A chapter's stable identity (id, order, slugs) and its versions per language, oldest first.
/// Comments and links refer to the id; readers see the slug of their language.
/// </summary>
public sealed class Chapter(
    string id,
    int number,
    ImmutableDictionary<Language, string> slugs,
    ImmutableDictionary<Language, ImmutableArray<ChapterVersion>> versions)
{
    public string Id { get; } = id;

    public int Number { get; } = number;

    public string Slug(Language language) => slugs[language];

    public ImmutableArray<ChapterVersion> Versions(Language language) =>
        versions.TryGetValue(language, out var list) ? list : [];

    public bool IsAvailableIn(Language language) => !Versions(language).IsEmpty;

    public ChapterVersion? Find(Language language, VersionNumber version) =>
        Versions(language).FirstOrDefault(v => v.Version == version);

    public ChapterVersion? LatestPublished(Language language) =>
        Versions(language).LastOrDefault(v => v.Status == VersionStatus.Published);

    /// <summary>What the chapter URL shows: the latest published version, or the latest draft while none is published.</summary>
    public ChapterVersion? Current(Language language) =>
        LatestPublished(language) ?? (Versions(language) is { IsEmpty: false } all ? all[^1] : null);

    /// <summary>The version just before <paramref name="version"/> in its language, if there is one.</summary>
    public ChapterVersion? Previous(ChapterVersion version)
    {
        var list = Versions(version.Language);
        var index = list.IndexOf(version);
        return index > 0 ? list[index - 1] : null;
    }

    /// <summary>A draft or consultation version newer than <see cref="Current"/>, if there is one.</summary>
    public ChapterVersion? Upcoming(Language language)
    {
        var current = Current(language);
        return current is null ? null : Versions(language).LastOrDefault(v => v.Version > current.Version);
    }
}

/// <summary>A site page (about, privacy notice, accessibility statement) in one language.</summary>
public sealed record SitePage(string Key, Language Language, string Slug, string Title, RenderedDocument Body, string SourceFile);

/// <summary>A glossary term in one language.</summary>
public sealed record GlossaryText(string Term, string Definition, string? Reference);

/// <summary>A key term with its Finnish and Swedish wording; <see cref="Id"/> is its stable anchor.</summary>
public sealed record GlossaryEntry(string Id, ImmutableDictionary<Language, GlossaryText> Texts)
{
    public GlossaryText In(Language language) => Texts[language];
}

public sealed record SiteInfo(ImmutableDictionary<Language, string> Titles, ImmutableDictionary<Language, string> Descriptions)
{
    public string Title(Language language) => Titles[language];

    public string Description(Language language) => Descriptions[language];
}

/// <summary>
/// Everything readers see, loaded from content/ at once. Never mutated: a change to content/
/// produces a new snapshot that replaces this one atomically.
/// </summary>
/// <param name="search">The index of exactly these chapters when it was read with them (<see cref="PersistedSnapshot"/>); null: built when first asked for.</param>
public sealed class ContentSnapshot(SiteInfo site, ImmutableArray<Chapter> chapters, ImmutableArray<SitePage> pages, ImmutableArray<GlossaryEntry> glossary, long generation, GuidanceSearchIndex? search = null)
{
    public static readonly ContentSnapshot Empty = new(
        new SiteInfo(
            ImmutableDictionary<Language, string>.Empty.Add(Language.Fi, "Tietosuojan perusohjeet").Add(Language.Sv, "Grundläggande dataskyddsanvisningar"),
            ImmutableDictionary<Language, string>.Empty.Add(Language.Fi, string.Empty).Add(Language.Sv, string.Empty)),
        [],
        [],
        [],
        0);

    public SiteInfo Site { get; } = site;

    public ImmutableArray<Chapter> Chapters { get; } = chapters;

    public ImmutableArray<SitePage> Pages { get; } = pages;

    public ImmutableArray<GlossaryEntry> Glossary { get; } = glossary;

    private readonly Lazy<GuidanceSearchIndex> _search = search is null ? new(() => GuidanceSearchIndex.Build(chapters)) : new(search);

    /// <summary>
    /// The search index of exactly these chapters. The store builds it before it swaps the snapshot
    /// in, so it is ready for the first reader; a draft check's snapshot, or one that fails
    /// validation, never builds one.
    /// </summary>
    public GuidanceSearchIndex Search => _search.Value;

    public bool IsSearchBuilt => _search.IsValueCreated;

    /// <summary>Increases with every successful load; output cache entries are keyed by it.</summary>
    public long Generation { get; } = generation;

    public Chapter? FindChapter(Language language, string slug) =>
        Chapters.FirstOrDefault(c => c.IsAvailableIn(language) && string.Equals(c.Slug(language), slug, StringComparison.OrdinalIgnoreCase));

    public Chapter? FindChapterById(string id) => Chapters.FirstOrDefault(c => c.Id == id);

    public SitePage? FindPage(Language language, string slug) =>
        Pages.FirstOrDefault(p => p.Language == language && string.Equals(p.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public SitePage? Page(string key, Language language) =>
        Pages.FirstOrDefault(p => p.Key == key && p.Language == language);

}
