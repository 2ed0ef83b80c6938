using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Comments;

/// <summary>Why a comment could not be stored or changed, beyond problems with its fields.</summary>
public enum CommentRefusal
{
    /// <summary>The round is not open (not yet, or no longer).</summary>
    RoundNotOpen,

    /// <summary>The round does not cover this chapter version.</summary>
    NotCovered,

    /// <summary>The comment has been withdrawn and cannot be changed.</summary>
    Withdrawn,

    /// <summary>The form was sent before and its comment stored, but the way back to its private link is gone (the key that protected it was retired).</summary>
    AlreadySent,
}

/// <summary>The outcome of storing or changing a comment: the private link token, field problems, or a refusal.</summary>
public sealed record CommentResult(string? Token, IReadOnlyList<FieldProblem> Problems, CommentRefusal? Refusal)
{
    public bool Succeeded => Problems.Count == 0 && Refusal is null;

    public static CommentResult Stored(string? token = null) => new(token, [], null);

    public static CommentResult Invalid(IReadOnlyList<FieldProblem> problems) => new(null, problems, null);

    public static CommentResult Refused(CommentRefusal refusal) => new(null, [], refusal);
}

/// <summary>
/// Stores, edits and withdraws comments. Every rule is checked against the database at the moment
/// of writing, so a round closed on another instance a second ago still refuses the comment. A
/// comment form's stamp is single-use (<see cref="UsedFormStamp"/>): the same form sent twice, in
/// a row or at the same moment to two instances, stores one comment and both answers lead to its
/// private link.
/// </summary>
public sealed class CommentService(PortalDbContext db, TimeProvider clock, IDataProtectionProvider protection, CommentMails mails)
{
    private readonly IDataProtector _tokens = protection.CreateProtector("Tietosuoja.Comments.SentWithStamp");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The private link token of the comment already stored with this form stamp; null when the
    /// stamp has not been used. A refusal when it was used but its token can no longer be read.
    /// </summary>
    public async Task<CommentResult?> SentWithAsync(string formStamp, CancellationToken cancellationToken)
    {
        var hash = StampHash(formStamp);
        var used = await db.UsedFormStamps.AsNoTracking().SingleOrDefaultAsync(s => s.StampHash == hash, cancellationToken);
        if (used is null)
        {
            return null;
        }

        try
        {
            return CommentResult.Stored(_tokens.Unprotect(used.ProtectedToken));
        }
        catch (CryptographicException)
        {
            return CommentResult.Refused(CommentRefusal.AlreadySent);
        }
    }

