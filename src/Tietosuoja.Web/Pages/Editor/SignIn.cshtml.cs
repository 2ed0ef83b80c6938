using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>
/// The local sign-in for development and tests: pick a name and a role. It answers 404 unless
/// EditorAuth:LocalSignIn is on, which the app allows only in Development and Testing.
/// </summary>
public sealed class SignInModel(ContentStore store, IStringLocalizer<SharedResource> text, IOptions<EditorAuthOptions> options) : EditorPageModel(store, text)
{
    public const string NoRole = "none";

    [BindProperty]
    public string Name { get; set; } = "Testi Toimittaja";

    [BindProperty]
    public string Role { get; set; } = EditorRoles.Editor;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public override string Title => T["LocalSignInTitle"];

    public override string AlternateLanguageUrl => EditorUrls.SignIn(Language.Other());

    /// <summary>The fields are bound on the page itself, so their names are their ids.</summary>
    protected override string ElementId(string field) => field;

    public IActionResult OnGet() => options.Value.LocalSignIn ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!options.Value.LocalSignIn)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            AddProblem(nameof(Name), "Error_Required");
            return Page();
        }

        string[] roles = Role switch
        {
            EditorRoles.Admin => [EditorRoles.Admin],
            EditorRoles.Editor => [EditorRoles.Editor],
            _ => [],
        };
        await HttpContext.SignInAsync(EditorAuthentication.LocalScheme, EditorAuthentication.LocalPrincipal(Name.Trim(), roles));
        return Redirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : EditorUrls.Home(Language));
    }
}
