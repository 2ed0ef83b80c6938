using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Comments;

/// <summary>A comment as the public feedback report shows it: no name, no e-mail.</summary>
public sealed record PublishedComment(
    long Id,
    Language Language,
    OrganisationType OrganisationType,
    string? OrganisationName,
    string Text,
    HandlingStatus Status,
    string? Response,
    bool EditedAfterAnswer = false);

/// <summary>The published comments on one section (or, with a null anchor, on the whole chapter).</summary>
public sealed record ReportSection(string? Anchor, string? Heading, ImmutableArray<PublishedComment> Comments);

public sealed record ReportChapter(string ChapterId, VersionNumber Version, Chapter? Chapter, ImmutableArray<ReportSection> Sections);

/// <summary>
/// The feedback report of a closed round: per chapter and section the comments whose authors
/// consented to publication, and counts of all comments (hidden and withdrawn ones left out).
/// </summary>
public sealed record FeedbackReport(
    int TotalComments,
    int PublishedComments,
    ImmutableArray<(HandlingStatus Status, int Count)> ByStatus,
    ImmutableArray<(OrganisationType Type, int Count)> ByOrganisationType,
    ImmutableArray<ReportChapter> Chapters);

public sealed class FeedbackReports(PortalDbContext db, ContentStore content)
{
    public async Task<FeedbackReport> BuildAsync(int roundId, CancellationToken cancellationToken)
    {
        var counted = db.Comments.AsNoTracking()
            .Where(c => c.RoundId == roundId && c.WithdrawnAt == null && c.Moderation == Moderation.Visible);
        var byStatus = await counted.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byType = await counted.GroupBy(c => c.OrganisationType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var published = await counted.Where(c => c.ConsentToPublish)
            .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.ChapterId,
                c.Version,
                c.SectionAnchor,
                c.SectionHeading,
                Comment = new PublishedComment(c.Id, c.Language, c.OrganisationType, c.OrganisationName, c.Text, c.Status, c.Response, c.EditedAfterAnswerAt != null),
            })
            .ToListAsync(cancellationToken);

        var snapshot = content.Current;
        var chapters = published
            .GroupBy(c => (c.ChapterId, c.Version))
            .Select(group =>
            {
                var chapter = snapshot.FindChapterById(group.Key.ChapterId);
                var headingOrder = chapter?.Find(Language.Fi, group.Key.Version)?.Body.Headings.Select(h => h.Anchor).ToList() ?? [];
                var sections = group
                    .GroupBy(c => c.SectionAnchor)
                    .OrderBy(s => s.Key is null ? -1 : headingOrder.IndexOf(s.Key) is var index and >= 0 ? index : int.MaxValue)
                    .Select(s => new ReportSection(s.Key, s.First().SectionHeading, [.. s.Select(c => c.Comment)]));
                return new ReportChapter(group.Key.ChapterId, group.Key.Version, chapter, [.. sections]);
            })
            .OrderBy(c => c.Chapter?.Number ?? int.MaxValue).ThenBy(c => c.ChapterId, StringComparer.Ordinal).ThenBy(c => c.Version)
            .ToImmutableArray();

        return new FeedbackReport(
            byStatus.Sum(s => s.Count),
            published.Count,
            [.. Enum.GetValues<HandlingStatus>().Select(s => (s, byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0))],
            [.. Enum.GetValues<OrganisationType>().Select(t => (t, byType.FirstOrDefault(x => x.Key == t)?.Count ?? 0))],
            chapters);
    }
}
