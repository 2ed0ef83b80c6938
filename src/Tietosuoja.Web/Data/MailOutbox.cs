using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Infrastructure.Mail;

namespace Tietosuoja.Web.Data;

/// <summary>
/// Puts mails into the outbox of the caller's unit of work: the mail is stored by the caller's
/// own SaveChanges, in the same transaction as the change it reports, or not at all. Once saved,
/// the sender on this instance is woken so the mail leaves at once.
/// </summary>
public sealed class MailOutbox(PortalDbContext db, TimeProvider clock, MailSignal signal)
{
    private bool _listening;

    public void Add(OutgoingMail mail)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMails.Add(new OutboxMail
        {
            MessageId = mail.MessageId,
            SenderName = mail.SenderName,
            To = mail.To,
            Language = mail.Language,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            UnsubscribeUrl = mail.UnsubscribeUrl.AbsoluteUri,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        db.HoldsUnsignalledMail = true;
        if (!_listening)
        {
            _listening = true;
            // Inside an explicit transaction the mail is not visible to the sender until the
            // commit, where MailCommitInterceptor wakes it instead.
            db.SavedChanges += (_, _) =>
            {
                if (db.HoldsUnsignalledMail && db.Database.CurrentTransaction is null)
                {
                    db.HoldsUnsignalledMail = false;
                    signal.Wake();
                }
            };
        }
    }

    /// <summary>Whether the address may be mailed at all (it has not bounced).</summary>
    public Task<bool> CanMailAsync(string address, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(address);
        return db.BlockedAddresses.AllAsync(b => b.Address != normalized || b.Reason != BlockReason.Bounced, cancellationToken);
    }

    /// <summary>What the editor dashboard shows: mails waiting, of which how many have failed at least once, and the latest failure.</summary>
    public async Task<OutboxStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var pending = await db.OutboxMails.CountAsync(cancellationToken);
        var failing = await db.OutboxMails.CountAsync(m => m.Attempts > 0, cancellationToken);
        var latest = await db.OutboxMails.AsNoTracking().Where(m => m.LastError != null).OrderByDescending(m => m.LastAttemptAt)
            .Select(m => new { m.LastError, m.LastAttemptAt }).FirstOrDefaultAsync(cancellationToken);
        return new OutboxStatus(pending, failing, latest?.LastError, latest?.LastAttemptAt);
    }
}

public sealed record OutboxStatus(int Pending, int Failing, string? LastError, DateTime? LastErrorAt);

/// <summary>
/// Wakes the sender when a transaction that saved mail commits. A mail saved inside an explicit
/// transaction (a round's announcement, the digest) is not visible to the sender when SaveChanges
/// returns, only after the commit; waking on SavedChanges alone left such a mail to the next poll.
/// </summary>
public sealed class MailCommitInterceptor(MailSignal signal) : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        WakeIfMailWasSaved(eventData);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        WakeIfMailWasSaved(eventData);
        return Task.CompletedTask;
    }

    private void WakeIfMailWasSaved(Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData)
    {
        if (eventData.Context is PortalDbContext { HoldsUnsignalledMail: true } db)
        {
            db.HoldsUnsignalledMail = false;
            signal.Wake();
        }
    }
}

/// <summary>Wakes this instance's sender when a mail has been saved, instead of waiting for its next poll.</summary>
public sealed class MailSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one wake-up sends everything that is due.
        }
    }

    public void Dispose() => _signal.Dispose();

    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, clock, timeoutSource.Token);
        var woken = _signal.WaitAsync(timeoutSource.Token);
        await Task.WhenAny(delay, woken);
        await timeoutSource.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>
