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
    IReadOnlyList<RoundTarget> Targets);

/// <summary>
/// Creates rounds and moves them through their life. Every change is recorded in the audit trail
/// in the same save, and refreshes the round catalog so reading pages follow at once.
/// </summary>
public sealed class RoundService(PortalDbContext db, ContentStore content, RoundCatalog catalog, AuditLog audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Problems with a draft, as message keys; empty when it can be saved.</summary>
    public IReadOnlyList<FieldError> Validate(RoundDraft draft)
    {
        var errors = new List<FieldError>();
        Require(draft.TitleFi, nameof(draft.TitleFi), PortalDbContext.TitleMaxLength, errors);
        Require(draft.TitleSv, nameof(draft.TitleSv), PortalDbContext.TitleMaxLength, errors);
        Require(draft.DescriptionFi, nameof(draft.DescriptionFi), PortalDbContext.DescriptionMaxLength, errors);
        Require(draft.DescriptionSv, nameof(draft.DescriptionSv), PortalDbContext.DescriptionMaxLength, errors);
        if (draft.ClosesAt <= draft.OpensAt)
        {
            errors.Add(new(nameof(draft.ClosesAt), "Error_RoundClosesBeforeOpening"));
        }

        if (draft.Targets.Count == 0)
        {
            errors.Add(new(nameof(draft.Targets), "Error_RoundNeedsVersions"));
        }
        else if (draft.Targets.Any(t => content.Current.FindChapterById(t.ChapterId)?.Find(Language.Fi, t.Version) is null))
        {
            errors.Add(new(nameof(draft.Targets), "Error_RoundUnknownVersion"));
        }

        return errors;
    }

    public async Task<int> CreateAsync(RoundDraft draft, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (Validate(draft) is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("The round is not valid: " + string.Join(", ", errors.Select(e => e.MessageKey)));
        }

        var round = new Round
        {
            TitleFi = draft.TitleFi.Trim(),
            TitleSv = draft.TitleSv.Trim(),
            DescriptionFi = draft.DescriptionFi.Trim(),
            DescriptionSv = draft.DescriptionSv.Trim(),
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
        return round.Id;
    }

    /// <summary>
    /// Changes a round that has not opened yet; false once it has opened, because commenters may
    /// already have read what it said.
    /// </summary>
    public async Task<bool> UpdateAsync(int roundId, RoundDraft draft, EditorIdentity actor, CancellationToken cancellationToken)
    {
        if (Validate(draft) is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("The round is not valid: " + string.Join(", ", errors.Select(e => e.MessageKey)));
        }

        var round = await db.Rounds.Include(r => r.Versions).SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.OpensAt <= Now)
        {
            return false;
        }

        var before = Describe(round);
        round.TitleFi = draft.TitleFi.Trim();
        round.TitleSv = draft.TitleSv.Trim();
        round.DescriptionFi = draft.DescriptionFi.Trim();
        round.DescriptionSv = draft.DescriptionSv.Trim();
        round.OpensAt = draft.OpensAt;
        round.ClosesAt = draft.ClosesAt;
        round.UpdatedAt = Now;
        round.Versions.Clear();
        round.Versions.AddRange(draft.Targets.Distinct().Select(t => new RoundVersion { ChapterId = t.ChapterId, Version = t.Version }));
        audit.Add(actor, AuditAction.RoundEdited, Subject(round.Id), $"{before} → {Describe(draft)}");
        await db.SaveChangesAsync(cancellationToken);
        await catalog.RefreshAsync(cancellationToken);
        return true;
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
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.ClosesAt > Now)
        {
            return false;
        }

        if (round.FeedbackPublishedAt is null)
        {
            round.FeedbackPublishedAt = Now;
            round.UpdatedAt = Now;
            audit.Add(actor, AuditAction.FeedbackPublished, Subject(round.Id), "feedback report published");
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
        $"\"{title.Trim()}\", {Format(opens)}–{Format(closes)}, {string.Join(", ", targets.Select(t => $"{t.ChapterId} {t.Version}"))}";

    private static string Format(DateTime utc) => FinnishTime.Format(utc, Language.Fi);

    private static void Require(string? value, string field, int maxLength, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "Error_Required"));
        }
        else if (value.Length > maxLength)
        {
            errors.Add(new(field, "Error_TooLong"));
        }
    }
}
