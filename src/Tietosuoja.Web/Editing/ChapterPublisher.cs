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
/// The outcome of checking a chapter text: its problems, or the version exactly as readers would
/// get it. A problem the content loader found in the editor's text at a line is
/// <c>Publish_ProblemAtLine</c> with the line of the editor's text (from 1) and the loader's
/// <see cref="ContentError"/> as its arguments; the page shows the error in the editor's language.
/// </summary>
public sealed record PublishCheck(IReadOnlyList<FieldProblem> Problems, ChapterVersion? Preview, ContentSnapshot? Snapshot)
{
    public bool CanPublish => Problems.Count == 0 && Preview is not null;
}

/// <summary>
/// Turns an editor's text into a content file. The check runs the content loader itself over
/// content/ with the new file (and for a new chapter the new site.yml) laid over it in memory, so
/// the editor sees the same errors, and the same rendering, as the portal would produce, and
/// nothing is copied or written. Publishing writes the file atomically (temporary file, then a
/// rename that refuses to replace anything), so a published version is never overwritten, and
/// reloads the snapshot so readers see the version at once.
/// </summary>
/// <remarks>
/// Every instance of the portal may publish into the same content folder: a lock file in it
/// (<see cref="LockFileName"/>, created with <see cref="FileMode.CreateNew"/>) makes check, write
/// and reload one step across instances, so two new chapters cannot overwrite each other's
/// site.yml edit.
/// </remarks>
public sealed class ChapterPublisher(ContentStore store, ContentLoader loader, MarkdownRenderer renderer, TimeProvider clock) : IDisposable
{
    /// <summary>Hidden, so neither the loader nor the watcher sees it as content.</summary>
    public const string LockFileName = ".publishing.lock";

    /// <summary>A lock older than this was left by an instance that stopped mid-publication; a publication takes seconds.</summary>
    public static readonly TimeSpan StaleLockAge = TimeSpan.FromMinutes(2);

    /// <summary>How long a publication waits for another one to finish before asking the editor to try again.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(20);

    /// <summary>One publication at a time on this instance; the lock file orders instances.</summary>
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

