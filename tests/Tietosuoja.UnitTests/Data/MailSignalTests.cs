using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Infrastructure.Mail;

namespace Tietosuoja.UnitTests.Data;

/// <summary>
/// The mail sender is woken when mail becomes visible to it, and only then: after a plain save
/// that stored mail, after the commit of a transaction that did, never for units of work without mail.
/// </summary>
public sealed class MailSignalTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly MailSignal _signal = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    private SqliteDbContext _db = null!;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>()
            .UseSqlite(_connection).AddInterceptors(new MailCommitInterceptor(_signal)).Options);
        await _db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
        _signal.Dispose();
    }

    [Fact]
    public async Task A_save_that_stores_mail_wakes_the_sender()
    {
        Outbox().Add(Mail());
        await _db.SaveChangesAsync(CancellationToken.None);

        Assert.True(await WokenAsync(within: WakeUp));
    }

    [Fact]
    public async Task A_save_without_mail_does_not_wake_the_sender()
    {
        _ = Outbox();
        _db.BlockedAddresses.Add(new BlockedAddress { Address = "a@example.org", Reason = BlockReason.Bounced, At = _clock.GetUtcNow().UtcDateTime });
        await _db.SaveChangesAsync(CancellationToken.None);

        Assert.False(await WokenAsync(within: Silence));
    }

    [Fact]
    public async Task Mail_saved_in_a_transaction_wakes_the_sender_at_the_commit_not_before()
    {
        var cancellation = CancellationToken.None;
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellation);
        Outbox().Add(Mail());
        await _db.SaveChangesAsync(cancellation);
        Assert.False(await WokenAsync(within: Silence));

        await transaction.CommitAsync(cancellation);

        Assert.True(await WokenAsync(within: WakeUp));
    }

    [Fact]
    public async Task A_transaction_without_mail_does_not_wake_the_sender_and_the_next_one_with_mail_does()
    {
        var cancellation = CancellationToken.None;
        await using (var quiet = await _db.Database.BeginTransactionAsync(cancellation))
        {
            _db.BlockedAddresses.Add(new BlockedAddress { Address = "a@example.org", Reason = BlockReason.Bounced, At = _clock.GetUtcNow().UtcDateTime });
            await _db.SaveChangesAsync(cancellation);
            await quiet.CommitAsync(cancellation);
        }

        Assert.False(await WokenAsync(within: Silence));

        await using var withMail = await _db.Database.BeginTransactionAsync(cancellation);
        Outbox().Add(Mail());
        await _db.SaveChangesAsync(cancellation);
        await withMail.CommitAsync(cancellation);
        Assert.True(await WokenAsync(within: WakeUp));
    }

    private MailOutbox Outbox() => new(_db, _clock, _signal);

    private static OutgoingMail Mail() =>
        new($"<{Guid.NewGuid():N}@example.org>", "Tietosuoja", "maija@example.org", Language.Fi, "Aihe", "Teksti", "<p>Teksti</p>", new Uri("https://example.org/peru"));

    /// <summary>
    /// A release that happened reaches the wait as soon as the thread pool runs it, which on a
    /// loaded CI machine has taken more than 300 ms: a wake-up is given seconds. Silence is
    /// judged over a short time; a release would have been there already.
    /// </summary>
    private static readonly TimeSpan WakeUp = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The fake clock never runs the sender's poll delay out, so the wait ends only if the signal
    /// was released (within <paramref name="within"/> of real time). A wait that was not woken is
    /// cancelled, so it cannot take a later release meant for the next look.
    /// </summary>
    private async Task<bool> WokenAsync(TimeSpan within)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
        var wait = _signal.WaitAsync(TimeSpan.FromMinutes(5), _clock, giveUp.Token);
        if (await Task.WhenAny(wait, Task.Delay(within, CancellationToken.None)) == wait)
        {
            await wait;
            return true;
        }

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        return false;
    }
}
