using System.Globalization;

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

    /// <summary>
    /// Content pages are cached per combination of every registered <see cref="IOutputCacheStamp"/>:
    /// after a content swap, or when a round opens, closes or changes, every request asks for a new
    /// key, so a stale page can never be served and no explicit eviction is needed.
    /// </summary>
    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(ContentPolicy, policy => policy
            .Expire(TimeSpan.FromMinutes(10))
            .VaryByValue(context => new KeyValuePair<string, string>(
                "content",
                string.Join('/', context.RequestServices.GetServices<IOutputCacheStamp>().Select(stamp => stamp.CacheStamp()))))));
        return services;
    }
}
