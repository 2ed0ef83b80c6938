using Microsoft.AspNetCore.Localization;

namespace Tietosuoja.Web.Infrastructure;

public static class Localization
{
    /// <summary>
    /// The URL alone decides the language (/sv/… is Swedish, everything else Finnish), so a link
    /// always shows the same language to everyone; no cookies or Accept-Language guessing.
    /// </summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, PreloadedLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.All.Select(l => l.Culture()).ToList();
            var uiCultures = Languages.All.Select(l => System.Globalization.CultureInfo.GetCultureInfo(l.Code())).ToList();
            options.DefaultRequestCulture = new RequestCulture(Language.Fi.Culture(), uiCultures[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = uiCultures;
            options.RequestCultureProviders = [new PathCultureProvider()];
        });
        return services;
    }

    private sealed class PathCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var language = Languages.OfPath(httpContext.Request.Path.Value);
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language.Culture().Name, language.Code()));
        }
    }
}
