using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.Web.Infrastructure;

namespace Tietosuoja.IntegrationTests.Infrastructure;

/// <summary>The portal's own instruments on the "Tietosuoja" Meter, as an OpenTelemetry exporter would read them.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Content_loads_comments_and_refusals_are_counted()
    {
        var measurements = new ConcurrentQueue<(string Instrument, long Value, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PortalMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, string.Join(',', tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9/"));
        var client = portal.NewClient();
        await portal.SubmitAsync(client, CommentingPortal.ValidFields());
        await portal.SubmitAsync(client, CommentingPortal.ValidFields(), wait: TimeSpan.Zero);

        Assert.Contains(measurements, m => m is { Instrument: "tietosuoja.content.reloads", Value: 1, Tags: "outcome=accepted" });
        Assert.Contains(measurements, m => m.Instrument == "tietosuoja.content.generation" && m.Value >= 1);
        Assert.Contains(measurements, m => m is { Instrument: "tietosuoja.comments.submitted", Value: 1 });
        Assert.Contains(measurements, m => m is { Instrument: "tietosuoja.comments.refused", Tags: "reason=TooFast" });
        // With an (unreachable) OTLP endpoint configured, pages are served as before.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetPageAsync("/luku/rekisterinpitaja")).Status);
    }
}