    /// <summary>Checks the text as the content loader would, on content/ with the new file laid over it; nothing is written.</summary>
    /// <remarks>
    /// All problems come in one pass: the form's, where the text would go, and the content loader's
    /// on the text itself. When a form field is missing the loader still reads the text, with a
    /// stand-in for that field, so the editor learns about the text's problems at the same time.
    /// </remarks>
    public PublishCheck Check(ChapterText text)
    {
        var problems = FormProblems(text);
        var addressed = !problems.Any(p => p.Field is "ChapterId" or "NewChapterSlugFi" or "NewChapterSlugSv");
        if (addressed)
        {
            problems.AddRange(PlaceProblems(text, store.Current));
        }

        if (problems.Count > 0)
        {
            // Only form fields other than the text are missing or wrong (the stand-ins make the probe pass them).
            if (addressed && !problems.Any(p => p.Field is null or "Version" or "ChapterId" or "NewChapterSlugFi" or "Markdown"))
            {
                var probe = text with
                {
                    Title = problems.Any(p => p.Field == "Title") ? "-" : text.Title,
                    Summary = problems.Any(p => p.Field == "Summary") ? "-" : text.Summary,
                    Status = problems.Any(p => p.Field == "Status") ? VersionStatus.Published : text.Status,
                };
                problems.AddRange(Check(probe).Problems.Where(p => p.Field == "Markdown"));
            }

            return new PublishCheck(problems, null, null);
        }

        string? siteFile = null;
        if (text.IsNewChapter)
        {
            try
            {
                siteFile = SiteFileEditor.WithChapter(store.Files.ReadAllText(ContentLoader.SiteFileName), text.ChapterId, text.NewChapterSlugFi!, text.NewChapterSlugSv!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or InvalidCastException or InvalidOperationException)
            {
                return new PublishCheck([OtherFileProblem(SiteFileProblem(e))], null, null);
            }
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [text.RelativePath] = FileText(text) };
        if (siteFile is not null)
        {
            files[ContentLoader.SiteFileName] = siteFile;
        }

        var result = loader.Load(new OverlayContentFiles(store.Files, files), store.Current.Generation + 1);
        var preview = result.Snapshot?.FindChapterById(text.ChapterId)?.Find(text.Language, text.Version);
        return new PublishCheck([.. result.Errors.Select(error => ToProblem(text, error))], preview, result.Snapshot);
    }

    /// <summary>Checks again and, if the text passes, writes it into content/ and reloads the snapshot.</summary>
    public async Task<PublishCheck> PublishAsync(ChapterText text, CancellationToken cancellationToken)
    {
        var result = await PublishOnceAsync(text, cancellationToken);
        PortalMetrics.PublishResults.Add(1, PortalMetrics.Tag("outcome", result.CanPublish ? "published" : "refused"));
        return result;
    }

    private async Task<PublishCheck> PublishOnceAsync(ChapterText text, CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            await using var folderLock = await AcquireFolderLockAsync(cancellationToken);
            if (folderLock is null)
            {
                return new PublishCheck([FieldProblem.ForForm("Publish_Busy")], null, null);
            }

            // Another instance may have published since this one last looked.
            store.ReloadIfChanged();
            var check = Check(text);
            if (!check.CanPublish)
            {
                return check;
            }

            return Write(text, check);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The content volume refused a write (full, read-only, gone): nothing was published.
            return new PublishCheck([FieldProblem.ForForm("Publish_WriteFailed")], null, null);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>Writes the checked text and reloads; if the reload refuses, everything written is taken back out.</summary>
    private PublishCheck Write(ChapterText text, PublishCheck check)
    {
        var target = Path.Combine(store.RootPath, text.RelativePath);
        var siteFile = Path.Combine(store.RootPath, ContentLoader.SiteFileName);
        var siteBefore = text.IsNewChapter ? File.ReadAllText(siteFile) : null;
        var createdFolders = MissingFolders(Path.GetDirectoryName(target)!);
        try
        {
            WriteNew(target, FileText(text));
        }
        catch (IOException) when (File.Exists(target))
        {
            // Published from elsewhere since the check; never replace a published version.
            return new PublishCheck([new FieldProblem("Version", "Publish_VersionExists")], null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The volume refused the write after the folders were made: an empty chapter folder
            // missing from site.yml would make every later load refuse, so they go too.
            TakeBack(target, createdFolders, siteFile, siteBefore: null);
            throw;
        }

        ContentLoadResult reload;
        try
        {
            if (siteBefore is not null)
            {
                ReplaceAtomically(siteFile, SiteFileEditor.WithChapter(siteBefore, text.ChapterId, text.NewChapterSlugFi!, text.NewChapterSlugSv!));
            }

            reload = store.Reload();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TakeBack(target, createdFolders, siteFile, siteBefore);
            throw;
        }

        if (reload.Succeeded)
        {
            return check;
        }

        // Something changed content/ between the check and the write: take out what this
        // publication added, so the folder is as it was and the last good snapshot stays in service.
        TakeBack(target, createdFolders, siteFile, siteBefore);
        return new PublishCheck([.. reload.Errors.Select(error => ToProblem(text, error))], null, null);
    }

    /// <summary>Removes the new file and the folders created for it, puts site.yml back as it was, and reloads.</summary>
    private void TakeBack(string target, List<string> createdFolders, string siteFile, string? siteBefore)
    {
        File.Delete(target);
        foreach (var folder in createdFolders)
        {
            Directory.Delete(folder);
        }

        if (siteBefore is not null)
        {
            ReplaceAtomically(siteFile, siteBefore);
        }

        store.Reload();
    }

    /// <summary><paramref name="folder"/> and those of its parents that do not exist yet, deepest first: what a rollback removes.</summary>
    private List<string> MissingFolders(string folder)
    {
        var missing = new List<string>();
        var root = Path.GetFullPath(store.RootPath);
        for (var current = Path.GetFullPath(folder); !Directory.Exists(current) && current.StartsWith(root, StringComparison.Ordinal) && current != root; current = Path.GetDirectoryName(current)!)
        {
            missing.Add(current);
        }

        return missing;
    }

    /// <summary>
    /// The cross-instance publication lock, or null if another publication holds it for longer
    /// than <see cref="LockWait"/>. A lock older than <see cref="StaleLockAge"/> is taken over.
    /// </summary>
    private async Task<FolderLock?> AcquireFolderLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(store.RootPath, LockFileName);
        // Real time, not the app's clock: this waits on another process.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                return new FolderLock(path, stream);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > StaleLockAge)
                {
                    TryDeleteStaleLock(path);
                    continue;
                }
            }

            if (waited.Elapsed > LockWait)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private static void TryDeleteStaleLock(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another instance took it over first; the loop tries to create it again.
        }
    }

    /// <summary>The lock file while held; removed on dispose.</summary>
    private sealed class FolderLock(string path, FileStream stream) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            File.Delete(path);
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
        // A text nested too deeply to parse is given back whole: the check then says what is wrong with it.
        var document = renderer.Parse(text, Language.Fi, out _);
        if (document?.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is not { Line: 0 } block)
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

    private static List<FieldProblem> FormProblems(ChapterText text)
    {
        // Title and summary follow the rule of every free-text field (PlainText): blank counts as missing, unshowable is refused.
        var problems = new[]
            {
                PlainText.Check("Title", text.Title, ContentLimits.TitleMaxLength, requiredMessage: "Draft_TitleRequired", tooLongMessage: "Error_TooLong"),
                PlainText.Check("Summary", text.Summary, ContentLimits.SummaryMaxLength, requiredMessage: "Draft_SummaryRequired", tooLongMessage: "Error_TooLong"),
            }
            .OfType<FieldProblem>()
            .ToList();

        if (PlainText.IsBlank(text.Markdown))
        {
            problems.Add(new("Markdown", "Draft_MarkdownRequired"));
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
            problems.Add(new("Status", "Publish_ChooseStatus"));
        }

        return problems;
    }

    /// <summary>Whether the text fits where it would go: an existing chapter or a new one, a version number that is free and next in line.</summary>
    private IEnumerable<FieldProblem> PlaceProblems(ChapterText text, ContentSnapshot snapshot)
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
        else if (store.Files.FileExists(text.RelativePath))
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

    /// <summary>
    /// A content error as the editor's problem. The error itself is the last argument, so the page
    /// shows its message in the editor's language (<see cref="ContentError.MessageKey"/>).
    /// </summary>
    private FieldProblem ToProblem(ChapterText text, ContentError error)
    {
        if (error.File == text.RelativePath)
        {
            // Lines of the stored file, less the front matter the portal wrote, are lines of the editor's text.
            var frontMatterLines = FrontMatterText(text).Count(c => c == '\n');
            return error.Line is { } fileLine && fileLine > frontMatterLines
                ? new FieldProblem("Markdown", "Publish_ProblemAtLine", fileLine - frontMatterLines, error)
                : new FieldProblem("Markdown", "Publish_ContentError", error);
        }

        if (error.File == ContentLoader.SiteFileName && text.IsNewChapter)
        {
            return new FieldProblem("ChapterId", "Publish_ContentError", error);
        }

        return OtherFileProblem(error);
    }

    /// <summary>An error in a file other than the editor's text: the file is named, and its line where known.</summary>
    private static FieldProblem OtherFileProblem(ContentError error) => error.Line is { } line
        ? FieldProblem.ForForm("Publish_OtherFileProblemAtLine", error, error.File, line)
        : FieldProblem.ForForm("Publish_OtherFileError", error, error.File);

    /// <summary>Why site.yml could not take the new chapter, as a content error of site.yml.</summary>
    private static ContentError SiteFileProblem(Exception e) => e switch
    {
        YamlDotNet.Core.YamlException yaml => new ContentError(ContentLoader.SiteFileName, (int)yaml.Start.Line, ContentErrorCode.YamlInvalid, (yaml.InnerException ?? yaml).Message),
        UnauthorizedAccessException => new ContentError(ContentLoader.SiteFileName, null, ContentErrorCode.FileNotPermitted),
        IOException => new ContentError(ContentLoader.SiteFileName, null, ContentErrorCode.FileUnreadable, e.Message),
        _ => new ContentError(ContentLoader.SiteFileName, null, ContentErrorCode.SiteFileCannotAddChapter, e.Message),
    };

    /// <summary>Writes a file that must not exist yet: a hidden temporary file first, then a rename that fails if the target exists.</summary>
    private static void WriteNew(string path, string fileText)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, fileText, new UTF8Encoding(false));
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

    private static string NormalizeBody(string markdown) => markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n') + "\n";

    /// <summary>A YAML double-quoted scalar on one line.</summary>
    private static string Quote(string value) =>
        "\"" + string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim()
            .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
