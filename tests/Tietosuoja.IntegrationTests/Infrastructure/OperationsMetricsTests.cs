using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.IntegrationTests.Mail;
using Tietosuoja.Web.Infrastructure;

namespace Tietosuoja.IntegrationTests.Infrastructure;

/// <summary>The outbox's instruments on the host's "Tietosuoja" Meter, as an exporter would read them while mail fails and recovers.</summary>
public sealed class OperationsMetricsTests
{
    [Fact]
    public async Task The_outbox_length_and_each_delivery_outcome_are_measured()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.Mode = SmtpMode.RefuseTemporarily;
        smtp.Bouncing.Add("ei-ole@example.org");
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSmtp(smtp)
            .WithSetting("Mail:FirstRetryDelay", "00:01:00").WithSetting("Comments:SubmissionsPerWindow", "100"));
        var meters = portal.Factory.Services.GetRequiredService<IMeterFactory>();
        using var results = new MetricCollector<long>(meters, PortalMetrics.MeterName, "tietosuoja.mail.results");
        using var outbox = new MetricCollector<long>(meters, PortalMetrics.MeterName, "tietosuoja.mail.outbox.length");

        await portal.SubmitAsync(portal.NewClient(), MailTesting.WithEmail("Teksti.", "maija@example.org"));
        await MailTesting.EventuallyAsync(() => Count(results, "failed") == 1, "a failed delivery counted");
        await MailTesting.EventuallyAsync(() => OutboxLength(outbox) == 1, "one mail waiting in the outbox");
        Assert.Equal(0, Count(results, "sent"));

        smtp.Mode = SmtpMode.Accept;
        portal.Advance(TimeSpan.FromMinutes(1));
        await MailTesting.EventuallyAsync(() => Count(results, "sent") == 1, "the delivery after recovery counted");
        await MailTesting.EventuallyAsync(() => OutboxLength(outbox) == 0, "an empty outbox");

        await portal.SubmitAsync(portal.NewClient(), MailTesting.WithEmail("Toinen.", "ei-ole@example.org"));
        await MailTesting.EventuallyAsync(() => Count(results, "refused") == 1, "the refusal for good counted");
        Assert.Equal((1, 1), (Count(results, "failed"), Count(results, "sent")));
    }

    private static long Count(MetricCollector<long> collector, string outcome) =>
        collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags["outcome"], outcome)).Sum(m => m.Value);

    private static long? OutboxLength(MetricCollector<long> collector)
    {
        collector.RecordObservableInstruments();
        return collector.LastMeasurement?.Value;
    }
}
