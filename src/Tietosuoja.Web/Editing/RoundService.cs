using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Editing;

/// <summary>What a round is made of, as an editor (or the development seed) describes it. Times in UTC.</summary>
public sealed record RoundDraft(
    string TitleFi,
    string TitleSv,
    string DescriptionFi,
    string DescriptionSv,
    DateTime OpensAt,
    DateTime ClosesAt,
    IReadOnlyList<RoundTarget> Targets)
{
    /// <summary>
    /// The one place of a round's rules, run by the round form and again by <see cref="RoundService"/>
    /// before storing; empty when the draft can be saved. Texts are required, showable and within
    /// their columns; the round closes after it opens and covers Finnish versions that exist. The
    /// editor form also gives <paramref name="earliestOpening"/>: a new round does not start in the
    /// past (the seed and tests may create rounds that are open already).
    /// </summary>
    public IReadOnlyList<FieldProblem> Validate(ContentSnapshot content, DateTime? earliestOpening = null)
    {
        List<FieldProblem?> problems =
        [
            PlainText.Check(nameof(TitleFi), TitleFi, PortalDbContext.TitleMaxLength),
            PlainText.Check(nameof(TitleSv), TitleSv, PortalDbContext.TitleMaxLength),
            PlainText.Check(nameof(DescriptionFi), DescriptionFi, PortalDbContext.DescriptionMaxLength),
            PlainText.Check(nameof(DescriptionSv), DescriptionSv, PortalDbContext.DescriptionMaxLength),
        ];
        if (earliestOpening is { } earliest && OpensAt < earliest)
        {
            problems.Add(new(nameof(OpensAt), "Error_RoundOpensInPast"));
        }

        if (ClosesAt <= OpensAt)
        {
            problems.Add(new(nameof(ClosesAt), "Error_RoundClosesBeforeOpening"));
        }

        if (Targets.Count == 0)
        {
            problems.Add(new(nameof(Targets), "Error_RoundNeedsVersions"));
        }
        else if (Targets.Any(t => content.FindChapterById(t.ChapterId)?.Find(Language.Fi, t.Version) is null))
        {
            problems.Add(new(nameof(Targets), "Error_RoundUnknownVersion"));
        }

        return [.. problems.OfType<FieldProblem>()];
    }
}

/// <summary>The outcome of saving a round: its id, or the problems that kept it from being saved, or that it had opened already.</summary>
public sealed record RoundSaved(int RoundId, IReadOnlyList<FieldProblem> Problems, bool AlreadyOpened = false)
{
    public bool Succeeded => Problems.Count == 0 && !AlreadyOpened;
}

