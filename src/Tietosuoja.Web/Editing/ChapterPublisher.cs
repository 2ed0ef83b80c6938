using System.Globalization;
using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Editing;

/// <summary>What an editor wants to publish: one chapter version in one language, and for a new chapter its addresses.</summary>
public sealed record ChapterText(
    string ChapterId,
    Language Language,
    VersionNumber Version,
    VersionStatus Status,
    string Title,
    string Summary,
    string Markdown,
    string? NewChapterSlugFi = null,
    string? NewChapterSlugSv = null)
{
    public bool IsNewChapter => NewChapterSlugFi is not null;

    /// <summary>Where the file goes, relative to the content folder.</summary>
    public string RelativePath => $"{ContentLoader.ChaptersFolder}/{ChapterId}/{Language.Code()}/{Version}.md";
}

/// <summary>
/// A problem that stops publishing. <see cref="Field"/> is the form field it belongs to (null for
/// the text as a whole); <see cref="Line"/> is a line of the editor's text, counted from 1.
/// Problems found by the content loader carry its message as is, in <see cref="Detail"/>.
/// </summary>
public sealed record PublishProblem(string? Field, string MessageKey, int? Line = null, string? Detail = null);

/// <summary>The outcome of checking a chapter text: its problems, or the version exactly as readers would get it.</summary>
public sealed record PublishCheck(IReadOnlyList<PublishProblem> Problems, ChapterVersion? Preview, ContentSnapshot? Snapshot)
{
    public bool CanPublish => Problems.Count == 0 && Preview is not null;
}

/// <summary>
/// Turns an editor's text into a content file. The check runs the content loader itself over a
/// copy of content/ with the new file added, so the editor sees the same errors, and the same
/// rendering, as the portal would produce. Publishing writes the file atomically (temporary file,
/// then a rename that refuses to replace anything), so a published version is never overwritten,
/// and reloads the snapshot so readers see the version at once.
/// </summary>
public sealed class ChapterPublisher(ContentStore store, ContentLoader loader, MarkdownRenderer renderer, TimeProvider clock) : IDisposable
{
    /// <summary>One publication at a time on this instance: check and write must see the same folder.</summary>
    private readonly SemaphoreSlim _publishing = new(1, 1);

    public static readonly string[] StatusChoices = [nameof(VersionStatus.Published), nameof(VersionStatus.Consultation)];

    /// <summary>The version numbers a new text may take: the next minor and major for Finnish; untranslated Finnish versions for Swedish.</summary>
    public static IReadOnlyList<VersionNumber> VersionChoices(ContentSnapshot snapshot, string chapterId, Language language)
    {
        var chapter = snapshot.FindChapterById(chapterId);
        if (chapter is null)
        {
            return language == Language.Fi ? [new VersionNumber(1, 0), new VersionNumber(0, 1)] : [];
        }

        if (language == Language.Fi)
        {
            var latest = chapter.Versions(Language.Fi).Max(v => v.Version);
            return [new VersionNumber(latest.Major, latest.Minor + 1), new VersionNumber(latest.Major + 1, 0)];
        }

        var translated = chapter.Versions(language).Select(v => v.Version).ToHashSet();
        return [.. chapter.Versions(Language.Fi).Select(v => v.Version).Where(v => !translated.Contains(v)).OrderDescending()];
    }

    /// <summary>Checks the text as the content loader would, on a copy of content/; nothing is written to content/.</summary>
    public PublishCheck Check(ChapterText text)
    {
        var problems = FormProblems(text);
        if (problems.Count == 0)
        {
            problems.AddRange(PlaceProblems(text, store.Current));
        }

        if (problems.Count > 0)
        {
            return new PublishCheck(problems, null, null);
        }

        var candidate = Path.Combine(Path.GetTempPath(), "tietosuoja-candidate-" + Guid.NewGuid().ToString("N"));
        try
        {
            ContentFolder.Copy(store.RootPath, candidate);
            Write(candidate, text, FileText(text));
            var result = loader.Load(candidate, store.Current.Generation + 1);
            var loaderProblems = result.Errors.Select(error => ToProblem(text, error)).ToList();
            var preview = result.Snapshot?.FindChapterById(text.ChapterId)?.Find(text.Language, text.Version);
            return new PublishCheck(loaderProblems, preview, result.Snapshot);
        }
        finally
        {
            TryDelete(candidate);
        }
    }

