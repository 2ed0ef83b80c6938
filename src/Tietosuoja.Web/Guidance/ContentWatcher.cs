using Microsoft.Extensions.Options;

namespace Tietosuoja.Web.Guidance;

/// <summary>Checks the content folder on a timer and reloads the snapshot when something changed.</summary>
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
                catch (IOException e)
                {
                    // A file being replaced mid-read; the next tick sees the settled folder.
                    LogRetry(e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content check failed, retrying on the next tick: {Reason}")]
    private partial void LogRetry(string reason);
}
