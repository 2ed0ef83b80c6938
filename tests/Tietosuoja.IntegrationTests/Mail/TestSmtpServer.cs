using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Tietosuoja.IntegrationTests.Mail;

/// <summary>How the test server answers a mail.</summary>
public enum SmtpMode
{
    Accept,

    /// <summary>451 to every message: a temporary refusal.</summary>
    RefuseTemporarily,
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, in the test process:
/// the portal's MailKit client talks SMTP to it over a socket. It keeps what it accepted, can
/// refuse with 4xx, refuses recipients listed in <see cref="Bouncing"/> with 550, and can be
/// stopped and started again on the same port (the server down, then back).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private CancellationTokenSource? _running;
    private Task? _task;

    public TestSmtpServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public SmtpMode Mode { get; set; } = SmtpMode.Accept;

    /// <summary>Recipients answered with 550 (a permanent failure).</summary>
    public ConcurrentBag<string> Bouncing { get; } = [];

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>How many messages were refused with 4xx.</summary>
    public int Refused => _refused;

    private int _refused;

    public static async Task<TestSmtpServer> StartAsync()
    {
        var server = new TestSmtpServer();
        await server.StartListeningAsync();
        return server;
    }

    public async Task StartListeningAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _task = server.StartAsync(_running.Token);
        // Listening once a connection is accepted.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException("The test SMTP server did not start listening.");
    }

    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _task!;
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public List<MimeMessage> To(string address) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.Mode == SmtpMode.RefuseTemporarily)
            {
                Interlocked.Increment(ref server._refused);
                return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 Try again later");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!server.Bouncing.Contains($"{to.User}@{to.Host}", StringComparer.OrdinalIgnoreCase));
    }
}
