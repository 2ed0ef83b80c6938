using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>
/// One round for editors: its state and the actions that fit it (edit, close early, publish the
/// feedback report), the comment counts as charts with tables, and the export.
/// </summary>
public sealed class RoundModel(
    ContentStore store,
    IStringLocalizer<SharedResource> text,
    RoundCatalog catalog,
    RoundService rounds,
    CommentHandling handling,
    CommentExport export) : EditorPageModel(store, text)
{
    [FromRoute]
    public int Id { get; set; }

    public RoundInfo Round { get; private set; } = null!;

    public RoundState State => Round.StateAt(catalog.UtcNow);

    public CommentCounts Counts { get; private set; } = null!;

    public override string Title => Round.Title(Language);

    public override string AlternateLanguageUrl => EditorUrls.Round(Language.Other(), Id);

    /// <summary>The page shows the round's counts, which the failed request may not have read.</summary>
    public override bool CanShowFormAgain => Counts is not null;

    public BarChart ByChapterAndSection => new(
        "chart-sections",
        T["ChartBySection"],
        T["ChartSectionColumn"],
        [.. Counts.BySection
            .OrderBy(s => Snapshot.FindChapterById(s.ChapterId)?.Number ?? int.MaxValue).ThenBy(s => s.Version).ThenBy(s => SectionOrder(s.ChapterId, s.Version, s.Anchor))
            .Select(s => new BarChartRow($"{ChapterName(s.ChapterId, s.Version)}: {s.Heading ?? T["WholeChapter"]}", s.Count))]);

    public BarChart ByOrganisationType => new(
        "chart-types",
        T["ChartByOrganisationType"],
        T["Field_OrganisationType"],
        [.. Enum.GetValues<OrganisationType>().Select(t => new BarChartRow(TypeName(t), Counts.ByOrganisationType.GetValueOrDefault(t)))]);

    public BarChart ByStatus => new(
        "chart-statuses",
        T["ChartByStatus"],
        T["Export_Status"],
        [.. Enum.GetValues<HandlingStatus>().Select(s => new BarChartRow(StatusName(s), Counts.ByStatus.GetValueOrDefault(s)))]);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The confirmation box is bound as the handler's <c>confirm</c> argument.</summary>
    protected override string ElementId(string field) => field == "confirm" ? "confirm-close" : base.ElementId(field);

    public async Task<IActionResult> OnPostCloseAsync(bool confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!confirm)
        {
            AddProblem("confirm", "RoundCloseConfirmMissing");
            return Page();
        }

        return await rounds.CloseEarlyAsync(Id, Editor, cancellationToken)
            ? RedirectWithNotice(EditorUrls.Round(Language, Id), "RoundClosed")
            : RedirectWithNotice(EditorUrls.Round(Language, Id), "RoundNotOpen");
    }

    public async Task<IActionResult> OnPostPublishFeedbackAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return await rounds.PublishFeedbackAsync(Id, Editor, cancellationToken)
            ? RedirectWithNotice(EditorUrls.Round(Language, Id), "FeedbackPublishedNotice", SiteUrls.Round(Language, Id))
            : RedirectWithNotice(EditorUrls.Round(Language, Id), "FeedbackNotYet");
    }

    /// <summary>Streams the export straight into the response; nothing is rendered.</summary>
    public async Task<IActionResult> OnPostExportAsync(ExportFormat format, bool includePersonalData, CancellationToken cancellationToken)
    {
        if (catalog.Find(Id) is null)
        {
            return NotFound();
        }

        Response.ContentType = CommentExport.ContentType(format);
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition
        {
            FileName = CommentExport.FileName(Id, catalog.UtcNow, format),
        }.ToString();
        await export.WriteAsync(Id, format, includePersonalData, Editor, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (catalog.Find(Id) is not { } round)
        {
            return false;
        }

        Round = round;
        Counts = await handling.CountAsync(Id, cancellationToken);
        return true;
    }

    private int SectionOrder(string chapterId, VersionNumber version, string? anchor) =>
        anchor is null ? -1 : Snapshot.FindChapterById(chapterId)?.Find(Language.Fi, version)?.Body.Headings.Select(h => h.Anchor).ToList().IndexOf(anchor) ?? int.MaxValue;
}