/// <summary>
/// Creates rounds and moves them through their life. Every change is recorded in the audit trail
/// in the same save, and refreshes the round catalog so reading pages follow at once.
/// </summary>
public sealed class RoundService(PortalDbContext db, ContentStore content, RoundCatalog catalog, AuditLog audit, TimeProvider clock, SubscriberNotices notices)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Creates a round if the draft follows the rules (<see cref="RoundDraft.Validate"/>).</summary>
    public async Task<RoundSaved> CreateAsync(RoundDraft draft, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (draft.Validate(content.Current) is { Count: > 0 } problems)
        {
            return new RoundSaved(0, problems);
        }

        var round = new Round
        {
            TitleFi = PlainText.Trim(draft.TitleFi),
            TitleSv = PlainText.Trim(draft.TitleSv),
            DescriptionFi = PlainText.Trim(draft.DescriptionFi),
            DescriptionSv = PlainText.Trim(draft.DescriptionSv),
            OpensAt = draft.OpensAt,
            ClosesAt = draft.ClosesAt,
            CreatedAt = Now,
            UpdatedAt = Now,
            Versions = [.. draft.Targets.Distinct().Select(t => new RoundVersion { ChapterId = t.ChapterId, Version = t.Version })],
        };
        // The audit entry names the round by its id, which exists only after the first save; one
        // transaction keeps the round and its record together.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Rounds.Add(round);
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(actor, AuditAction.RoundCreated, Subject(round.Id), Describe(draft));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        await catalog.RefreshAsync(cancellationToken);
        return new RoundSaved(round.Id, []);
    }

    /// <summary>
    /// Changes a round that has not opened yet, if the draft follows the rules; never once it has
    /// opened, because commenters may already have read what it said.
    /// </summary>
    public async Task<RoundSaved> UpdateAsync(int roundId, RoundDraft draft, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (draft.Validate(content.Current) is { Count: > 0 } problems)
        {
            return new RoundSaved(roundId, problems);
        }

        var round = await db.Rounds.Include(r => r.Versions).SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.OpensAt <= Now)
        {
            return new RoundSaved(roundId, [], AlreadyOpened: true);
        }

        var before = Describe(round);
        round.TitleFi = PlainText.Trim(draft.TitleFi);
        round.TitleSv = PlainText.Trim(draft.TitleSv);
        round.DescriptionFi = PlainText.Trim(draft.DescriptionFi);
        round.DescriptionSv = PlainText.Trim(draft.DescriptionSv);
        round.OpensAt = draft.OpensAt;
        round.ClosesAt = draft.ClosesAt;
        round.UpdatedAt = Now;
        round.Versions.Clear();
        round.Versions.AddRange(draft.Targets.Distinct().Select(t => new RoundVersion { ChapterId = t.ChapterId, Version = t.Version }));
        audit.Add(actor, AuditAction.RoundEdited, Subject(round.Id), $"{before} → {Describe(draft)}");
        await db.SaveChangesAsync(cancellationToken);
        await catalog.RefreshAsync(cancellationToken);
        return new RoundSaved(roundId, []);
    }

    /// <summary>Closes an open round now; false if it is not open.</summary>
    public async Task<bool> CloseEarlyAsync(int roundId, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.OpensAt > Now || round.ClosesAt <= Now)
        {
            return false;
        }

        audit.Add(actor, AuditAction.RoundClosedEarly, Subject(round.Id), $"closes {Format(round.ClosesAt)} → {Format(Now)}");
        round.ClosesAt = Now;
        round.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        await catalog.RefreshAsync(cancellationToken);
        return true;
    }

    /// <summary>Publishes the feedback report of a closed round; false if the round is still upcoming or open.</summary>
    public async Task<bool> PublishFeedbackAsync(int roundId, EditorIdentity actor, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.Include(r => r.Versions).SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.ClosesAt > Now)
        {
            return false;
        }

        if (round.FeedbackPublishedAt is null)
        {
            round.FeedbackPublishedAt = Now;
            round.UpdatedAt = Now;
            audit.Add(actor, AuditAction.FeedbackPublished, Subject(round.Id), "feedback report published");
            await notices.FeedbackPublishedAsync(RoundInfo.From(round), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await catalog.RefreshAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>How the audit trail names a round.</summary>
    public static string Subject(int roundId) => string.Create(CultureInfo.InvariantCulture, $"round {roundId}");

    private static string Describe(RoundDraft draft) => Describe(draft.TitleFi, draft.OpensAt, draft.ClosesAt, draft.Targets);

    private static string Describe(Round round) =>
        Describe(round.TitleFi, round.OpensAt, round.ClosesAt, [.. round.Versions.Select(v => new RoundTarget(v.ChapterId, v.Version))]);

    private static string Describe(string title, DateTime opens, DateTime closes, IReadOnlyList<RoundTarget> targets) =>
        $"\"{PlainText.Trim(title)}\", {Format(opens)}–{Format(closes)}, {string.Join(", ", targets.Select(t => $"{t.ChapterId} {t.Version}"))}";

    private static string Format(DateTime utc) => FinnishTime.Format(utc, Language.Fi);
}
