using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Tietosuoja.Web.Pages;

/// <summary>
/// The URL of a wwwroot file as <c>asp-append-version</c> would write it: the fingerprinted name
/// from the static assets manifest (<c>MapStaticAssets</c>, <c>WithStaticAssets</c>), else the
/// file's hash as a query string. The layout calls this for its four assets instead of the link
/// and script tag helpers, which on every page allocated a tag helper context, sorted the tag
/// helpers and buffered each element to rewrite one attribute (about 4 % of a search page's CPU).
/// </summary>
public static class AssetUrls
{
    /// <param name="path">The file's path under wwwroot, starting with a slash ("/css/site.css").</param>
    public static string Versioned(HttpContext context, string path)
    {
        var pathBase = context.Request.PathBase;
        var relative = path.TrimStart('/');
        // The same collection for every page endpoint, read from the endpoint's metadata: a dictionary lookup.
        var assets = context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>();
        if (assets is not null)
        {
            if (assets.IsContentSpecificUrl(relative))
            {
                return pathBase.Add(path).Value!;
            }

            var fingerprinted = assets[relative];
            if (!string.Equals(fingerprinted, relative, StringComparison.Ordinal))
            {
                return pathBase.Add("/" + fingerprinted).Value!;
            }
        }

        // Not in the manifest: the framework's own hash, cached by it until the file changes.
        return context.RequestServices.GetRequiredService<IFileVersionProvider>().AddFileVersionToPath(pathBase, pathBase.Add(path).Value!);
    }
}
