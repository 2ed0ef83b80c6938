using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// Something whose state a cached page depends on (the content snapshot, the set of open rounds).
/// The feature that owns the state registers it; the cache policy knows nothing of features.
/// </summary>
public interface IOutputCacheStamp
{
    /// <summary>Changes whenever a page rendered from this state could change.</summary>
    string CacheStamp();
}

public static class OutputCaching
{
    /// <summary>Policy for pages rendered from the content snapshot.</summary>
    public const string ContentPolicy = "content";

    /// <summary>How long a browser may show a page without asking again; after that it revalidates with the ETag.</summary>
    public static readonly TimeSpan BrowserLifetime = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Content pages are cached per combination of every registered <see cref="IOutputCacheStamp"/>:
    /// after a content swap, or when a round opens, closes or changes, every request asks for a new
    /// key, so a stale page can never be served and no explicit eviction is needed. They are also
    /// cached per encoding (Accept-Encoding is normalized to br, gzip or nothing before the cache),
    /// compressed, and carry an ETag made of the same stamps, so a reload is answered 304 from the cache.
    /// </summary>
    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(ContentPolicy, policy => policy
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByHeader(HeaderNames.AcceptEncoding)
            .AddPolicy<RevalidationPolicy>()));
        return services;
    }

    /// <summary>
    /// The cache key's stamps, Cache-Control and ETag for a content page. The ETag is a digest of
    /// what the page is rendered from (the stamps, this build, the encoding), so every replica gives
    /// the same page the same ETag without hashing the body, and a new deployment or content change
    /// gives a new one. The framework makes one instance per host, so the stamps are that host's.
    /// </summary>
    private sealed class RevalidationPolicy(IEnumerable<IOutputCacheStamp> stamps) : IOutputCachePolicy
    {
        private static readonly string Build = BuildStamp();

        private static readonly string CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)BrowserLifetime.TotalSeconds}, must-revalidate");

        private readonly IOutputCacheStamp[] _stamps = [.. stamps];

        /// <summary>
        /// The last ETag made for each encoding: the stamps change a few times a day, requests come
        /// hundreds of times a second, and a hit needs the digest of the same text again.
        /// </summary>
        private readonly ConcurrentDictionary<string, ETagOf> _etags = new(StringComparer.Ordinal);

        private Joined? _joined;

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var current = CurrentStamps();
            context.CacheVaryByRules.VaryByValues["content"] = current;
            http.Response.Headers.ETag = ETag(current, http.Request.Headers.AcceptEncoding.ToString());
            http.Response.Headers.CacheControl = CacheControl;
            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// Every stamp joined, reusing the joined text while each stamp's text is what it was: the
        /// stamps change a few times a day, and each is cheap to ask for.
        /// </summary>
        private string CurrentStamps()
        {
            var last = Volatile.Read(ref _joined);
            if (last is not null)
            {
                var same = true;
                for (var i = 0; i < _stamps.Length && same; i++)
                {
                    same = string.Equals(_stamps[i].CacheStamp(), last.Parts[i], StringComparison.Ordinal);
                }

                if (same)
                {
                    return last.Value;
                }
            }

            string[] parts = [.. _stamps.Select(stamp => stamp.CacheStamp())];
            var joined = new Joined(parts, string.Join('/', parts));
            Volatile.Write(ref _joined, joined);
            return joined.Value;
        }

        private string ETag(string stamps, string encoding)
        {
            if (_etags.TryGetValue(encoding, out var last) && last.Stamps == stamps)
            {
                return last.Value;
            }

            var source = string.Join('|', Build, stamps, encoding);
            var digest = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(source)), 0, 15).Replace('+', '-').Replace('/', '_');
            var etag = new ETagOf(stamps, $"\"{digest}\"");
            // Accept-Encoding is normalized before the cache: br, gzip or empty, never more entries than that.
            _etags[encoding] = etag;

            return etag.Value;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        /// <summary>A "not found" or an error page rendered in place of the page is neither cached nor revalidated.</summary>
        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK)
            {
                response.Headers.Remove(HeaderNames.ETag);
                response.Headers.CacheControl = "no-cache";
            }

            return ValueTask.CompletedTask;
        }

        private sealed record ETagOf(string Stamps, string Value);

        private sealed record Joined(string[] Parts, string Value);

        /// <summary>The application's code and templates (the assembly's MVID) and its static assets' fingerprints (their manifest).</summary>
        private static string BuildStamp()
        {
            var assembly = typeof(OutputCaching).Assembly;
            var manifest = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".staticwebassets.endpoints.json");
            var assets = File.Exists(manifest) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(manifest))) : string.Empty;
            return assembly.ManifestModule.ModuleVersionId.ToString("N") + assets;
        }
    }
}
