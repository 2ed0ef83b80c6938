using System.Collections.Immutable;
using Tietosuoja.Web.Infrastructure;

namespace Tietosuoja.UnitTests.Infrastructure;

public sealed class ClockBoundStampTests
{
    private static readonly DateTime Opens = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = new(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc);

    private int _made;

    /// <summary>A round's stamp as RoundCatalog makes it: the open ones, counted so that the test sees when it is made again.</summary>
    private ClockBoundStamp<(int Id, DateTime Opens, DateTime Closes)> NewStamp() => new(
        round => [round.Opens, round.Closes],
        (rounds, now) =>
        {
            _made++;
            return string.Join(',', rounds.Where(r => r.Opens <= now && now < r.Closes).Select(r => r.Id));
        });

    [Fact]
    public void The_stamp_changes_exactly_when_the_clock_passes_an_instant_and_is_made_once_between_them()
    {
        var stamp = NewStamp();
        ImmutableArray<(int, DateTime, DateTime)> rounds = [(7, Opens, Closes)];

        Assert.Equal(string.Empty, stamp.For(rounds, Opens.AddTicks(-1)));
        Assert.Equal(string.Empty, stamp.For(rounds, Opens.AddTicks(-1)));
        Assert.Equal("7", stamp.For(rounds, Opens));
        Assert.Equal("7", stamp.For(rounds, Opens.AddDays(10)));
        Assert.Equal("7", stamp.For(rounds, Closes.AddTicks(-1)));
        Assert.Equal(string.Empty, stamp.For(rounds, Closes));
        Assert.Equal(string.Empty, stamp.For(rounds, Closes.AddYears(1)));
        // A clock set back (a test's fake clock, a corrected system clock) is a new interval too.
        Assert.Equal("7", stamp.For(rounds, Opens.AddDays(1)));
        Assert.Equal(4, _made);
    }

    [Fact]
    public void A_new_list_makes_a_new_stamp_even_at_the_same_time()
    {
        var stamp = NewStamp();
        var now = Opens.AddDays(1);

        Assert.Equal("7", stamp.For([(7, Opens, Closes)], now));
        Assert.Equal("7,8", stamp.For([(7, Opens, Closes), (8, Opens, Closes)], now));
        Assert.Equal(2, _made);
    }
}
