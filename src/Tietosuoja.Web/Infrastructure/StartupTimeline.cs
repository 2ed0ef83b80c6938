using System.Diagnostics;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// Logs, at Information, how long after the process started each start-up phase finished, so that
/// every deployment's log shows where its start-up time goes (bench/startup.sh prints these lines).
/// </summary>
public sealed partial class StartupTimeline(ILogger<StartupTimeline> logger)
{
    private static readonly DateTime ProcessStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public void Reached(string phase) => LogReached(phase, (DateTime.UtcNow - ProcessStarted).TotalMilliseconds);

    /// <summary>Runs synchronous start-up work on the thread pool, beside the rest, and logs when it is done.</summary>
    public Task InBackground(string phase, Action work) => Task.Run(() =>
    {
        work();
        Reached(phase);
    });

    /// <summary>Runs asynchronous start-up work on the thread pool, beside the rest, and logs when it is done.</summary>
    public Task InBackground(string phase, Func<Task> work) => Task.Run(async () =>
    {
        await work();
        Reached(phase);
    });

    /// <summary>Logs when work started before the host was built is done.</summary>
    public async Task After(string phase, Task work)
    {
        await work;
        Reached(phase);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up: {Phase} at {ElapsedMs:0} ms after the process started")]
    private partial void LogReached(string phase, double elapsedMs);
}
