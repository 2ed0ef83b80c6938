using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

/// <summary>Friendly status pages, in the language of the address the reader asked for.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public int Code { get; private set; }

    public bool IsNotFound => Code == StatusCodes.Status404NotFound;

    /// <summary>A signed-in person without an editor role on an editor page.</summary>
    public bool IsForbidden => Code == StatusCodes.Status403Forbidden;

    /// <summary>The database could not be used; reading pages still work.</summary>
    public bool IsUnavailable => Code == StatusCodes.Status503ServiceUnavailable;

    public override string PageTitle => IsNotFound ? T["NotFoundTitle"] : IsForbidden ? T["ForbiddenTitle"] : IsUnavailable ? T["UnavailableTitle"] : T["ErrorTitle"];

    public void OnGet(int code)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        // Reached directly rather than re-executed: answer with the status the page describes.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = Code;
        }
    }

    /// <summary>A refused form post (such as a failed antiforgery check) is re-executed here as a POST.</summary>
    public void OnPost(int code) => OnGet(code);
}