    /// <summary>Checks again and, if the text passes, writes it into content/ and reloads the snapshot.</summary>
    public async Task<PublishCheck> PublishAsync(ChapterText text, CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            var check = Check(text);
            if (!check.CanPublish)
            {
                return check;
            }

            var target = Path.Combine(store.RootPath, text.RelativePath);
            var siteFile = Path.Combine(store.RootPath, ContentLoader.SiteFileName);
            var siteBefore = text.IsNewChapter ? await File.ReadAllTextAsync(siteFile, cancellationToken) : null;
            try
            {
                WriteNew(target, FileText(text));
            }
            catch (IOException) when (File.Exists(target))
            {
                // Published from elsewhere since the check; never replace a published version.
                return new PublishCheck([new PublishProblem("Version", "Publish_VersionExists")], null, null);
            }

            if (siteBefore is not null)
            {
                ReplaceAtomically(siteFile, WithChapter(siteBefore, text));
            }

            var reload = store.Reload();
            if (!reload.Succeeded)
            {
                // Something changed content/ between the check and the write: take the new file back
                // out, so the folder is as it was and the last good snapshot stays in service.
                File.Delete(target);
                if (siteBefore is not null)
                {
                    ReplaceAtomically(siteFile, siteBefore);
                }

                store.Reload();
                return new PublishCheck([.. reload.Errors.Select(error => ToProblem(text, error))], null, null);
            }

            return check;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>The file as it will be stored: front matter written by the portal, then the editor's text.</summary>
    public string FileText(ChapterText text) => FrontMatterText(text) + NormalizeBody(text.Markdown);

    /// <summary>The front matter and the blank line after it; the editor's line 1 is the line after these.</summary>
    private string FrontMatterText(ChapterText text)
    {
        var today = DateOnly.FromDateTime(FinnishTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var status = text.Status switch
        {
            VersionStatus.Published => "published",
            VersionStatus.Consultation => "consultation",
            _ => "draft",
        };
        return new StringBuilder()
            .Append("---\n")
            .Append("title: ").Append(Quote(text.Title)).Append('\n')
            .Append("version: \"").Append(text.Version.ToString()).Append("\"\n")
            .Append("status: ").Append(status).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"date: {today:yyyy-MM-dd}\n")
            .Append("summary: ").Append(Quote(text.Summary)).Append('\n')
            .Append("---\n\n")
            .ToString();
    }

    /// <summary>
    /// Splits a text that starts with front matter (an uploaded content file) into its title,
    /// summary and body, so the editor sees only the body and the portal writes the front matter.
    /// </summary>
    public (string? Title, string? Summary, string Body) SplitFrontMatter(string text)
    {
        var document = renderer.Parse(text, Language.Fi);
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is not { Line: 0 } block)
        {
            return (null, null, text);
        }

        var errors = new List<ContentError>();
        var frontMatter = FrontMatter.Read(document, "upload", errors);
        var body = text[Math.Min(text.Length, block.Span.End + 1)..].TrimStart('\r', '\n');
        return (frontMatter?.Require("title", "upload", errors), frontMatter?.Require("summary", "upload", errors), body);
    }

    /// <summary>A published version's file, split like an upload: what an editor starts a new version from.</summary>
    public async Task<(string? Title, string? Summary, string Body)> SourceAsync(ChapterVersion version, CancellationToken cancellationToken) =>
        SplitFrontMatter(await File.ReadAllTextAsync(Path.Combine(store.RootPath, version.SourceFile), cancellationToken));

    public void Dispose() => _publishing.Dispose();

