using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tietosuoja.Web.Infrastructure;

namespace Tietosuoja.UnitTests.Infrastructure;

public sealed class BackgroundStartTests
{
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly FakeTimeProvider _clock = new();

    private BackgroundStart Start(TimeSpan delay) =>
        new(_lifetime, _clock, Options.Create(new StartupOptions { BackgroundDelay = delay }));

    [Fact]
    public async Task The_first_pass_waits_for_the_server_to_have_started_and_then_for_the_delay()
    {
        var waiting = Start(TimeSpan.FromSeconds(5)).WaitAsync(CancellationToken.None);

        // However long the start takes, nothing runs before it is over.
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        _lifetime.NotifyStarted();
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Without_a_delay_the_first_pass_starts_when_the_server_has_started()
    {
        var waiting = Start(TimeSpan.Zero).WaitAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        _lifetime.NotifyStarted();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_worker_stopped_before_the_server_started_is_cancelled_and_does_not_run()
    {
        using var stopping = new CancellationTokenSource();
        var waiting = Start(TimeSpan.FromSeconds(5)).WaitAsync(stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_worker_stopped_during_the_delay_is_cancelled_and_does_not_run()
    {
        using var stopping = new CancellationTokenSource();
        var waiting = Start(TimeSpan.FromSeconds(5)).WaitAsync(stopping.Token);
        _lifetime.NotifyStarted();
        await Task.Delay(50);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
