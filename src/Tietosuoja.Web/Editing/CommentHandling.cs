using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Editing;

/// <summary>Which comments of a round an editor is looking at. Null means "any".</summary>
public sealed record CommentFilter(
    string? ChapterId = null,
    VersionNumber? Version = null,
    string? Section = null,
    OrganisationType? OrganisationType = null,
    HandlingStatus? Status = null,
    Moderation? Moderation = null,
    string? Query = null,
    string? AssignedToId = null)
{
    /// <summary>The value that stands for "comments on the whole chapter" in the section filter.</summary>
    public const string WholeChapter = "-";
}

/// <summary>The orders the handling list offers.</summary>
public enum CommentSort
{
    Oldest,
    Newest,
    Section,
    Status,
}

/// <summary>A comment's place in a filtered list: "3 / 41", and the comments before and after it.</summary>
public sealed record CommentNeighbours(int Position, int Count, long? Previous, long? Next);

/// <summary>A comment as the handling list shows it.</summary>
public sealed record CommentRow(
    long Id,
    string ChapterId,
    VersionNumber Version,
    Language Language,
    string? SectionAnchor,
    string? SectionHeading,
    string Text,
    OrganisationType OrganisationType,
    string? OrganisationName,
    HandlingStatus Status,
    Moderation Moderation,
    bool HasResponse,
    DateTime SubmittedAt,
    bool EditedAfterAnswer = false,
    string? AssignedToName = null);

/// <summary>How many of a round's comments have each value; the filter shows these next to its options.</summary>
public sealed record CommentCounts(
    int Total,
    int Withdrawn,
    ImmutableArray<(string ChapterId, VersionNumber Version, int Count)> ByChapter,
    ImmutableArray<(string ChapterId, VersionNumber Version, string? Anchor, string? Heading, int Count)> BySection,
    ImmutableDictionary<OrganisationType, int> ByOrganisationType,
    ImmutableDictionary<HandlingStatus, int> ByStatus,
    ImmutableDictionary<Moderation, int> ByModeration);

public sealed record CommentList(IReadOnlyList<CommentRow> Rows, int Matching, Paging Paging);

/// <summary>An editor's handling of one comment, as the form sends it, and the one place of that form's rules.</summary>
public sealed class HandlingInput
{
    public HandlingStatus Status { get; set; }

    /// <summary>The public response; blank for none.</summary>
    public string? Answer { get; set; }

    public Moderation Moderation { get; set; }

    public static HandlingInput From(Comment comment) => new() { Status = comment.Status, Answer = comment.Response, Moderation = comment.Moderation };

    public IReadOnlyList<FieldProblem> Validate() =>
        PlainText.Check(nameof(Answer), Answer, PortalDbContext.CommentTextMaxLength, required: false) is { } problem ? [problem] : [];
}

