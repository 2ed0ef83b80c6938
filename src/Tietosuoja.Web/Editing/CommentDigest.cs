using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Editing;

/// <summary>The "Mail:Digest" section: the editors' daily mail of new comments per open round.</summary>
public sealed class DigestOptions
{
    public const string Section = "Mail:Digest";

    /// <summary>On by default; off in Development (appsettings.Development.json). Nothing is sent without <see cref="Recipients"/>.</summary>
    public bool Enabled { get; set; } = true;

    public List<string> Recipients { get; set; } = [];

    /// <summary>The hour of the day, Finnish time, after which the day's digest goes out.</summary>
    public int Hour { get; set; } = 8;

    public Language Language { get; set; } = Language.Fi;

    /// <summary>How often each instance checks whether the day's digest is due.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Once a day, mails the editors the comments that arrived since the previous digest, per open
/// round, with links into the editor area. The day's run is claimed with a conditional update of
/// its <see cref="MailSchedule"/> row, so with several instances one of them sends it, and the
/// mails are written in the same transaction as the claim.
/// </summary>
public sealed class CommentDigest(
    PortalDbContext db, MailOutbox outbox, MailComposer composer, UnsubscribeLinks unsubscribe, PublicSite site, RoundCatalog catalog,
    TimeProvider clock, IOptions<DigestOptions> options)
{
    public const string ScheduleName = "comment-digest";

    /// <summary>Sends the digest if today's is due and not yet sent; returns how many mails were written.</summary>
    public async Task<int> SendIfDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Recipients.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var localToday = FinnishTime.ToLocal(now).Date;
        var runAt = FinnishTime.ToUtc(localToday.AddHours(settings.Hour));
        if (now < runAt)
        {
            return 0;
        }

        var schedule = await db.MailSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Name == ScheduleName, cancellationToken);
        if (schedule is null)
        {
            // The first run covers the day before; the row's key makes its creation single too.
            db.MailSchedules.Add(new MailSchedule { Name = ScheduleName, LastRunAt = runAt.AddDays(-1) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }

            schedule = await db.MailSchedules.AsNoTracking().SingleAsync(s => s.Name == ScheduleName, cancellationToken);
        }

        if (schedule.LastRunAt >= runAt)
        {
            return 0;
        }

        var since = schedule.LastRunAt;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.MailSchedules.Where(s => s.Name == ScheduleName && s.LastRunAt == since)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastRunAt, runAt), cancellationToken);
            if (claimed != 1)
            {
                return 0;
            }

            var written = await WriteAsync(since, runAt, settings, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return written;
        });
    }

    private async Task<int> WriteAsync(DateTime since, DateTime until, DigestOptions settings, CancellationToken cancellationToken)
    {
        var language = settings.Language;
        var open = catalog.Rounds.Where(r => r.StateAt(until) == RoundState.Open || r.ClosesAt > since && r.OpensAt <= until).ToList();
        var ids = open.Select(r => r.Id).ToList();
        var counts = await db.Comments.AsNoTracking()
            .Where(c => ids.Contains(c.RoundId) && c.SubmittedAt > since && c.SubmittedAt <= until && c.WithdrawnAt == null)
            .GroupBy(c => c.RoundId).Select(g => new { RoundId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        if (counts.Count == 0)
        {
            return 0;
        }

        List<MailBlock> blocks =
        [
            new MailBlock.Paragraph(UiText.Get("Mail_Digest_Intro", language)
                .Replace("{0}", FinnishTime.Format(since, language), StringComparison.Ordinal)
                .Replace("{1}", FinnishTime.Format(until, language), StringComparison.Ordinal)),
        ];
        foreach (var round in open.Where(r => counts.Any(c => c.RoundId == r.Id)))
        {
            var count = counts.Single(c => c.RoundId == round.Id).Count;
            blocks.Add(new MailBlock.Link(
                UiText.Get(count == 1 ? "Mail_Digest_RoundOne" : "Mail_Digest_Round", language)
                    .Replace("{0}", round.Title(language), StringComparison.Ordinal)
                    .Replace("{1}", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                site.Absolute(EditorUrls.RoundComments(language, round.Id))));
        }

        var blocked = (await db.BlockedAddresses.AsNoTracking().Select(b => b.Address).ToListAsync(cancellationToken)).ToHashSet();
        var written = 0;
        foreach (var recipient in settings.Recipients.Select(Infrastructure.Mail.EmailAddress.Normalize).Distinct().Where(r => !blocked.Contains(r)))
        {
            outbox.Add(composer.Compose(recipient, language, UiText.Get("Mail_Digest_Subject", language), blocks,
                unsubscribe.For(UnsubscribeKind.Digest, recipient, language)));
            written++;
        }

        return written;
    }
}

/// <summary>Checks every Mail:Digest:CheckInterval (on the app's clock) whether the day's digest is due.</summary>
public sealed partial class CommentDigestWorker(BackgroundStart start, IServiceScopeFactory scopes, TimeProvider clock, IOptions<DigestOptions> options, ILogger<CommentDigestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || options.Value.Recipients.Count == 0)
        {
            return;
        }

        await start.WaitAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<CommentDigest>().SendIfDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The day's run was not claimed, or its claim was rolled back: the next check tries again.
                LogFailed(exception);
            }

            await Task.Delay(options.Value.CheckInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the editors' comment digest failed; trying again on the next check")]
    private partial void LogFailed(Exception exception);
}
