using System.Globalization;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Tietosuoja.Web.Comments;

/// <summary>Why a submission was turned away before its content was looked at.</summary>
public enum GuardRefusal
{
    /// <summary>The hidden field that people leave empty was filled in.</summary>
    Honeypot,

    /// <summary>The form came back sooner than a person could fill it in.</summary>
    TooFast,

    /// <summary>The form's time stamp is missing, forged or more than a day old.</summary>
    FormExpired,

    /// <summary>Too many comments from one address in the current window.</summary>
    RateLimited,
}

/// <summary>
/// The abuse checks on comment submission besides antiforgery: a honeypot field, a minimum fill
/// time and a per-address rate limit. They run inside the page handler, not as middleware, so a
/// refused person gets the form back with everything they typed (ADR 0009). The client address
/// partitions the limit; it is never stored or logged. With Redis (Redis:Configuration) the count
/// is shared by every replica, keyed by a keyed hash of the address rather than the address
/// itself; without it, or while Redis cannot be reached, each instance counts on its own.
/// </summary>
public sealed partial class SubmissionGuard : IDisposable
{
    private readonly IDataProtector _stamps;
    private readonly TimeProvider _clock;
    private readonly CommentOptions _options;
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly PartitionedRateLimiter<string>? _shared;
    private readonly Lazy<Task<byte[]>>? _partitionKey;
    private readonly ILogger<SubmissionGuard>? _log;

    /// <summary>The Redis key of the random key that hashes addresses, the same for every replica.</summary>
    public const string PartitionKeyName = "tietosuoja:comments:rate-limit-key";

    public SubmissionGuard(
        IDataProtectionProvider protection,
        TimeProvider clock,
        IOptions<CommentOptions> options,
        IConnectionMultiplexer? redis = null,
        ILogger<SubmissionGuard>? log = null)
    {
        _stamps = protection.CreateProtector("Tietosuoja.Comments.FormIssued");
        _clock = clock;
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = _options.SubmissionsPerWindow,
                Window = _options.SubmissionWindow,
                QueueLimit = 0,
            }));
        if (redis is not null)
        {
            _log = log;
            _partitionKey = new(() => PartitionKeyAsync(redis));
            _shared = PartitionedRateLimiter.Create<string, string>(hashedAddress => RedisRateLimitPartition.GetFixedWindowRateLimiter(
                hashedAddress,
                _ => new RedisFixedWindowRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => redis,
                    PermitLimit = _options.SubmissionsPerWindow,
                    Window = _options.SubmissionWindow,
                }));
        }
    }

    /// <summary>
    /// How long a shown form can be sent back. Measured on the app's <see cref="TimeProvider"/>
    /// from the stamped time, like the fill time, rather than by the Data Protection clock. A used
    /// stamp is remembered this long (<see cref="CommentService.SubmitAsync"/>).
    /// </summary>
    public static readonly TimeSpan FormLifetime = TimeSpan.FromDays(1);

    /// <summary>The name of the honeypot field, which people never see and bots fill in.</summary>
    public const string HoneypotField = "Website";

    /// <summary>A protected stamp of when the form was shown, sent back in a hidden field.</summary>
    public string IssueStamp() =>
        _stamps.Protect(_clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>The checks that need only the form itself; null when the submission may go on.</summary>
    public GuardRefusal? Check(string? stamp, string? honeypot)
    {
        if (!string.IsNullOrEmpty(honeypot))
        {
            return GuardRefusal.Honeypot;
        }

        var now = _clock.GetUtcNow();
        if (IssuedAt(stamp) is not { } issued || now - issued > FormLifetime)
        {
            return GuardRefusal.FormExpired;
        }

        return now - issued < _options.MinimumFillTime ? GuardRefusal.TooFast : null;
    }

    /// <summary>Takes one submission from the address's allowance; false (with a wait) when it is used up.</summary>
    public async Task<(bool Acquired, TimeSpan RetryAfter)> TryAcquireAsync(string clientAddress, CancellationToken cancellation)
    {
        if (_shared is not null)
        {
            try
            {
                var key = Convert.ToHexString(HMACSHA256.HashData(await _partitionKey!.Value.WaitAsync(cancellation), System.Text.Encoding.UTF8.GetBytes(clientAddress)));
                using var shared = await _shared.AcquireAsync(key, 1, cancellation);
                return Result(shared);
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                // A person with a comment is not turned away because Redis is down: this instance counts alone meanwhile.
                if (_log is not null)
                {
                    LogRedisUnavailable(_log, error.GetType().Name);
                }
            }
        }

        using var lease = _limiter.AttemptAcquire(clientAddress);
        return Result(lease);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not be reached for the comment rate limit ({Error}); counting in this instance only")]
    private static partial void LogRedisUnavailable(ILogger logger, string error);

    private (bool, TimeSpan) Result(RateLimitLease lease) =>
        (lease.IsAcquired, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _options.SubmissionWindow);

    /// <summary>A random key made by whichever replica comes first, kept in Redis, read by the others.</summary>
    private static async Task<byte[]> PartitionKeyAsync(IConnectionMultiplexer redis)
    {
        var database = redis.GetDatabase();
        await database.StringSetAsync(PartitionKeyName, RandomNumberGenerator.GetBytes(32), when: When.NotExists);
        return (byte[])(await database.StringGetAsync(PartitionKeyName))!;
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _shared?.Dispose();
    }

    private DateTimeOffset? IssuedAt(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return null;
        }

        try
        {
            var ticks = long.Parse(_stamps.Unprotect(stamp), CultureInfo.InvariantCulture);
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
