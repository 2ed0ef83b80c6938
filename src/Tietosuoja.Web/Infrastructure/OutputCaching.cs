using System.Globalization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Infrastructure;

public static class OutputCaching
{
    /// <summary>Policy for pages rendered from the content snapshot.</summary>
    public const string ContentPolicy = "content";

    /// <summary>
    /// Content pages are cached per snapshot generation and per set of open rounds: after a content
    /// swap, or when a round opens, closes or changes, every request asks for a new key, so a stale
    /// page can never be served and no explicit eviction is needed.
    /// </summary>
    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(ContentPolicy, policy => policy
            .Expire(TimeSpan.FromMinutes(10))
            .VaryByValue(context => new KeyValuePair<string, string>(
                "content",
                context.RequestServices.GetRequiredService<ContentStore>().Current.Generation.ToString(CultureInfo.InvariantCulture)
                    + "/" + context.RequestServices.GetRequiredService<RoundCatalog>().CacheStamp()))));
        return services;
    }
}
