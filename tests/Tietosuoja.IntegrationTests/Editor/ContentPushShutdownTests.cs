using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>
/// A remote that accepts the connection and never answers (a stuck proxy, a firewall that drops
/// replies) must not keep the portal from stopping: a deployment would otherwise wait for the
/// host's whole shutdown timeout on every restart.
/// </summary>
public sealed class ContentPushShutdownTests
{
    [Fact]
    public async Task A_push_hanging_on_a_silent_remote_does_not_hold_up_shutdown()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        var firstConnection = new TaskCompletionSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await silent.AcceptTcpClientAsync());
                    firstConnection.TrySetResult();
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The listener stopped at the end of the test.
            }
        });
        var remote = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/content.git";
        var portal = new EditorPortal(factory => factory
            .WithSetting("Content:Git:InitializeIfMissing", "true")
            .WithSetting("Content:Git:Remote", remote));
        var stopped = false;
        try
        {
            // Starting the portal commits the content folder and pushes that first commit at once.
            await portal.InitializeAsync();
            await firstConnection.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var stopping = Stopwatch.StartNew();
            await portal.DisposeAsync();
            stopped = true;

            // The host's shutdown timeout is 30 s: a stop bounded by it alone means the push held it up.
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {stopping.Elapsed.TotalSeconds:0.0} s while a push hung");
        }
        finally
        {
            if (!stopped)
            {
                await portal.DisposeAsync();
            }

            silent.Stop();
            foreach (var connection in held)
            {
                connection.Dispose();
            }

            await accepting;
        }
    }
}
