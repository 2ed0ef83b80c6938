using System.Globalization;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

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
/// partitions the limit in memory only; it is never stored or logged.
/// </summary>
public sealed class SubmissionGuard : IDisposable
{
    private readonly IDataProtector _stamps;
    private readonly TimeProvider _clock;
    private readonly CommentOptions _options;
    private readonly PartitionedRateLimiter<string> _limiter;

    public SubmissionGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<CommentOptions> options)
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
    public bool TryAcquire(string clientAddress, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(clientAddress);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _options.SubmissionWindow;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

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
