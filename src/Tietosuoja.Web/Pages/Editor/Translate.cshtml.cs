using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>
/// Translating a Finnish chapter version into Swedish: the Finnish source beside the Swedish text
/// (which starts from the latest Swedish version), the Finnish changes since the version last
/// translated marked in the source, and the glossary's term pairs for the terms the source uses.
/// The form goes to the draft page, so a translation is previewed, saved, reviewed and published
/// like any other text, under the Finnish version's number.
/// </summary>
public sealed class TranslateModel(ContentStore store, IStringLocalizer<SharedResource> text, ChapterPublisher publisher) : EditorPageModel(store, text)
{
    public Chapter Chapter { get; private set; } = null!;

    /// <summary>The Finnish version being translated.</summary>
    public ChapterVersion Source { get; private set; } = null!;

    /// <summary>The latest Swedish version, which the Swedish text starts from; null before the first translation.</summary>
    public ChapterVersion? LatestTranslation { get; private set; }

    /// <summary>The Finnish changes since the version last translated, over the source's blocks (all unchanged when nothing was translated yet).</summary>
    public VersionComparison Changes { get; private set; } = null!;

    /// <summary>Glossary terms the source uses, Finnish → Swedish.</summary>
    public IReadOnlyList<(string Finnish, string Swedish)> Terms { get; private set; } = [];

    public DraftInput Input { get; private set; } = new();

    public override string Title => T["TranslateTitle", Chapter.Number, Source.Title, Source.Version];

    public async Task<IActionResult> OnGetAsync(string? chapter, string? version, CancellationToken cancellationToken)
    {
        if (chapter is null || Snapshot.FindChapterById(chapter) is not { } found
            || !VersionNumber.TryParse(version, out var number)
            || found.Find(Language.Fi, number) is not { } source
            || !ChapterPublisher.VersionChoices(Snapshot, found.Id, Language.Sv).Contains(number))
        {
            return NotFound();
        }

        Chapter = found;
        Source = source;
        LatestTranslation = found.Versions(Language.Sv).Where(v => v.Version < number).LastOrDefault();
        var translatedFrom = LatestTranslation is null ? null : found.Find(Language.Fi, LatestTranslation.Version);
        Changes = VersionComparison.Compare(translatedFrom ?? source, source);
        Terms = [.. Snapshot.Glossary
            .Where(entry => source.Body.Html.Contains($"\"{SiteUrls.Glossary(Language.Fi)}#{entry.Id}\"", StringComparison.Ordinal))
            .Select(entry => (Finnish: entry.Texts[Language.Fi].Term, Swedish: entry.Texts[Language.Sv].Term))
            .OrderBy(pair => pair.Finnish, StringComparer.Create(Language.Fi.Culture(), ignoreCase: true))];

        var body = LatestTranslation is null ? string.Empty : (await publisher.SourceAsync(LatestTranslation, cancellationToken)).Body;
        Input = new DraftInput
        {
            ChapterId = found.Id,
            Language = Language.Sv,
            Version = number.ToString(),
            Status = source.Status == VersionStatus.Consultation ? nameof(VersionStatus.Consultation) : nameof(VersionStatus.Published),
            Title = LatestTranslation?.Title ?? string.Empty,
            Summary = string.Empty,
            Markdown = body,
        };
        return Page();
    }
}
