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
}
