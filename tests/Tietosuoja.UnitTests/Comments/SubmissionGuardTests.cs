using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tietosuoja.Web.Comments;

namespace Tietosuoja.UnitTests.Comments;

/// <summary>The form stamp's checks, on a clock the test moves: too fast, in time, a day old, forged.</summary>
public sealed class SubmissionGuardTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly SubmissionGuard _guard;

    public SubmissionGuardTests() =>
        _guard = new SubmissionGuard(new EphemeralDataProtectionProvider(), _clock, Options.Create(new CommentOptions { MinimumFillTime = TimeSpan.FromSeconds(3) }));

    public void Dispose() => _guard.Dispose();

    [Fact]
    public void A_form_sent_back_within_a_day_and_after_the_fill_time_passes()
    {
        var stamp = _guard.IssueStamp();
        _clock.Advance(SubmissionGuard.FormLifetime - TimeSpan.FromSeconds(1));

        Assert.Null(_guard.Check(stamp, honeypot: null));
    }

    [Fact]
    public void A_form_sent_back_more_than_a_day_after_it_was_shown_has_expired()
    {
        var stamp = _guard.IssueStamp();
        _clock.Advance(SubmissionGuard.FormLifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(GuardRefusal.FormExpired, _guard.Check(stamp, honeypot: null));
    }

    [Fact]
    public void A_form_sent_back_sooner_than_a_person_could_fill_it_in_is_too_fast()
    {
        var stamp = _guard.IssueStamp();
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(GuardRefusal.TooFast, _guard.Check(stamp, honeypot: null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("forged")]
    public void A_missing_or_forged_stamp_counts_as_expired(string? stamp)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(GuardRefusal.FormExpired, _guard.Check(stamp, honeypot: null));
    }

    [Fact]
    public void A_filled_honeypot_is_refused_whatever_the_stamp()
    {
        var stamp = _guard.IssueStamp();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(GuardRefusal.Honeypot, _guard.Check(stamp, honeypot: "https://example.org"));
    }
}
