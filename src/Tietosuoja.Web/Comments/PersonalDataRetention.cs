using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Comments;

/// <summary>
/// Erases commenters' names and e-mail addresses when the retention period after their round's
/// closing has passed. The comment text, organisation and handling stay for the guidance's history.
/// </summary>
public sealed partial class PersonalDataRetention(PortalDbContext db, TimeProvider clock, IOptions<CommentOptions> options, ILogger<PersonalDataRetention> logger)
{
    /// <summary>Returns how many comments had personal data erased.</summary>
    public async Task<int> EraseExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closedBefore = now.AddMonths(-options.Value.PersonalDataRetentionMonths);
        var erased = await db.Comments
            .Where(c => c.Round!.ClosesAt <= closedBefore && (c.AuthorName != null || c.Email != null))
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(c => c.AuthorName, (string?)null)
                    .SetProperty(c => c.Email, (string?)null)
                    .SetProperty(c => c.NotifyOnHandling, false)
                    .SetProperty(c => c.ProtectedToken, (string?)null)
                    .SetProperty(c => c.PersonalDataErasedAt, now),
                cancellationToken);
        if (erased > 0)
        {
            LogErased(erased);
        }

        return erased;
    }

    /// <summary>
    /// Forgets the comment-form stamps that have expired (no form can be sent with them any more),
    /// and with them the protected private-link tokens they kept for a second post of the same form.
    /// </summary>
    public Task<int> ForgetExpiredFormStampsAsync(CancellationToken cancellationToken)
    {
        var usedBefore = clock.GetUtcNow().UtcDateTime - SubmissionGuard.FormLifetime;
        return db.UsedFormStamps.Where(s => s.UsedAt < usedBefore).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the names and e-mail addresses of {CommentCount} comments past their retention period")]
    private partial void LogErased(int commentCount);
}

/// <summary>Runs <see cref="PersonalDataRetention"/> (both erasures) and the erasure of unconfirmed subscriptions shortly after start-up (<see cref="BackgroundStart"/>) and then every <see cref="CommentOptions.RetentionInterval"/>.</summary>
public sealed partial class PersonalDataRetentionWorker(BackgroundStart start, IServiceScopeFactory scopes, IOptions<CommentOptions> options, ILogger<PersonalDataRetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.WaitAsync(stoppingToken);

        // Scheduling runs on the wall clock; the app's TimeProvider decides what has expired.
        using var timer = new PeriodicTimer(options.Value.RetentionInterval);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var retention = scope.ServiceProvider.GetRequiredService<PersonalDataRetention>();
                await retention.EraseExpiredAsync(stoppingToken);
                await retention.ForgetExpiredFormStampsAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<SubscriptionService>().EraseUnconfirmedAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Erasure is retried on the next tick; nothing is lost by waiting an interval.
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasing expired personal data failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}