/// Sends what is due in the outbox. Rows are claimed with one conditional UPDATE (due, and no
/// live lease) that writes this round's owner id and a lease; only the rows that then carry that
/// id are sent, so two instances on one database never send the same mail, and a mail claimed by
/// an instance that died is taken over when its lease runs out. Delivered: the row is deleted.
/// Failed: tried again after an exponentially growing wait, never dropped. Refused for good
/// (SMTP 5xx): the address is marked bouncing and is not mailed again.
/// </summary>
public sealed partial class MailOutboxSender(
    IServiceScopeFactory scopes, IMailTransport transport, TimeProvider clock, IOptions<MailOptions> options, OperationsMetrics metrics, ILogger<MailOutboxSender> logger)
{
    /// <summary>Sends one batch of due mails; returns how many were claimed (0 when nothing was due).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var owner = Guid.NewGuid();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMails.AsNoTracking()
            .Where(m => m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            metrics.OutboxLength(await db.OutboxMails.CountAsync(cancellationToken));
            return 0;
        }

        var leaseUntil = now + settings.Lease;
        await db.OutboxMails
            .Where(m => due.Contains(m.Id) && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntil, leaseUntil).SetProperty(m => m.LeaseOwner, owner), cancellationToken);
        var claimed = await db.OutboxMails.AsNoTracking().Where(m => m.LeaseOwner == owner).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        foreach (var mail in claimed)
        {
            await SendOneAsync(db, mail, owner, cancellationToken);
        }

        metrics.OutboxLength(await db.OutboxMails.CountAsync(cancellationToken));
        return claimed.Count;
    }

    private async Task SendOneAsync(PortalDbContext db, OutboxMail mail, Guid owner, CancellationToken cancellationToken)
    {
        var mine = db.OutboxMails.Where(m => m.Id == mail.Id && m.LeaseOwner == owner);
        var address = EmailAddress.Normalize(mail.To);
        if (await db.BlockedAddresses.AnyAsync(b => b.Address == address && b.Reason == BlockReason.Bounced, cancellationToken))
        {
            await mine.ExecuteDeleteAsync(cancellationToken);
            LogSkippedBounced(mail.Id);
            return;
        }

        var result = await transport.SendAsync(
            new OutgoingMail(mail.MessageId, mail.SenderName, mail.To, mail.Language, mail.Subject, mail.TextBody, mail.HtmlBody, new Uri(mail.UnsubscribeUrl)),
            cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (result.Delivery)
        {
            case MailDelivery.Sent:
                await mine.ExecuteDeleteAsync(cancellationToken);
                metrics.MailSent();
                LogSent(mail.Id, mail.Attempts + 1);
                break;
            case MailDelivery.Refused:
                await BlockAsync(db, address, now, cancellationToken);
                await mine.ExecuteDeleteAsync(cancellationToken);
                metrics.MailRefused();
                LogRefused(mail.Id, result.Error);
                break;
            default:
                var attempts = mail.Attempts + 1;
                var error = Truncate(result.Error ?? "unknown failure");
                var next = now + RetryDelay(attempts);
                await mine.ExecuteUpdateAsync(
                    set => set
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.NextAttemptAt, next)
                        .SetProperty(m => m.LastError, error)
                        .SetProperty(m => m.LastAttemptAt, now)
                        .SetProperty(m => m.LeaseUntil, (DateTime?)null)
                        .SetProperty(m => m.LeaseOwner, (Guid?)null),
                    cancellationToken);
                metrics.MailFailed();
                LogRetrying(mail.Id, attempts, next, error);
                break;
        }
    }

    /// <summary>The wait after the n-th failure: the first delay, doubled per further failure, at most the maximum.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var settings = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = settings.FirstRetryDelay * factor;
        return delay < settings.MaximumRetryDelay ? delay : settings.MaximumRetryDelay;
    }

    private static async Task BlockAsync(PortalDbContext db, string address, DateTime now, CancellationToken cancellationToken)
    {
        if (!await db.BlockedAddresses.AnyAsync(b => b.Address == address && b.Reason == BlockReason.Bounced, cancellationToken))
        {
            db.BlockedAddresses.Add(new BlockedAddress { Address = address, Reason = BlockReason.Bounced, At = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance marked the same address a moment ago; marked is marked.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static string Truncate(string error) => error.Length <= PortalDbContext.MailErrorMaxLength ? error : error[..PortalDbContext.MailErrorMaxLength];

    // Mails are named by their outbox id only: addresses and contents are personal data and stay out of the log.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sent mail {MailId} (attempt {Attempt})")]
    private partial void LogSent(long mailId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} failed (attempt {Attempt}); trying again at {NextAttemptAt:o}: {Error}")]
    private partial void LogRetrying(long mailId, int attempt, DateTime nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} was refused for good; its address is marked bouncing: {Error}")]
    private partial void LogRefused(long mailId, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} not sent: its address bounced earlier")]
    private partial void LogSkippedBounced(long mailId);
}

/// <summary>Runs <see cref="MailOutboxSender"/> whenever a mail is saved on this instance and otherwise every Mail:PollInterval (on the app's clock).</summary>
public sealed partial class MailOutboxWorker(BackgroundStart start, MailOutboxSender sender, MailSignal signal, TimeProvider clock, IOptions<MailOptions> options, ILogger<MailOutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendingEnabled)
        {
            return;
        }

        await start.WaitAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be due at once; keep going until a batch comes back short.
                while (await sender.SendDueAsync(stoppingToken) >= options.Value.BatchSize)
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database or the transport failed as a whole; the mails wait in the outbox for the next round.
                LogFailed(exception);
            }

            await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the outbox failed; trying again on the next poll")]
    private partial void LogFailed(Exception exception);
}

public static class MailServiceCollectionExtensions
{
    /// <summary>The outbox and its sender; SMTP when Mail:Smtp:Host is set, otherwise .eml files in Mail:PickupDirectory.</summary>
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryMailTransport>();
        services.AddSingleton<IMailTransport>(provider =>
            provider.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
                ? provider.GetRequiredService<SmtpMailTransport>()
                : provider.GetRequiredService<PickupDirectoryMailTransport>());
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailCommitInterceptor>();
        services.AddScoped<MailOutbox>();
        services.AddSingleton<MailOutboxSender>();
        services.AddHostedService<MailOutboxWorker>();
        return services;
    }
}
