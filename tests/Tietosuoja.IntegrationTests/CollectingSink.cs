using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Tietosuoja.IntegrationTests;

/// <summary>Keeps every log event the app writes, so tests can check what reaches the log (and what must not).</summary>
public sealed class CollectingSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

    /// <summary>All events, each as its rendered message plus its properties, for "does not contain" checks.</summary>
    public string Everything() =>
        string.Join("\n", Events.Select(e => e.RenderMessage(null) + string.Join(";", e.Properties.Select(p => $"{p.Key}={p.Value}"))));

    /// <summary>The request log's event for PATH, which the batched writer may emit a moment after the response.</summary>
    public async Task<LogEvent> WaitForRequestEventAsync(string path)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var found = Events.FirstOrDefault(e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal) && e.RenderMessage(null).Contains(path + "\" ", StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No request log event for {path} within 5 s");
    }
}