    /// <summary>
    /// Stores a comment sent with <paramref name="formStamp"/> (a stamp the submission guard has
    /// accepted). The comment and the stamp's row are written in one save, and the row's key is the
    /// stamp: of two posts of the same form, the second finds the first one's row, or fails on the
    /// key if both got this far at once, and answers with the first one's private link.
    /// </summary>
    public async Task<CommentResult> SubmitAsync(int roundId, ChapterVersion version, CommentInput input, string formStamp, CancellationToken cancellationToken)
    {
        if (await SentWithAsync(formStamp, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (await RefusalAsync(roundId, version, cancellationToken) is { } refusal)
        {
            return CommentResult.Refused(refusal);
        }

        var problems = input.Validate(version);
        if (problems.Count > 0)
        {
            return CommentResult.Invalid(problems);
        }

        var token = CommentToken.Create();
        var comment = new Comment
        {
            TokenHash = CommentToken.HashOf(token)!,
            RoundId = roundId,
            ChapterId = version.ChapterId,
            Version = version.Version,
            Language = version.Language,
            Text = string.Empty,
            SubmittedAt = Now,
            Status = HandlingStatus.Received,
            Moderation = Moderation.Visible,
        };
        input.ApplyTo(comment, version);
        comment.ProtectedToken = mails.ProtectForNotifications(comment, token);
        db.Comments.Add(comment);
        // In the same save as the comment: the link is mailed if and only if the comment is stored.
        mails.PrivateLink(comment, token);
        db.UsedFormStamps.Add(new UsedFormStamp { StampHash = StampHash(formStamp), Comment = comment, ProtectedToken = _tokens.Protect(token), UsedAt = Now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Which constraint failed is provider-specific; whether the stamp's row is there now is not.
            db.ChangeTracker.Clear();
            if (await SentWithAsync(formStamp, cancellationToken) is { } concurrent)
            {
                return concurrent;
            }

            throw;
        }

        return CommentResult.Stored(token);
    }

    private static byte[] StampHash(string formStamp) => SHA256.HashData(Encoding.UTF8.GetBytes(formStamp));

    /// <summary>The comment behind a private link, with its round; null for an unknown or malformed token.</summary>
    public async Task<Comment?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = CommentToken.HashOf(token);
        return hash is null
            ? null
            : await db.Comments.AsNoTracking().Include(c => c.Round).ThenInclude(r => r!.Versions)
                .SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken);
    }

    public async Task<CommentResult> EditAsync(string token, ChapterVersion version, CommentInput input, CancellationToken cancellationToken)
    {
        var comment = await TrackedAsync(token, cancellationToken);
        if (comment.IsWithdrawn)
        {
            return CommentResult.Refused(CommentRefusal.Withdrawn);
        }

        if (await RefusalAsync(comment.RoundId, version, cancellationToken) is { } refusal)
        {
            return CommentResult.Refused(refusal);
        }

        var problems = input.Validate(version);
        if (problems.Count > 0)
        {
            return CommentResult.Invalid(problems);
        }

        var earlier = new CommentRevision
        {
            CommentId = comment.Id,
            Text = comment.Text,
            SectionHeading = comment.SectionHeading,
            WrittenAt = comment.EditedAt ?? comment.SubmittedAt,
            ReplacedAt = Now,
            WasAnswered = comment.Response is not null || comment.Status != HandlingStatus.Received,
        };
        var anchorBefore = comment.SectionAnchor;
        input.ApplyTo(comment, version);
        comment.ProtectedToken = mails.ProtectForNotifications(comment, token);
        comment.EditedAt = Now;
        // The earlier text is kept whenever what was said changes, so an answer never loses the text it answered.
        if (comment.Text != earlier.Text || comment.SectionAnchor != anchorBefore)
        {
            db.CommentRevisions.Add(earlier);
            if (earlier.WasAnswered)
            {
                comment.EditedAfterAnswerAt = Now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommentResult.Stored();
    }

    /// <summary>
    /// Withdraws a comment while its round is open. The text and everything that could identify the
    /// author are removed; what remains only tells the private link that the comment was withdrawn.
    /// </summary>
    public async Task<CommentResult> WithdrawAsync(string token, CancellationToken cancellationToken)
    {
        var comment = await TrackedAsync(token, cancellationToken);
        if (comment.IsWithdrawn)
        {
            return CommentResult.Refused(CommentRefusal.Withdrawn);
        }

        if (await OpenRoundAsync(comment.RoundId, cancellationToken) is null)
        {
            return CommentResult.Refused(CommentRefusal.RoundNotOpen);
        }

        comment.Text = string.Empty;
        comment.SectionHeading = null;
        comment.OrganisationName = null;
        comment.AuthorName = null;
        comment.Email = null;
        comment.NotifyOnHandling = false;
        comment.ProtectedToken = null;
        comment.ConsentToPublish = false;
        comment.WithdrawnAt = Now;
        comment.PersonalDataErasedAt = Now;
        db.CommentRevisions.RemoveRange(await db.CommentRevisions.Where(r => r.CommentId == comment.Id).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return CommentResult.Stored();
    }

    private async Task<Comment> TrackedAsync(string token, CancellationToken cancellationToken)
    {
        var hash = CommentToken.HashOf(token) ?? throw new ArgumentException("Not a comment token.", nameof(token));
        return await db.Comments.SingleAsync(c => c.TokenHash == hash, cancellationToken);
    }

    private async Task<CommentRefusal?> RefusalAsync(int roundId, ChapterVersion version, CancellationToken cancellationToken)
    {
        var round = await OpenRoundAsync(roundId, cancellationToken);
        if (round is null)
        {
            return CommentRefusal.RoundNotOpen;
        }

        return round.Covers(version.ChapterId, version.Version) ? null : CommentRefusal.NotCovered;
    }

    /// <summary>The round as the database has it now, if it is open; never the in-memory catalog, which may lag.</summary>
    private async Task<RoundInfo?> OpenRoundAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking().Include(r => r.Versions).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        return round is not null && RoundInfo.From(round) is var info && info.StateAt(Now) == RoundState.Open ? info : null;
    }
}
