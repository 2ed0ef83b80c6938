using System.Globalization;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// What is wrong with a content file: the file (relative to content/), the line where known, a
/// stable <see cref="Code"/> and the arguments of its message. Guidance keeps the code and the
/// arguments, not a sentence: the editor area shows the message in the editor's language (the UI
/// strings <c>ContentError_{Code}</c>, see <see cref="MessageKey"/>), and logs keep
/// <see cref="Message"/>, the English text.
/// </summary>
public sealed record ContentError(string File, int? Line, ContentErrorCode Code, params object[] Arguments)
{
    /// <summary>The key of the message in the UI strings; its arguments are <see cref="Arguments"/>.</summary>
    public string MessageKey => KeyOf(Code);

    /// <summary>The message in English, for logs and developers.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, ContentErrorText.English(Code), Arguments);

    public static string KeyOf(ContentErrorCode code) => $"ContentError_{code}";

    public bool Equals(ContentError? other) =>
        other is not null && File == other.File && Line == other.Line && Code == other.Code && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(File, Line, Code, Arguments.Length);

    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}

/// <summary>
/// Every kind of content error. The names are the stable codes an editor can quote to the
/// portal's maintainers and that logs carry: never rename one; add a new one instead.
/// </summary>
public enum ContentErrorCode
{
    FileNotPermitted,
    FileUnreadable,
    UnexpectedFailure,
    ContentLoadFailed,
    SearchIndexFailed,
    SiteFileMissing,
    SiteFileMissingIn,
    YamlInvalid,
    SiteChapterIdInvalid,
    SiteChapterSlugInvalid,
    SiteNoChapters,
    SiteChapterIdDuplicate,
    SiteSlugDuplicate,
    SiteFieldMissingLanguage,
    SiteFieldUnknownLanguage,
    SiteFileCannotAddChapter,
    ChapterFolderNotListed,
    LanguageFolderUnknown,
    ChapterHasNoVersions,
    TranslationWithoutOriginal,
    TranslationWithoutOriginalVersion,
    VersionMalformed,
    VersionDuplicate,
    StatusUnknown,
    DateInvalid,
    LevelOneHeading,
    ImageNotAllowed,
    NestedTooDeeply,
    PageFileNameInvalid,
    PageSlugInvalid,
    PageSlugDuplicate,
    RequiredPageMissing,
    GlossaryIdInvalid,
    GlossaryTermIncomplete,
    GlossaryReferenceInvalid,
    GlossaryIdDuplicate,
    LinkHomeAnchor,
    LinkGlossaryTermMissing,
    LinkPageMissing,
    LinkChapterMissing,
    LinkVersionMissing,
    LinkAnchorMissing,
    FrontMatterMissing,
    FrontMatterInvalidYaml,
    FrontMatterNotMap,
    FrontMatterKeyNotPlain,
    FrontMatterValueNotSingle,
    FieldRequired,
    FieldUnknown,
}

/// <summary>The English text of each content error: what logs and developers read.</summary>
public static class ContentErrorText
{
    private const string QuoteAdvice = "a value that starts with '[', '{{', '&', '*', '!', '|', '>', '%' or '@', or contains ': ', must be in double quotes";

    /// <summary>How the message of a content error caused by a fault of the portal's own code begins.</summary>
    public const string UnexpectedFailure = "the portal could not process this file";

