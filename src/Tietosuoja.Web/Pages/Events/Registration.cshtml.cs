using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Events;

/// <summary>
/// The registrant's private page, reached only by the secret link: the registration's status,
/// the meeting link while the person has a seat, and cancelling until the event starts. Request
/// logging leaves the token out (<see cref="EventUrls.WithoutToken"/>).
/// </summary>
public sealed class RegistrationModel(ContentStore store, IStringLocalizer<SharedResource> text, EventRegistrations registrations, TimeProvider clock, PublicSite site)
    : FormPageModel(store, text)
{
    public string Token { get; private set; } = string.Empty;

    public RegistrationView? View { get; private set; }

    public bool JustSent { get; private set; }

    public bool JustCancelled { get; private set; }

    [BindProperty]
    public bool ConfirmCancel { get; set; }

    public bool CanCancel => View?.CanCancelAt(clock.GetUtcNow().UtcDateTime) == true;

    public string PrivateLink => site.Absolute(EventUrls.Registration(Language, Token)).AbsoluteUri;

    public override string Title => View is null ? T["RegistrationNotFoundTitle"] : JustSent ? T["RegistrationThanksTitle"] : T["RegistrationTitle"];

    public override string AlternateLanguageUrl =>
        EventUrls.Registration(Language.Other(), Token) + (JustSent ? "?sent=true" : JustCancelled ? "?cancelled=true" : string.Empty);

    public override bool CanShowFormAgain => View is not null;

    public async Task<IActionResult> OnGetAsync(string token, bool sent, bool cancelled, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (View is null)
        {
            return NotFoundPage();
        }

        JustSent = sent;
        JustCancelled = cancelled && View.Registration.Status == RegistrationStatus.Cancelled;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (View is null)
        {
            return NotFoundPage();
        }

        if (!ConfirmCancel)
        {
            AddProblem(nameof(ConfirmCancel), "Error_ConfirmCancelRegistration");
            return Page();
        }

        switch (await registrations.CancelAsync(token, cancellationToken))
        {
            case CancelOutcome.Cancelled:
            case CancelOutcome.AlreadyCancelled:
                return Redirect(EventUrls.Registration(Language, token) + "?cancelled=true");
            case CancelOutcome.TooLate:
                AddProblem(null, "Refusal_CancelTooLate");
                return Page();
            default:
                return NotFoundPage();
        }
    }

    protected override string ElementId(string field) => field == nameof(ConfirmCancel) ? field : base.ElementId(field);

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        View = await registrations.FindAsync(token, cancellationToken);
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
