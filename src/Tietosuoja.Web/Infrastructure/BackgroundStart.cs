using Microsoft.Extensions.Options;

namespace Tietosuoja.Web.Infrastructure;

public sealed class StartupOptions
{
    /// <summary>
    /// How long after the server listens the background work's first pass waits (retention,
    /// announcements, the mail outbox, the content push, the Swedish dictionary). Zero starts it
    /// as soon as the server listens.
    /// </summary>
    public TimeSpan BackgroundDelay { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Holds back the first pass of background work until the server listens and then a short while
/// (<see cref="StartupOptions.BackgroundDelay"/>), so that it does not compete for the CPU with
/// the start-up and the first requests, whose first render of each page runs code for the first
/// time. Nothing is moved onto a request: each worker does the same work, only a few seconds
/// later, and none of it is something a request waits for.
/// </summary>
public sealed class BackgroundStart(IHostApplicationLifetime lifetime, TimeProvider clock, IOptions<StartupOptions> options)
{
    /// <summary>Completes <see cref="StartupOptions.BackgroundDelay"/> after the application has started; cancelled with <paramref name="stoppingToken"/>.</summary>
    public async Task WaitAsync(CancellationToken stoppingToken)
    {
        // When the server started, on the app's clock: the delay counts from then, however late
        // this continuation runs.
        var started = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        DateTimeOffset startedAt;
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult(clock.GetUtcNow())))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            startedAt = await started.Task;
        }

        var remaining = options.Value.BackgroundDelay - (clock.GetUtcNow() - startedAt);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, clock, stoppingToken);
        }
    }
}
