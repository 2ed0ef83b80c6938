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
        try
        {
            // A delay per round rather than a PeriodicTimer: on a test's fake clock a periodic timer
            // fires once per interval of every jump (12 days at 5 s is 200 000 database queries),
            // a delay once.
            while (true)
            {
                await Task.Delay(options.Value.SchedulePollInterval, clock, stoppingToken);
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<DraftReview>().PublishDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database or disk fault: the claim lease runs out and the next round (here or elsewhere) tries again.
                    LogFailed(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing scheduled drafts failed; retrying on the next round")]
    private partial void LogFailed(Exception exception);
}
