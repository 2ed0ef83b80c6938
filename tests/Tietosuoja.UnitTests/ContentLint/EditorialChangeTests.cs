using System.Text.RegularExpressions;
using Tietosuoja.TestSupport;
using Tietosuoja.UnitTests.Editing;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.ContentLint;

/// <summary>
/// The proof that the suite survives editorial work: a new published Finnish version of a chapter
/// and a new chapter, published through the editor area's own publisher into a copy of the real
/// content/, keep the lint green. Every other test reads the fixture or content it builds
/// (<see cref="TestSourcesTests"/> makes sure), so nothing else can notice the change.
/// </summary>
public sealed partial class EditorialChangeTests : IDisposable
{
    private const string NewChapterId = "lisatty-koeluku";
    private const string Summary = "Luku tarkistettiin kokonaan, ja loppuun lisättiin kuvaus vuosittaisesta tarkistuksesta.";
    private const string Addition = "\n## Ohjeen vuosittainen tarkistus\n\nKunta tarkistaa ohjeen vuosittain ja kirjaa tehdyt muutokset.\n";
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ContentFolderBuilder _content = ContentFolderBuilder.CopyOf(RepoPaths.RealContent);

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task A_new_published_finnish_version_and_a_new_chapter_keep_the_lint_green()
    {
        var before = new GuidanceLint(_content.Root).Snapshot;
        using var publisher = TestPublisher.On(_content.Root, Now);
        var (chapter, body) = await PublishNewVersionAsync(publisher, before, Summary);
        await PublishNewChapterAsync(publisher, body);

        var lint = new GuidanceLint(_content.Root);

        Assert.Empty(lint.AllProblems());
        Assert.Equal(
            [.. before.Chapters.Select(c => c.Id), NewChapterId],
            lint.Snapshot.Chapters.Select(c => c.Id));
        Assert.Equal(
            ChapterPublisher.VersionChoices(before, chapter.Id, Language.Fi)[0],
            lint.Snapshot.FindChapterById(chapter.Id)!.Current(Language.Fi)!.Version);
        Assert.Equal(VersionStatus.Published, lint.Snapshot.FindChapterById(NewChapterId)!.Current(Language.Fi)!.Status);
    }

    [Fact]
    public async Task The_lint_refuses_a_new_chapter_without_its_checklist_and_a_version_that_does_not_say_what_changed()
    {
        using var publisher = TestPublisher.On(_content.Root, Now);
        var (chapter, body) = await PublishNewVersionAsync(publisher, new GuidanceLint(_content.Root).Snapshot, "Korjauksia.");
        await PublishNewChapterAsync(publisher, Checklist().Replace(body, string.Empty));

        var problems = new GuidanceLint(_content.Root).AllProblems().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains($"chapters/{NewChapterId}/fi/1.0.md has no '::: kaytannossa' checklist", problems);
        Assert.Contains(problems, p => p.StartsWith($"chapters/{chapter.Id}/fi/", StringComparison.Ordinal) && p.Contains("describe the changes", StringComparison.Ordinal));
    }

    /// <summary>Publishes, as an editor would, the next minor Finnish version of the first published chapter, from its latest text.</summary>
    private static async Task<(Chapter Chapter, string Body)> PublishNewVersionAsync(ChapterPublisher publisher, ContentSnapshot snapshot, string summary)
    {
        var chapter = snapshot.Chapters.First(c => c.LatestPublished(Language.Fi) is not null);
        var (title, _, body) = await publisher.SourceAsync(chapter.LatestPublished(Language.Fi)!, CancellationToken.None);
        var next = ChapterPublisher.VersionChoices(snapshot, chapter.Id, Language.Fi)[0];

        var check = await publisher.PublishAsync(new ChapterText(chapter.Id, Language.Fi, next, VersionStatus.Published, title!, summary, body + Addition), CancellationToken.None);

        Assert.Empty(check.Problems);
        return (chapter, body);
    }

    private static async Task PublishNewChapterAsync(ChapterPublisher publisher, string body)
    {
        var check = await publisher.PublishAsync(
            new ChapterText(NewChapterId, Language.Fi, new VersionNumber(1, 0), VersionStatus.Published, "Lisätty koeluku", "Luvun ensimmäinen julkaistu versio.", body, NewChapterId, "tillagt-provkapitel"),
            CancellationToken.None);

        Assert.Empty(check.Problems);
    }

    [GeneratedRegex(@"^::: kaytannossa\b.*?^:::[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Checklist();
}
