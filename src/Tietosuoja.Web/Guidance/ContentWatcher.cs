using Microsoft.Extensions.Options;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// Checks the content folder on a timer and reloads the snapshot when something changed. It never
/// stops on a failure: an exception out of a BackgroundService stops the whole host, and a content
/// fault must cost at most one refused change.
/// </summary>
public sealed partial class ContentWatcher(ContentStore store, IOptions<ContentOptions> options, ILogger<ContentWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    store.ReloadIfChanged();
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The store itself does not throw; whatever did (the file system, say), the next tick tries again.
                    LogRetry(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content check failed, retrying on the next tick")]
    private partial void LogRetry(Exception exception);
}
