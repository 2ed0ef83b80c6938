using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.Web.Editing;

/// <summary>The Entra ID app roles that open the editor area.</summary>
public static class EditorRoles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";
}

public static class EditorPolicies
{
    /// <summary>Editors and admins: publishing, rounds, comments, exports.</summary>
    public const string Editor = "EditorArea";

    /// <summary>Admins only: the audit trail.</summary>
    public const string Admin = "AdminOnly";
}

public sealed class EditorAuthOptions
{
    public const string Section = "EditorAuth";

    /// <summary>
    /// A sign-in page where anyone can pick a role, for development and tests only. The app refuses
    /// to start if this is on outside the Development and Testing environments.
    /// </summary>
    public bool LocalSignIn { get; set; }
}

public static class EditorAuthentication
{
    /// <summary>The cookie scheme of the local sign-in.</summary>
    public const string LocalScheme = "LocalEditor";

    /// <summary>
    /// Microsoft Entra ID through Microsoft.Identity.Web (OpenID Connect, app roles in the "roles"
    /// claim), or the local sign-in where that is allowed. Every page under /Editor needs a role.
    /// </summary>
    public static IServiceCollection AddEditorAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(EditorAuthOptions.Section).Get<EditorAuthOptions>() ?? new EditorAuthOptions();
        services.Configure<EditorAuthOptions>(configuration.GetSection(EditorAuthOptions.Section));
        if (options.LocalSignIn)
        {
            if (!PortalEnvironments.IsLocal(environment))
            {
                throw new InvalidOperationException(
                    $"EditorAuth:LocalSignIn is on in the '{environment.EnvironmentName}' environment. The local sign-in lets anyone " +
                    "choose a role, so it is allowed only in Development and Testing. Turn it off and configure Microsoft Entra ID " +
                    "(the AzureAd section, see docs/editor-area.md).");
            }

            services.AddAuthentication(LocalScheme).AddCookie(LocalScheme, cookie =>
            {
                ConfigureCookie(cookie);
                cookie.LoginPath = EditorUrls.SignIn(Language.Fi);
            });
        }
        else
        {
            var entra = configuration.GetSection("AzureAd");
            if (string.IsNullOrWhiteSpace(entra["ClientId"]) || string.IsNullOrWhiteSpace(entra["TenantId"]))
            {
                throw new InvalidOperationException(
                    "Editors sign in with Microsoft Entra ID, but AzureAd:TenantId and AzureAd:ClientId are not set. " +
                    "Configure the app registration (see docs/editor-area.md), or, on a developer's machine only, set EditorAuth:LocalSignIn=true.");
            }

            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(entra, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie);
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
            {
                // Entra ID puts app roles in "roles"; IsInRole and [Authorize(Roles)] read that claim.
                oidc.TokenValidationParameters.RoleClaimType = "roles";
                oidc.TokenValidationParameters.NameClaimType = "name";
            });
            // Where Entra ID sends the editor back comes from Site:BaseUrl too, not from the Host header.
            services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme).Configure<PublicSite>((oidc, site) =>
            {
                var signIn = oidc.Events.OnRedirectToIdentityProvider;
                oidc.Events.OnRedirectToIdentityProvider = async context =>
                {
                    await signIn(context);
                    context.ProtocolMessage.RedirectUri = site.Absolute(oidc.CallbackPath).AbsoluteUri;
                };
                var signOut = oidc.Events.OnRedirectToIdentityProviderForSignOut;
                oidc.Events.OnRedirectToIdentityProviderForSignOut = async context =>
                {
                    await signOut(context);
                    context.ProtocolMessage.PostLogoutRedirectUri = site.Absolute(oidc.SignedOutCallbackPath).AbsoluteUri;
                };
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicies.Editor, policy => policy.RequireRole(EditorRoles.Editor, EditorRoles.Admin))
            .AddPolicy(EditorPolicies.Admin, policy => policy.RequireRole(EditorRoles.Admin));
        return services;
    }

    /// <summary>The local sign-in: the chosen name and roles become the editor's claims.</summary>
    public static ClaimsPrincipal LocalPrincipal(string name, IEnumerable<string> roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "local:" + name), new(ClaimTypes.Name, name) };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, LocalScheme));
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = "Tietosuoja.Editor";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
        // A signed-in editor without the role gets a 403 at the address they asked for, shown by
        // the status page in their language, rather than a redirect to some other page.
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        // The sign-in page is in the language of the page that asked for it.
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (cookie.LoginPath.HasValue)
            {
                var language = Guidance.SiteUrls.LanguageOf(context.Request.Path.Value);
                var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect(EditorUrls.SignIn(language) + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
            }

            return Task.CompletedTask;
        };
    }
}

/// <summary>Who is acting in the editor area, as the audit trail records it.</summary>
public sealed record EditorIdentity(string Id, string Name)
{
    /// <summary>Actions the application takes by itself (sample data, tests' fixtures).</summary>
    public static readonly EditorIdentity System = new("system", "Järjestelmä");

    public static EditorIdentity From(ClaimsPrincipal user)
    {
        var id = user.GetObjectId() ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A signed-in editor has no id claim.");
        var name = user.GetDisplayName() ?? user.Identity?.Name ?? id;
        return new EditorIdentity(id, name);
    }
}
