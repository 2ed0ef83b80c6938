using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Tietosuoja.Web.Guidance.Linking;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tietosuoja.Web.Guidance;

public sealed record ContentLoadResult(ContentSnapshot? Snapshot, ImmutableArray<ContentError> Errors)
{
    public bool Succeeded => Snapshot is not null;
}

/// <summary>
/// Reads content/ into a snapshot, validating everything first. Either the whole folder is valid
/// and a snapshot comes back, or nothing does and the errors say what to fix; a half-valid
/// snapshot never reaches readers. The layout is described in docs/content-format.md.
/// </summary>
/// <remarks>
/// Never throws (docs/decisions/0013-the-loader-is-an-error-boundary.md): whatever goes wrong
/// while reading, parsing, rendering or linking one file, including a bug of our own, becomes a
/// <see cref="ContentError"/> for that file. The search index is not built here; the store builds
/// it when a snapshot goes into service, so a draft check does not pay for it.
/// </remarks>
public sealed partial class ContentLoader(MarkdownRenderer renderer, IEnumerable<ReservedUrlSegments>? reservedElsewhere = null, ILogger<ContentLoader>? logger = null)
{
    private readonly IReadOnlyList<string> _reservedSegments =
        [.. SiteUrls.ReservedFirstSegments, .. (reservedElsewhere ?? []).SelectMany(reserved => reserved.Segments)];

    /// <summary>First URL segments no site page may take: part of what a load's result depends on (<see cref="PersistedSnapshot"/>).</summary>
    public IReadOnlyList<string> ReservedSegments => _reservedSegments;

    /// <summary>
    /// Markdown files that loaded cleanly, by path. Every load (a reload, a draft check) reads every
    /// file, but parses and renders only those whose text, or whose glossary or address, differs from
    /// what a recent load saw; the result is the same as a full load. An entry not used by the last
    /// few loads (a draft previewed once) is dropped.
    /// </summary>
    private readonly ConcurrentDictionary<string, CachedFile> _cache = new(StringComparer.Ordinal);
    private long _loads;

    public const string SiteFileName = "site.yml";
    public const string ChaptersFolder = "chapters";
    public const string PagesFolder = "pages";
    public const string GlossaryFileName = "glossary.yml";

    /// <summary>How the message of a content error caused by a fault of the portal's own code begins.</summary>
    public const string UnexpectedFailure = ContentErrorText.UnexpectedFailure;

    /// <summary>Site pages that the layout links to in every language.</summary>
    public static readonly ImmutableArray<string> RequiredPageKeys = ["about", "privacy", "accessibility"];

    private static readonly string[] ChapterFields = ["title", "version", "status", "date", "summary"];
    private static readonly string[] PageFields = ["title", "slug"];

    // First path segments that belong to the portal itself and so cannot be site page slugs.

    public ContentLoadResult Load(string root, long generation) => Load(new FolderContentFiles(root), generation);

    public ContentLoadResult Load(IContentFiles files, long generation)
    {
        var errors = new List<ContentError>();
        var load = Interlocked.Increment(ref _loads);
        try
        {
            var snapshot = Read(files, generation, load, errors);
            return errors.Count > 0 || snapshot is null ? new ContentLoadResult(null, [.. errors]) : new ContentLoadResult(snapshot, []);
        }
        catch (Exception e)
        {
            // Listing a folder failed, or a fault outside any one file's boundary.
            errors.Add(Unexpected(".", e));
            return new ContentLoadResult(null, [.. errors]);
        }
        finally
        {
            foreach (var (path, cached) in _cache)
            {
                if (Interlocked.Read(ref cached.LastUsed) < load - 2)
                {
                    _cache.TryRemove(KeyValuePair.Create(path, cached));
                }
            }
        }
    }