    private static List<PublishProblem> FormProblems(ChapterText text)
    {
        // Title and summary follow the rule of every free-text field (PlainText): blank counts as missing, unshowable is refused.
        var problems = new[]
            {
                PlainText.Check("Title", text.Title, ContentLimits.TitleMaxLength, tooLongMessage: "Error_TooLong"),
                PlainText.Check("Summary", text.Summary, ContentLimits.SummaryMaxLength, tooLongMessage: "Error_TooLong"),
            }
            .OfType<FieldProblem>()
            .Select(p => new PublishProblem(p.Field, p.MessageKey))
            .ToList();

        if (PlainText.IsBlank(text.Markdown))
        {
            problems.Add(new("Markdown", "Error_Required"));
        }

        if (!ContentLoader.IsSlug(text.ChapterId))
        {
            problems.Add(new("ChapterId", "Publish_BadSlug"));
        }

        if (text.IsNewChapter)
        {
            foreach (var (field, slug) in new[] { ("NewChapterSlugFi", text.NewChapterSlugFi), ("NewChapterSlugSv", text.NewChapterSlugSv) })
            {
                if (!ContentLoader.IsSlug(slug))
                {
                    problems.Add(new(field, "Publish_BadSlug"));
                }
            }
        }

        if (text.Status is not (VersionStatus.Published or VersionStatus.Consultation))
        {
            problems.Add(new("Status", "Error_Required"));
        }

        return problems;
    }

    /// <summary>Whether the text fits where it would go: an existing chapter or a new one, a version number that is free and next in line.</summary>
    private IEnumerable<PublishProblem> PlaceProblems(ChapterText text, ContentSnapshot snapshot)
    {
        var chapter = snapshot.FindChapterById(text.ChapterId);
        if (text.IsNewChapter && chapter is not null)
        {
            yield return new("ChapterId", "Publish_ChapterExists");
        }
        else if (!text.IsNewChapter && chapter is null)
        {
            yield return new("ChapterId", "Publish_ChapterUnknown");
        }
        else if (File.Exists(Path.Combine(store.RootPath, text.RelativePath)))
        {
            yield return new("Version", "Publish_VersionExists");
        }
        else if (!VersionChoices(snapshot, text.ChapterId, text.Language).Contains(text.Version))
        {
            yield return new("Version", "Publish_VersionNotAllowed");
        }

        if (text.IsNewChapter && snapshot.Chapters.Any(c => c.Slug(Language.Fi) == text.NewChapterSlugFi || c.Slug(Language.Sv) == text.NewChapterSlugSv))
        {
            yield return new("NewChapterSlugFi", "Publish_SlugTaken");
        }
    }

    private PublishProblem ToProblem(ChapterText text, ContentError error)
    {
        if (error.File == text.RelativePath)
        {
            // Lines of the stored file, less the front matter the portal wrote, are lines of the editor's text.
            var frontMatterLines = FrontMatterText(text).Count(c => c == '\n');
            var line = error.Line is { } fileLine && fileLine > frontMatterLines ? fileLine - frontMatterLines : (int?)null;
            return new PublishProblem("Markdown", "Publish_ContentError", line, error.Message);
        }

        return error.File == ContentLoader.SiteFileName && text.IsNewChapter
            ? new PublishProblem("ChapterId", "Publish_ContentError", null, error.Message)
            : new PublishProblem(null, "Publish_OtherFileError", error.Line, $"{error.File}: {error.Message}");
    }

    private static void Write(string root, ChapterText text, string fileText)
    {
        WriteNew(Path.Combine(root, text.RelativePath), fileText);
        if (text.IsNewChapter)
        {
            var siteFile = Path.Combine(root, ContentLoader.SiteFileName);
            File.WriteAllText(siteFile, WithChapter(File.ReadAllText(siteFile), text));
        }
    }

    /// <summary>Writes a file that must not exist yet: a hidden temporary file first, then a rename that fails if the target exists.</summary>
    private static void WriteNew(string path, string fileText)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, fileText, new UTF8Encoding(false));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void ReplaceAtomically(string path, string fileText)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, fileText, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>site.yml with the new chapter appended to its chapter list, which is the file's last entry.</summary>
    private static string WithChapter(string siteFile, ChapterText text) =>
        siteFile.TrimEnd() + "\n"
        + $"  - id: {text.ChapterId}\n    slug:\n      fi: {text.NewChapterSlugFi}\n      sv: {text.NewChapterSlugSv}\n";

    private static string NormalizeBody(string markdown) => markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n') + "\n";

    /// <summary>A YAML double-quoted scalar on one line.</summary>
    private static string Quote(string value) =>
        "\"" + string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim()
            .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temporary folders; a leftover copy holds only published content.
        }
    }
}
