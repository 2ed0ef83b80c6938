using Microsoft.Extensions.Options;

namespace Tietosuoja.Web.Editing;

/// <summary>
/// Publishes approved drafts when their time comes (<see cref="DraftReview.PublishDueAsync"/>),
/// checking every <see cref="EditingOptions.SchedulePollInterval"/> on the app's clock. Every
/// instance runs one; the claim in the database makes each publication happen once. Other
/// instances show the new version when their content watcher sees the file.
/// </summary>
public sealed partial class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EditingOptions> options, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulePollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<DraftReview>().PublishDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database or disk fault: the claim lease runs out and the next tick (here or elsewhere) tries again.
                    LogFailed(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing scheduled drafts failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}