    public static string English(ContentErrorCode code) => code switch
    {
        ContentErrorCode.FileNotPermitted => "the portal is not allowed to read this file or folder: check its permissions",
        ContentErrorCode.FileUnreadable => "the file or folder cannot be read ({0}); check that it is an ordinary file and not a broken link",
        ContentErrorCode.UnexpectedFailure => UnexpectedFailure + " ({0}); it was refused so that the current content stays online. Simplify the part you changed last, and report the file to the portal's maintainers",
        ContentErrorCode.ContentLoadFailed => "the content could not be loaded ({0}); see the log",
        ContentErrorCode.SearchIndexFailed => "the search index could not be built ({0}); the content was refused so that search keeps working",
        ContentErrorCode.SiteFileMissing => "the site file is missing",
        ContentErrorCode.SiteFileMissingIn => "the site file is missing (looked in {0})",
        ContentErrorCode.YamlInvalid => "not valid: {0}",
        ContentErrorCode.SiteChapterIdInvalid => "{0}: 'id' must be lower-case letters, digits and hyphens",
        ContentErrorCode.SiteChapterSlugInvalid => "{0}.slug.{1}: '{2}' must be lower-case ASCII letters, digits and hyphens",
        ContentErrorCode.SiteNoChapters => "'chapters' lists no chapters",
        ContentErrorCode.SiteChapterIdDuplicate => "chapter id '{0}' is listed more than once",
        ContentErrorCode.SiteSlugDuplicate => "slug '{0}' ({1}) is used by more than one chapter",
        ContentErrorCode.SiteFieldMissingLanguage => "'{0}' needs a value for '{1}'",
        ContentErrorCode.SiteFieldUnknownLanguage => "'{0}' has an unknown language '{1}'; use fi or sv",
        ContentErrorCode.SiteFileCannotAddChapter => "the new chapter cannot be added to site.yml ({0})",
        ContentErrorCode.ChapterFolderNotListed => "chapter folder '{0}' is not listed under 'chapters' in site.yml",
        ContentErrorCode.LanguageFolderUnknown => "unknown language folder '{0}'; use fi or sv",
        ContentErrorCode.ChapterHasNoVersions => "the chapter has no versions: add fi/1.0.md",
        ContentErrorCode.TranslationWithoutOriginal => "a translation whose chapter does not exist: there is no Finnish original (fi/) for it",
        ContentErrorCode.TranslationWithoutOriginalVersion => "a translation whose chapter version does not exist: there is no Finnish version {0}",
        ContentErrorCode.VersionMalformed => "version '{0}' is malformed: use MAJOR.MINOR, such as 1.0 or 2.1 (in quotes)",
        ContentErrorCode.VersionDuplicate => "duplicate version {0}: also in {1}; a published version never changes, so a fix needs a new version number",
        ContentErrorCode.StatusUnknown => "status '{0}' is not one of: draft, consultation, published",
        ContentErrorCode.DateInvalid => "date '{0}' is not a date in the form YYYY-MM-DD",
        ContentErrorCode.LevelOneHeading => "a chapter must not have a level-1 heading ('# …'): the title comes from the front matter, sections start at '##'",
        ContentErrorCode.ImageNotAllowed => "images ('![…](…)' or '![…][…]') are not part of the guidance: describe the matter in the text, or link to the document with '[text](https://…)'",
        ContentErrorCode.NestedTooDeeply => "the text is nested more than {0} levels deep (block quotes, lists, emphasis, links or brackets inside each other); flatten the structure",
        ContentErrorCode.PageFileNameInvalid => "a site page file must be named KEY.LANGUAGE.md, such as privacy.fi.md",
        ContentErrorCode.PageSlugInvalid => "slug '{0}' must be lower-case ASCII letters, digits and hyphens, and not one of: {1}",
        ContentErrorCode.PageSlugDuplicate => "slug '{0}' is also used by {1}",
        ContentErrorCode.RequiredPageMissing => "this site page is required (the footer links to it) but the file is missing",
        ContentErrorCode.GlossaryIdInvalid => "{0}: 'id' must be lower-case ASCII letters, digits and hyphens",
        ContentErrorCode.GlossaryTermIncomplete => "term '{0}' needs a '{1}' term and definition",
        ContentErrorCode.GlossaryReferenceInvalid => "term '{0}': reference '{1}' ({2}) is not a citation in the form the guidance uses",
        ContentErrorCode.GlossaryIdDuplicate => "term id '{0}' is used more than once",
        ContentErrorCode.LinkHomeAnchor => "broken internal link '{0}': the front page has no sections to link to",
        ContentErrorCode.LinkGlossaryTermMissing => "broken internal link '{0}': the glossary has no term '#{1}'",
        ContentErrorCode.LinkPageMissing => "broken internal link '{0}': there is no page '{1}' in {2}",
        ContentErrorCode.LinkChapterMissing => "broken internal link '{0}': there is no chapter '{1}' in {2}",
        ContentErrorCode.LinkVersionMissing => "broken internal link '{0}': the chapter has no version {1} in {2}",
        ContentErrorCode.LinkAnchorMissing => "broken internal link '{0}': there is no section '#{1}' (sections: {2})",
        ContentErrorCode.FrontMatterMissing => "front matter is missing: the file must start with a '---' line, the fields, and a closing '---' line",
        ContentErrorCode.FrontMatterInvalidYaml => "front matter is not valid YAML ({0}); " + QuoteAdvice,
        ContentErrorCode.FrontMatterNotMap => "front matter must be a list of 'field: value' lines",
        ContentErrorCode.FrontMatterKeyNotPlain => "a field name must be a plain word such as 'title'; " + QuoteAdvice,
        ContentErrorCode.FrontMatterValueNotSingle => "field '{0}' must be a single value; " + QuoteAdvice,
        ContentErrorCode.FieldRequired => "required field '{0}' is missing or empty",
        ContentErrorCode.FieldUnknown => "unknown field '{0}'; allowed fields are: {1}",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "no English text for this content error"),
    };
}