    private ContentSnapshot? Read(IContentFiles files, long generation, long load, List<ContentError> errors)
    {
        var site = Guarded(SiteFileName, errors, () => ReadSiteFile(files, errors));
        if (site is null)
        {
            return null;
        }

        var documents = new List<LoadedDocument>();
        var glossary = Guarded(GlossaryFileName, errors, () => ReadGlossary(files, errors), []);
        var glossaryLinkers = Languages.All.ToDictionary(language => language, language => new GlossaryLinker(glossary, language));
        var context = new LoadContext(files, load, GlossaryKey(glossary), documents, errors);
        var chapters = ReadChapters(context, site, glossaryLinkers);
        var pages = ReadPages(context);
        var snapshot = new ContentSnapshot(site.Info, chapters, pages, glossary, generation);
        ValidateLinks(snapshot, documents, errors);
        return snapshot;
    }

    /// <summary>One file's step: any exception in it becomes that file's content error.</summary>
    private T? Guarded<T>(string file, List<ContentError> errors, Func<T> step, T? fallback = default)
    {
        try
        {
            return step();
        }
        catch (Exception e)
        {
            errors.Add(Unexpected(file, e));
            return fallback;
        }
    }

    /// <summary>What a writer can do about an exception: fix the file's permissions, or report a fault with the file named.</summary>
    private ContentError Unexpected(string file, Exception e)
    {
        switch (e)
        {
            case UnauthorizedAccessException:
                return new ContentError(file, null, ContentErrorCode.FileNotPermitted);
            case IOException:
                return new ContentError(file, null, ContentErrorCode.FileUnreadable, e.Message);
            default:
                if (logger is not null)
                {
                    LogUnexpected(logger, e, file);
                }

                return new ContentError(file, null, ContentErrorCode.UnexpectedFailure, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure while loading content file {File}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string file);

    private sealed record SiteDefinition(SiteInfo Info, ImmutableArray<ChapterEntry> Chapters);

    /// <summary>What the link check needs of a loaded file: its internal-link candidates with their lines, and its headings.</summary>
    private sealed record LoadedDocument(string File, Language Language, ImmutableArray<(string Url, int Line)> Links, RenderedDocument Rendered)
    {
        public static LoadedDocument Of(string file, Language language, MarkdownDocument markdown, RenderedDocument rendered) =>
            new(file, language, [.. markdown.Descendants<LinkInline>().Where(l => !l.IsImage && l.Url is not null).Select(l => (l.Url!, l.Line + 1))], rendered);
    }

    /// <summary>One load's inputs and outputs, passed down to each file's step.</summary>
    private sealed record LoadContext(IContentFiles Files, long Load, string GlossaryKey, List<LoadedDocument> Documents, List<ContentError> Errors);

    private sealed class CachedFile(string text, string context, object value, LoadedDocument document, long load)
    {
        public string Text { get; } = text;

        public string Context { get; } = context;

        public object Value { get; } = value;

        public LoadedDocument Document { get; } = document;

        public long LastUsed = load;
    }

    /// <summary>
    /// The value of a Markdown file from the cache when its text and context are what they were,
    /// else from <paramref name="build"/> (cached if it succeeds).
    /// </summary>
    private T? ReadCached<T>(LoadContext context, string file, string key, Func<string, (T? Value, LoadedDocument? Document)> build)
        where T : class
    {
        var text = context.Files.ReadAllText(file);
        if (_cache.TryGetValue(file, out var cached) && cached.Text == text && cached.Context == key)
        {
            Interlocked.Exchange(ref cached.LastUsed, context.Load);
            context.Documents.Add(cached.Document);
            return (T)cached.Value;
        }

        var (value, document) = build(text);
        if (value is not null && document is not null)
        {
            context.Documents.Add(document);
            _cache[file] = new CachedFile(text, key, value, document, context.Load);
        }

        return value;
    }

    private static string GlossaryKey(ImmutableArray<GlossaryEntry> glossary) =>
        string.Join('\n', glossary.SelectMany(entry => entry.Texts.OrderBy(t => t.Key).Select(t => $"{entry.Id}|{t.Key}|{t.Value.Term}|{t.Value.Definition}|{t.Value.Reference}")));

    private static SiteDefinition? ReadSiteFile(IContentFiles files, List<ContentError> errors)
    {
        if (!files.FileExists(SiteFileName))
        {
            errors.Add((files is FolderContentFiles folder ? new ContentError(SiteFileName, null, ContentErrorCode.SiteFileMissingIn, folder.Root) : new ContentError(SiteFileName, null, ContentErrorCode.SiteFileMissing)));
            return null;
        }

        if (!TryDeserialize<SiteFile>(files, SiteFileName, errors, out var file))
        {
            return null;
        }

        var before = errors.Count;
        var titles = PerLanguage(file?.Title, "title", errors);
        var descriptions = PerLanguage(file?.Description, "description", errors);
        var entries = new List<ChapterEntry>();
        foreach (var (chapter, index) in (file?.Chapters ?? []).Select((c, i) => (c, i)))
        {
            var where = $"chapters[{index + 1}]";
            if (string.IsNullOrWhiteSpace(chapter.Id) || !SlugPattern().IsMatch(chapter.Id))
            {
                errors.Add(new ContentError(SiteFileName, null, ContentErrorCode.SiteChapterIdInvalid, where));
                continue;
            }

            var slugs = PerLanguage(chapter.Slug, $"{where}.slug", errors);
            foreach (var (language, slug) in slugs)
            {
                if (!SlugPattern().IsMatch(slug))
                {
                    errors.Add(new ContentError(SiteFileName, null, ContentErrorCode.SiteChapterSlugInvalid, where, language.Code(), slug));
                }
            }

            entries.Add(new ChapterEntry(chapter.Id, entries.Count + 1, slugs));
        }

        if (entries.Count == 0)
        {
            errors.Add(new ContentError(SiteFileName, null, ContentErrorCode.SiteNoChapters));
        }

        foreach (var duplicate in entries.GroupBy(e => e.Id).Where(g => g.Count() > 1))
        {
            errors.Add(new ContentError(SiteFileName, null, ContentErrorCode.SiteChapterIdDuplicate, duplicate.Key));
        }

        foreach (var language in Languages.All)
        {
            foreach (var duplicate in entries.Where(e => e.Slugs.ContainsKey(language)).GroupBy(e => e.Slugs[language]).Where(g => g.Count() > 1))
            {
                errors.Add(new ContentError(SiteFileName, null, ContentErrorCode.SiteSlugDuplicate, duplicate.Key, language.Code()));
            }
        }

        return errors.Count > before ? null : new SiteDefinition(new SiteInfo(titles, descriptions), [.. entries]);
    }

    /// <summary>Reads a YAML file into its shape; a syntax error or unknown field becomes a content error with its line.</summary>
    private static bool TryDeserialize<T>(IContentFiles files, string file, List<ContentError> errors, out T? value)
    {
        var text = files.ReadAllText(file);
        try
        {
            value = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<T>(text);
            return true;
        }
        catch (YamlException e)
        {
            errors.Add(new ContentError(file, (int)e.Start.Line, ContentErrorCode.YamlInvalid, (e.InnerException ?? e).Message));
            value = default;
            return false;
        }
    }

    private static ImmutableDictionary<Language, string> PerLanguage(Dictionary<string, string>? values, string field, List<ContentError> errors)
    {
        var result = ImmutableDictionary.CreateBuilder<Language, string>();
        foreach (var language in Languages.All)
        {
            if (values is not null && values.TryGetValue(language.Code(), out var value) && !PlainText.IsBlank(value))
            {
                result[language] = value.Trim();
            }
            else
            {
                errors.Add(new ContentError(SiteFileName, null, ContentErrorCode.SiteFieldMissingLanguage, field, language.Code()));
            }
        }

        foreach (var key in values?.Keys ?? Enumerable.Empty<string>())
        {
            if (!Languages.TryParse(key, out _))
            {
                errors.Add(new ContentError(SiteFileName, null, ContentErrorCode.SiteFieldUnknownLanguage, field, key));
            }
        }

        return result.ToImmutable();
    }

    private ImmutableArray<Chapter> ReadChapters(LoadContext context, SiteDefinition site, Dictionary<Language, GlossaryLinker> glossaryLinkers)
    {
        var (files, errors) = (context.Files, context.Errors);
        var listed = site.Chapters.Select(c => c.Id).ToHashSet();
        foreach (var id in files.Folders(ChaptersFolder))
        {
            if (!listed.Contains(id))
            {
                errors.Add(new ContentError($"{ChaptersFolder}/{id}", null, ContentErrorCode.ChapterFolderNotListed, id));
            }
        }

        var chapters = ImmutableArray.CreateBuilder<Chapter>();
        foreach (var entry in site.Chapters)
        {
            var chapterFolder = $"{ChaptersFolder}/{entry.Id}";
            var versions = ImmutableDictionary.CreateBuilder<Language, ImmutableArray<ChapterVersion>>();
            var finnishUnreadable = false;
            foreach (var code in files.Folders(chapterFolder))
            {
                var languageFolder = $"{chapterFolder}/{code}";
                if (!Languages.TryParse(code, out var language) || code != language.Code())
                {
                    errors.Add(new ContentError(languageFolder, null, ContentErrorCode.LanguageFolderUnknown, code));
                    continue;
                }

                var names = files.Files(languageFolder, ".md");
                var list = names
                    .Select(name => $"{languageFolder}/{name}")
                    .Select(file => Guarded(file, errors, () => ReadCached(context, file, $"{language}|{entry.Slugs.GetValueOrDefault(language)}|{context.GlossaryKey}", text => ReadChapterVersion(text, file, entry, language, glossaryLinkers[language], errors))))
                    .OfType<ChapterVersion>()
                    .ToList();
                if (language == Language.Fi && list.Count < names.Count)
                {
                    finnishUnreadable = true;
                }

                foreach (var duplicate in list.GroupBy(v => v.Version).Where(g => g.Count() > 1))
                {
                    errors.Add(new ContentError(
                        duplicate.Last().SourceFile,
                        null,
                        ContentErrorCode.VersionDuplicate,
                        duplicate.Key.ToString(),
                        string.Join(", ", duplicate.SkipLast(1).Select(v => v.SourceFile))));
                }

                if (list.Count > 0)
                {
                    versions[language] = [.. list.OrderBy(v => v.Version)];
                }
            }

            var chapterPath = $"{ChaptersFolder}/{entry.Id}";
            if (finnishUnreadable)
            {
                // The Finnish files' own errors are reported; checking translations against them would only add noise.
            }
            else if (!versions.ContainsKey(Language.Fi))
            {
                errors.Add(new ContentError(chapterPath, null, versions.Count == 0
                    ? ContentErrorCode.ChapterHasNoVersions
                    : ContentErrorCode.TranslationWithoutOriginal));
            }
            else if (versions.TryGetValue(Language.Sv, out var swedish))
            {
                foreach (var translation in swedish.Where(t => versions[Language.Fi].All(o => o.Version != t.Version)))
                {
                    errors.Add(new ContentError(translation.SourceFile, null, ContentErrorCode.TranslationWithoutOriginalVersion, translation.Version.ToString()));
                }
            }

            chapters.Add(new Chapter(entry.Id, entry.Number, entry.Slugs, versions.ToImmutable()));
        }

        return chapters.ToImmutable();
    }

    private (ChapterVersion?, LoadedDocument?) ReadChapterVersion(string text, string file, ChapterEntry entry, Language language, GlossaryLinker glossaryLinker, List<ContentError> errors)
    {
        var chapterId = entry.Id;
        var before = errors.Count;
        var markdown = Parse(text, file, language, errors);
        if (markdown is null || FrontMatter.Read(markdown, file, errors) is not { } frontMatter)
        {
            return (null, null);
        }

        frontMatter.RejectUnknown(ChapterFields, file, errors);
        var title = frontMatter.Require("title", file, errors);
        var versionText = frontMatter.Require("version", file, errors);
        var statusText = frontMatter.Require("status", file, errors);
        var dateText = frontMatter.Require("date", file, errors);
        var summary = frontMatter.Require("summary", file, errors);

        var version = default(VersionNumber);
        if (versionText is not null && !VersionNumber.TryParse(versionText, out version))
        {
            errors.Add(new ContentError(file, frontMatter.LineOf("version"), ContentErrorCode.VersionMalformed, versionText));
        }

        var status = VersionStatus.Draft;
        if (statusText is not null && !TryParseStatus(statusText, out status))
        {
            errors.Add(new ContentError(file, frontMatter.LineOf("status"), ContentErrorCode.StatusUnknown, statusText));
        }

        var date = default(DateOnly);
        if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(new ContentError(file, frontMatter.LineOf("date"), ContentErrorCode.DateInvalid, dateText));
        }

        foreach (var heading in markdown.Descendants<HeadingBlock>().Where(h => h.Level == 1))
        {
            errors.Add(new ContentError(file, heading.Line + 1, ContentErrorCode.LevelOneHeading));
        }

        RejectImages(markdown, file, errors);

        if (errors.Count > before)
        {
            return (null, null);
        }

        glossaryLinker.Apply(markdown);
        var slug = entry.Slugs.GetValueOrDefault(language, chapterId);
        var (rendered, commentableHtml) = renderer.RenderWithComments(markdown, language, anchor => SiteUrls.CommentForm(language, slug, version, anchor));
        var chapterVersion = new ChapterVersion(chapterId, language, version, title!, status, date, summary!, rendered, commentableHtml, DocumentText.Blocks(markdown), file);
        return (chapterVersion, LoadedDocument.Of(file, language, markdown, rendered));
    }

    private ImmutableArray<SitePage> ReadPages(LoadContext context)
    {
        var errors = context.Errors;
        var pages = new List<SitePage>();
        foreach (var name in context.Files.Files(PagesFolder, ".md"))
        {
            var file = $"{PagesFolder}/{name}";
            if (Guarded(file, errors, () => ReadCached(context, file, string.Empty, text => ReadPage(text, file, errors))) is { } page)
            {
                pages.Add(page);
            }
        }

        foreach (var duplicate in pages.GroupBy(p => (p.Language, p.Slug)).Where(g => g.Count() > 1))
        {
            errors.Add(new ContentError(duplicate.Last().SourceFile, null, ContentErrorCode.PageSlugDuplicate, duplicate.Key.Slug, duplicate.First().SourceFile));
        }

        foreach (var key in RequiredPageKeys)
        {
            foreach (var language in Languages.All.Where(l => !pages.Any(p => p.Key == key && p.Language == l)))
            {
                errors.Add(new ContentError($"{PagesFolder}/{key}.{language.Code()}.md", null, ContentErrorCode.RequiredPageMissing));
            }
        }

        return [.. pages];
    }

    private (SitePage?, LoadedDocument?) ReadPage(string text, string file, List<ContentError> errors)
    {
        var nameParts = file[(file.LastIndexOf('/') + 1)..^".md".Length].Split('.');
        if (nameParts.Length != 2 || !SlugPattern().IsMatch(nameParts[0]) || !Languages.TryParse(nameParts[1], out var language) || nameParts[1] != language.Code())
        {
            errors.Add(new ContentError(file, null, ContentErrorCode.PageFileNameInvalid));
            return (null, null);
        }

        var before = errors.Count;
        var markdown = Parse(text, file, language, errors);
        if (markdown is null || FrontMatter.Read(markdown, file, errors) is not { } frontMatter)
        {
            return (null, null);
        }

        RejectImages(markdown, file, errors);
        frontMatter.RejectUnknown(PageFields, file, errors);
        var title = frontMatter.Require("title", file, errors);
        var slug = frontMatter.Require("slug", file, errors);
        if (slug is not null && (!SlugPattern().IsMatch(slug) || _reservedSegments.Contains(slug)))
        {
            errors.Add(new ContentError(file, frontMatter.LineOf("slug"), ContentErrorCode.PageSlugInvalid, slug, string.Join(", ", _reservedSegments)));
        }

        if (errors.Count > before)
        {
            return (null, null);
        }

        var rendered = renderer.Render(markdown, language);
        return (new SitePage(nameParts[0], language, slug!, title!, rendered, file), LoadedDocument.Of(file, language, markdown, rendered));
    }

    /// <summary>Reads and parses a Markdown file, or records why it cannot be used.</summary>
    private MarkdownDocument? Parse(string text, string file, Language language, List<ContentError> errors)
    {
        var markdown = renderer.Parse(text, language, out var problem);
        if (problem is not null)
        {
            errors.Add(new ContentError(file, problem.Line, ContentErrorCode.NestedTooDeeply, MarkdownRenderer.MaxNesting));
        }

        return markdown;
    }

    /// <summary>The guidance is text: an image (inline or by reference) would have no text alternative an editor checks, and the CSP would block it anyway.</summary>
    private static void RejectImages(MarkdownDocument markdown, string file, List<ContentError> errors)
    {
        foreach (var image in markdown.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            errors.Add(new ContentError(file, image.Line + 1, ContentErrorCode.ImageNotAllowed));
        }
    }

    private static ImmutableArray<GlossaryEntry> ReadGlossary(IContentFiles files, List<ContentError> errors)
    {
        if (!files.FileExists(GlossaryFileName))
        {
            return [];
        }

        if (!TryDeserialize<GlossaryFile>(files, GlossaryFileName, errors, out var file))
        {
            return [];
        }

        var entries = new List<GlossaryEntry>();
        foreach (var (term, index) in (file?.Terms ?? []).Select((t, i) => (t, i)))
        {
            var where = $"terms[{index + 1}]";
            if (string.IsNullOrWhiteSpace(term.Id) || !SlugPattern().IsMatch(term.Id))
            {
                errors.Add(new ContentError(GlossaryFileName, null, ContentErrorCode.GlossaryIdInvalid, where));
                continue;
            }

            var texts = ImmutableDictionary.CreateBuilder<Language, GlossaryText>();
            foreach (var language in Languages.All)
            {
                var text = language == Language.Fi ? term.Fi : term.Sv;
                if (PlainText.IsBlank(text?.Term) || PlainText.IsBlank(text.Definition))
                {
                    errors.Add(new ContentError(GlossaryFileName, null, ContentErrorCode.GlossaryTermIncomplete, term.Id, language.Code()));
                    continue;
                }

                if (text.Reference is { } reference && LegalReferenceParser.Find(reference, language).Count == 0)
                {
                    errors.Add(new ContentError(GlossaryFileName, null, ContentErrorCode.GlossaryReferenceInvalid, term.Id, reference, language.Code()));
                }

                texts[language] = new GlossaryText(text.Term.Trim(), text.Definition.Trim(), text.Reference?.Trim());
            }

            if (texts.Count == Languages.All.Count)
            {
                entries.Add(new GlossaryEntry(term.Id, texts.ToImmutable()));
            }
        }

        foreach (var duplicate in entries.GroupBy(e => e.Id).Where(g => g.Count() > 1))
        {
            errors.Add(new ContentError(GlossaryFileName, null, ContentErrorCode.GlossaryIdDuplicate, duplicate.Key));
        }

        return [.. entries];
    }

    private void ValidateLinks(ContentSnapshot snapshot, List<LoadedDocument> documents, List<ContentError> errors)
    {
        foreach (var document in documents)
        {
            Guarded(document.File, errors, () => ValidateLinks(snapshot, document, errors));
        }
    }

    private static bool ValidateLinks(ContentSnapshot snapshot, LoadedDocument document, List<ContentError> errors)
    {
        foreach (var (url, line) in document.Links)
        {
            var target = SiteUrls.ParseInternal(url);
            if (target is null)
            {
                continue;
            }

            var problem = target.Kind == LinkKind.SamePage
                ? AnchorProblem(document.Rendered, target.Anchor)
                : TargetProblem(snapshot, target);
            if (problem is { } found)
            {
                errors.Add(new ContentError(document.File, line, found.Code, [url, .. found.Arguments]));
            }
        }

        return true;
    }

    /// <summary>Why an internal link goes nowhere, as a code and the arguments after the link's address.</summary>
    private sealed record LinkProblem(ContentErrorCode Code, params object[] Arguments);

    private static LinkProblem? TargetProblem(ContentSnapshot snapshot, InternalLink target)
    {
        switch (target.Kind)
        {
            case LinkKind.Home:
                return target.Anchor is null ? null : new LinkProblem(ContentErrorCode.LinkHomeAnchor);
            case LinkKind.Glossary:
                return target.Anchor is null || snapshot.Glossary.Any(e => e.Id == target.Anchor) ? null : new LinkProblem(ContentErrorCode.LinkGlossaryTermMissing, target.Anchor);
            case LinkKind.Page:
                var page = snapshot.FindPage(target.Language, target.Slug!);
                return page is null ? new LinkProblem(ContentErrorCode.LinkPageMissing, target.Slug!, target.Language.Code()) : AnchorProblem(page.Body, target.Anchor);
            default:
                var chapter = snapshot.FindChapter(target.Language, target.Slug!);
                if (chapter is null)
                {
                    return new LinkProblem(ContentErrorCode.LinkChapterMissing, target.Slug!, target.Language.Code());
                }

                if (target.Kind == LinkKind.History)
                {
                    return null;
                }

                var version = target.Version is { } number ? chapter.Find(target.Language, number) : chapter.Current(target.Language);
                return version is null ? new LinkProblem(ContentErrorCode.LinkVersionMissing, target.Version?.ToString() ?? string.Empty, target.Language.Code()) : AnchorProblem(version.Body, target.Anchor);
        }
    }

    private static LinkProblem? AnchorProblem(RenderedDocument document, string? anchor) =>
        string.IsNullOrEmpty(anchor) || document.HasAnchor(anchor)
            ? null
            : new LinkProblem(ContentErrorCode.LinkAnchorMissing, anchor, string.Join(", ", document.Headings.Select(h => h.Anchor)));

    private static bool TryParseStatus(string text, out VersionStatus status)
    {
        status = text switch
        {
            "draft" => VersionStatus.Draft,
            "consultation" => VersionStatus.Consultation,
            "published" => VersionStatus.Published,
            _ => (VersionStatus)(-1),
        };
        return Enum.IsDefined(status);
    }

    /// <summary>Ids and slugs: lower-case ASCII letters and digits, words joined by single hyphens.</summary>
    public static bool IsSlug(string? text) => text is not null && SlugPattern().IsMatch(text);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    private sealed record ChapterEntry(string Id, int Number, ImmutableDictionary<Language, string> Slugs);

    // Shape of site.yml for YamlDotNet; settable properties are what its deserializer fills.
    private sealed class SiteFile
    {
        public Dictionary<string, string>? Title { get; set; }

        public Dictionary<string, string>? Description { get; set; }

        public List<SiteFileChapter>? Chapters { get; set; }
    }

    private sealed class GlossaryFile
    {
        public List<GlossaryFileTerm>? Terms { get; set; }
    }

    private sealed class GlossaryFileTerm
    {
        public string? Id { get; set; }

        public GlossaryFileText? Fi { get; set; }

        public GlossaryFileText? Sv { get; set; }
    }

    private sealed class GlossaryFileText
    {
        public string? Term { get; set; }

        public string? Definition { get; set; }

        public string? Reference { get; set; }
    }

    private sealed class SiteFileChapter
    {
        public string? Id { get; set; }

        public Dictionary<string, string>? Slug { get; set; }
    }
}
