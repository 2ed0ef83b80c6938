using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// Every cookie the portal sets (antiforgery, TempData notices, the editor's sign-in, Entra ID's
/// correlation and nonce) is HttpOnly and SameSite=Lax or stricter. Outside Development and
/// Testing, which run over plain http, each is also Secure, on Path=/ without Domain, and named
/// with the <c>__Host-</c> prefix, so that browsers refuse it from http or from a sibling domain.
/// </summary>
public static class CookieSecurity
{
    public const string HostPrefix = "__Host-";

    public const string AntiforgeryCookie = "Tietosuoja.Antiforgery";

    public const string TempDataCookie = "Tietosuoja.TempData";

    public static bool SecureCookies(IHostEnvironment environment) =>
        !PortalEnvironments.IsLocal(environment);

    public static IServiceCollection AddPortalCookies(this IServiceCollection services, IHostEnvironment environment)
    {
        var secure = SecureCookies(environment);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookie;
            options.Cookie.SameSite = SameSiteMode.Strict;
            Harden(options.Cookie, secure);
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = TempDataCookie;
            Harden(options.Cookie, secure);
        });
        // After each scheme's own set-up (EditorAuthentication names the sign-in cookie).
        services.PostConfigureAll<CookieAuthenticationOptions>(options => Harden(options.Cookie, secure));
        services.PostConfigureAll<OpenIdConnectOptions>(options =>
        {
            // Entra ID answers with a cross-site form post, which carries only SameSite=None cookies;
            // these two live for the few minutes of one sign-in and hold no session.
            options.CorrelationCookie.Name = "Tietosuoja.Correlation.";
            options.NonceCookie.Name = "Tietosuoja.Nonce.";
            Harden(options.CorrelationCookie, secure);
            Harden(options.NonceCookie, secure);
        });
        return services;
    }

    private static void Harden(CookieBuilder cookie, bool secure)
    {
        cookie.HttpOnly = true;
        if (cookie.SameSite == SameSiteMode.Unspecified)
        {
            cookie.SameSite = SameSiteMode.Lax;
        }

        if (!secure)
        {
            // Over plain http a Secure cookie would never come back; Entra's own stay Secure anyway.
            if (cookie.SecurePolicy == CookieSecurePolicy.None)
            {
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }

            return;
        }

        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Path = "/";
        cookie.Domain = null;
        if (cookie.Name is { } name && !name.StartsWith(HostPrefix, StringComparison.Ordinal))
        {
            cookie.Name = HostPrefix + name;
        }
    }
}
