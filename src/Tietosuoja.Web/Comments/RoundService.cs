using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Comments;

/// <summary>What a round is made of, as an editor (or the development seed) describes it. Times in UTC.</summary>
public sealed record RoundDraft(
    string TitleFi,
    string TitleSv,
    string DescriptionFi,
    string DescriptionSv,
    DateTime OpensAt,
    DateTime ClosesAt,
    IReadOnlyList<RoundTarget> Targets);

/// <summary>Creates rounds and moves them through their life; every change refreshes the round catalog.</summary>
public sealed class RoundService(PortalDbContext db, ContentStore content, RoundCatalog catalog, TimeProvider clock)
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

    public async Task<int> CreateAsync(RoundDraft draft, CancellationToken cancellationToken)
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
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        await catalog.RefreshAsync(cancellationToken);
        return round.Id;
    }

    /// <summary>Publishes the feedback report of a closed round; false if the round is still upcoming or open.</summary>
    public async Task<bool> PublishFeedbackAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.ClosesAt > Now)
        {
            return false;
        }

        round.FeedbackPublishedAt ??= Now;
        round.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        await catalog.RefreshAsync(cancellationToken);
        return true;
    }

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
