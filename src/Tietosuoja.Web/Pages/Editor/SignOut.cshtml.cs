using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>Signs out of the portal and, with Entra ID, of the Microsoft session too. POST only, so no link can sign anyone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(ContentStore store, IStringLocalizer<SharedResource> text, IOptions<EditorAuthOptions> options) : EditorPageModel(store, text)
{
    public override string Title => T["SignOut"];

    public IActionResult OnGet() => Redirect(SiteUrls.Home(Language));

    public async Task<IActionResult> OnPostAsync()
    {
        if (options.Value.LocalSignIn)
        {
            await HttpContext.SignOutAsync(EditorAuthentication.LocalScheme);
            return Redirect(SiteUrls.Home(Language));
        }

        // Entra ID's end-session endpoint then returns the browser to the front page.
        return SignOut(new AuthenticationProperties { RedirectUri = SiteUrls.Home(Language) }, CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
    }
}
