using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Tietosuoja.Web.Infrastructure;

public static class Localization
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, PreloadedLocalizer>();
        return services;
    }

    /// <summary>
    /// The URL alone decides the language (/sv/… is Swedish, everything else Finnish), so a link
    /// always shows the same language to everyone; no cookies or Accept-Language guessing. The
    /// framework's RequestLocalizationMiddleware would run a provider chain and look the culture up
    /// by name on every request; with one rule and two languages, both cultures are known at start.
    /// </summary>
    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app)
    {
        var features = Languages.All.ToDictionary(
            language => language,
            language => (IRequestCultureFeature)new RequestCultureFeature(
                new RequestCulture(language.Culture(), CultureInfo.GetCultureInfo(language.Code())), provider: null));
        var finnish = features[Language.Fi];
        var swedish = features[Language.Sv];
        return app.Use((context, next) =>
        {
            var feature = Languages.OfPath(context.Request.Path.Value) == Language.Sv ? swedish : finnish;
            context.Features.Set(feature);
            CultureInfo.CurrentCulture = feature.RequestCulture.Culture;
            CultureInfo.CurrentUICulture = feature.RequestCulture.UICulture;
            return next(context);
        });
    }
}
