using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// Brotli and gzip for pages, feeds, the sitemap and anything else rendered per request. Static
/// assets are compressed at build time (MapStaticAssets) and arrive here already encoded, which
/// the middleware leaves alone. The middleware sits inside the output cache, so a cached page is
/// stored compressed, once per encoding, and a cache hit costs no compression work.
/// </summary>
public static class Compression
{
    /// <summary>The encodings the portal produces, in order of preference when a client accepts several equally.</summary>
    public static readonly string[] Encodings = ["br", "gzip"];

    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // BREACH needs a secret and reflected input in one compressed response; every page with a
            // secret (an antiforgery token, a private page) is no-store and is sent uncompressed below.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/atom+xml", "image/svg+xml", "application/manifest+json"];
        });
        // Cached pages are compressed once per cache entry; uncached ones (search) on each request,
        // where Optimal costs about a millisecond for a results page and saves three quarters of it.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddSingleton<ResponseCompressionProvider>();
        services.AddSingleton<IResponseCompressionProvider, SecretSafeCompressionProvider>();
        return services;
    }

    /// <summary>
    /// Before the output cache: replaces Accept-Encoding by the one encoding the portal will answer
    /// with (or removes it), so the cache keeps one entry per encoding instead of one per browser's
    /// spelling of the header, and the compression middleware behind it makes the same choice.
    /// </summary>
    public static IApplicationBuilder UseAcceptEncodingNormalization(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            if (headers.ContainsKey(HeaderNames.AcceptEncoding))
            {
                var chosen = Choose(headers.AcceptEncoding);
                if (chosen is null)
                {
                    headers.Remove(HeaderNames.AcceptEncoding);
                }
                else
                {
                    headers.AcceptEncoding = chosen;
                }
            }

            // Also on a response no encoding was asked for, so a shared cache never hands it to one that could take br.
            context.Response.OnStarting(AddVary, context);
            return next(context);
        });

    private static Task AddVary(object state)
    {
        var response = ((HttpContext)state).Response;
        if (!response.Headers.Vary.Any(value => value?.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase) == true))
        {
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        return Task.CompletedTask;
    }

    /// <summary>The encoding with the highest quality the client gives it (br before gzip on a tie), or null for none.</summary>
    public static string? Choose(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var values))
        {
            return null;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var encoding in Encodings)
        {
            var quality = values.Where(v => v.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase)).Select(v => v.Quality ?? 1.0).DefaultIfEmpty(-1).Max();
            if (quality < 0)
            {
                quality = values.Where(v => v.Value.Equals("*", StringComparison.Ordinal)).Select(v => v.Quality ?? 1.0).DefaultIfEmpty(0).Max();
            }

            if (quality > bestQuality)
            {
                best = encoding;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>The framework's provider, except that a response marked no-store is never compressed (see BREACH above).</summary>
    private sealed class SecretSafeCompressionProvider(ResponseCompressionProvider inner) : IResponseCompressionProvider
    {
        public ICompressionProvider? GetCompressionProvider(HttpContext context) => inner.GetCompressionProvider(context);

        public bool ShouldCompressResponse(HttpContext context) =>
            !context.Response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
            && inner.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
    }
}