/// <summary>
/// The writing team's work on comments: listing and counting, setting the handling status, the
/// public response and the moderation state. Every change goes into the audit trail with the
/// change itself. Withdrawn comments have nothing left to handle and are left alone.
/// </summary>
public sealed class CommentHandling(PortalDbContext db, AuditLog audit, TimeProvider clock, CommentMails mails)
{
    public const int PageSize = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CommentCounts> CountAsync(int roundId, CancellationToken cancellationToken)
    {
        var all = db.Comments.AsNoTracking().Where(c => c.RoundId == roundId);
        var withdrawn = await all.CountAsync(c => c.WithdrawnAt != null, cancellationToken);
        var live = all.Where(c => c.WithdrawnAt == null);
        var sections = await live
            .GroupBy(c => new { c.ChapterId, c.Version, c.SectionAnchor })
            .Select(g => new { g.Key.ChapterId, g.Key.Version, g.Key.SectionAnchor, Heading = g.Max(c => c.SectionHeading), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var types = await live.GroupBy(c => c.OrganisationType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var statuses = await live.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var moderation = await live.GroupBy(c => c.Moderation).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        return new CommentCounts(
            sections.Sum(s => s.Count),
            withdrawn,
            [.. sections.GroupBy(s => (s.ChapterId, s.Version)).Select(g => (g.Key.ChapterId, g.Key.Version, g.Sum(s => s.Count))).OrderBy(c => c.ChapterId, StringComparer.Ordinal).ThenBy(c => c.Version)],
            [.. sections.Select(s => (s.ChapterId, s.Version, s.SectionAnchor, s.Heading, s.Count))],
            types.ToImmutableDictionary(t => t.Key, t => t.Count),
            statuses.ToImmutableDictionary(s => s.Key, s => s.Count),
            moderation.ToImmutableDictionary(m => m.Key, m => m.Count));
    }

    public async Task<CommentList> ListAsync(int roundId, CommentFilter filter, int page, CancellationToken cancellationToken, CommentSort sort = CommentSort.Oldest)
    {
        var query = Filtered(roundId, filter);
        var matching = await query.CountAsync(cancellationToken);
        var paging = Paging.For(matching, PageSize, page);
        var ordered = Ordered(query, sort);
        var rows = await ordered
            .Skip(paging.Skip).Take(PageSize)
            .Select(c => new CommentRow(
                c.Id, c.ChapterId, c.Version, c.Language, c.SectionAnchor, c.SectionHeading, c.Text,
                c.OrganisationType, c.OrganisationName, c.Status, c.Moderation, c.Response != null, c.SubmittedAt, c.EditedAfterAnswerAt != null, c.AssignedToName))
            .ToListAsync(cancellationToken);
        return new CommentList(rows, matching, paging);
    }

    /// <summary>Where a comment stands in the filtered, sorted list, and its neighbours there; null when the filters leave it out.</summary>
    public async Task<CommentNeighbours?> NeighboursAsync(long commentId, int roundId, CommentFilter filter, CommentSort sort, CancellationToken cancellationToken)
    {
        var ids = await Ordered(Filtered(roundId, filter), sort).Select(c => c.Id).ToListAsync(cancellationToken);
        var index = ids.IndexOf(commentId);
        return index < 0
            ? null
            : new CommentNeighbours(index + 1, ids.Count, index > 0 ? ids[index - 1] : null, index < ids.Count - 1 ? ids[index + 1] : null);
    }

    /// <summary>Every comment matching the filters, on any page: what "select all matching" changes.</summary>
    public Task<List<long>> MatchingIdsAsync(int roundId, CommentFilter filter, CancellationToken cancellationToken) =>
        Filtered(roundId, filter).Select(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>The internal notes on a comment, oldest first.</summary>
    public Task<List<CommentNote>> NotesAsync(long id, CancellationToken cancellationToken) =>
        db.CommentNotes.AsNoTracking().Where(n => n.CommentId == id).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);

    /// <summary>Adds an internal note (never public, never exported unless asked); the audit records that a note was added, not its text.</summary>
    public async Task<IReadOnlyList<FieldProblem>> AddNoteAsync(long id, string? text, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (PlainText.Check("Note", text, PortalDbContext.CommentTextMaxLength, required: true, requiredMessage: "Error_NoteRequired") is { } problem)
        {
            return [problem];
        }

        db.CommentNotes.Add(new CommentNote { CommentId = id, Text = PlainText.TrimToNull(text)!, AuthorId = actor.Id, AuthorName = actor.Name, CreatedAt = Now });
        audit.Add(actor, AuditAction.CommentNoteAdded, Subject(id), "note added");
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Assigns the comment to an editor, or with null, to nobody.</summary>
    public async Task AssignAsync(long id, EditorIdentity? assignee, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.SingleAsync(c => c.Id == id, cancellationToken);
        if (comment.AssignedToId == assignee?.Id)
        {
            return;
        }

        audit.Add(actor, AuditAction.CommentAssigned, Subject(id), $"{comment.AssignedToName ?? "-"} → {assignee?.Name ?? "-"}");
        comment.AssignedToId = assignee?.Id;
        comment.AssignedToName = assignee?.Name;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The comment with its round and earlier texts, read-only; null when there is none with this id.</summary>
    public Task<Comment?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking().Include(c => c.Round).Include(c => c.Revisions.OrderBy(r => r.ReplacedAt))
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>
    /// The text the writing team answered, when the author has rewritten it since: the first earlier
    /// text that was current while the comment was answered or handled. Null otherwise.
    /// </summary>
    public static CommentRevision? AnsweredText(Comment comment) =>
        comment.EditedAfterAnswerAt is null ? null : comment.Revisions.OrderBy(r => r.ReplacedAt).FirstOrDefault(r => r.WasAnswered);

    /// <summary>
    /// Saves an editor's handling of one comment after checking it with the form's rules; returns
    /// the problems (a withdrawn comment is a problem of the form as a whole), empty once saved.
    /// </summary>
    public async Task<IReadOnlyList<FieldProblem>> HandleAsync(long id, HandlingInput input, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (input.Validate() is { Count: > 0 } problems)
        {
            return problems;
        }

        var comment = await db.Comments.SingleAsync(c => c.Id == id, cancellationToken);
        if (comment.IsWithdrawn)
        {
            return [FieldProblem.ForForm("Refusal_Withdrawn")];
        }

        var (status, moderation) = (input.Status, input.Moderation);
        var before = (comment.Status, comment.Response);
        var response = PlainText.TrimToNull(input.Answer);
        var subject = Subject(id);
        if (comment.Status != status)
        {
            audit.Add(actor, AuditAction.CommentStatusChanged, subject, $"{comment.Status} → {status}");
            comment.Status = status;
        }

        if (comment.Response != response)
        {
            audit.Add(actor, AuditAction.CommentResponseChanged, subject, response is null ? "response removed" : $"response: {response}");
            comment.Response = response;
            comment.RespondedAt = response is null ? null : Now;
        }

        if (comment.Moderation != moderation)
        {
            audit.Add(actor, AuditAction.CommentModerationChanged, subject, $"{comment.Moderation} → {moderation}");
            comment.Moderation = moderation;
        }

        if (comment.Status != before.Status || comment.Response != before.Response)
        {
            // Stored with the change itself: the author is told if and only if the change is saved.
            mails.HandlingChanged(comment);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Sets the status of the chosen comments of a round (withdrawn ones left out); returns how many changed.</summary>
    public async Task<int> SetStatusAsync(int roundId, IReadOnlyCollection<long> ids, HandlingStatus status, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var comments = await db.Comments
            .Where(c => c.RoundId == roundId && ids.Contains(c.Id) && c.WithdrawnAt == null && c.Status != status)
            .ToListAsync(cancellationToken);
        foreach (var comment in comments)
        {
            audit.Add(actor, AuditAction.CommentStatusChanged, Subject(comment.Id), $"{comment.Status} → {status} (bulk)");
            comment.Status = status;
            mails.HandlingChanged(comment);
        }

        await db.SaveChangesAsync(cancellationToken);
        return comments.Count;
    }

    /// <summary>How the audit trail names a comment.</summary>
    public static string Subject(long commentId) => string.Create(CultureInfo.InvariantCulture, $"comment {commentId}");

    // Every order ends in the id, so a page boundary never moves between requests.
    private static IOrderedQueryable<Comment> Ordered(IQueryable<Comment> query, CommentSort sort) => sort switch
    {
        CommentSort.Newest => query.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id),
        CommentSort.Section => query.OrderBy(c => c.ChapterId).ThenBy(c => c.Version).ThenBy(c => c.SectionHeading).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Id),
        CommentSort.Status => query.OrderBy(c => c.Status).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Id),
        _ => query.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id),
    };

    private IQueryable<Comment> Filtered(int roundId, CommentFilter filter)
    {
        var query = db.Comments.AsNoTracking().Where(c => c.RoundId == roundId && c.WithdrawnAt == null);
        if (filter.ChapterId is { } chapterId)
        {
            query = query.Where(c => c.ChapterId == chapterId);
        }

        if (filter.Version is { } version)
        {
            query = query.Where(c => c.Version == version);
        }

        if (filter.Section == CommentFilter.WholeChapter)
        {
            query = query.Where(c => c.SectionAnchor == null);
        }
        else if (filter.Section is { } section)
        {
            query = query.Where(c => c.SectionAnchor == section);
        }

        if (filter.OrganisationType is { } type)
        {
            query = query.Where(c => c.OrganisationType == type);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Moderation is { } moderation)
        {
            query = query.Where(c => c.Moderation == moderation);
        }

        if (filter.AssignedToId is { } assignee)
        {
            query = query.Where(c => c.AssignedToId == assignee);
        }

        // Words of the comment or the organisation's name, each word anywhere; LIKE's own wildcards in the words are taken literally.
        foreach (var word in (filter.Query ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10))
        {
            var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(c => EF.Functions.Like(c.Text, pattern, "\\") || (c.OrganisationName != null && EF.Functions.Like(c.OrganisationName, pattern, "\\")));
        }

        return query;
    }
}
