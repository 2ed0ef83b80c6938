using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Subscriptions;

/// <summary>
/// The confirmation link. Opening it shows what was asked for and a button; only the button's POST
/// confirms, so a mail scanner that opens links cannot subscribe anyone. A wrong, used or expired
/// link gets a page that says which, in the page's language.
/// </summary>
public sealed class ConfirmModel(ContentStore store, IStringLocalizer<SharedResource> text, SubscriptionService subscriptions) : PortalPageModel(store, text)
{
    public string Token { get; private set; } = string.Empty;

    public ConfirmOutcome Outcome { get; private set; }

    /// <summary>True after the button: the outcome is what the POST did, not what the link stands for.</summary>
    public bool Done { get; private set; }

    public Subscription? Subscription { get; private set; }

    public string Description => Subscription is null ? string.Empty : subscriptions.Describe(Subscription, Language);

    public override string PageTitle => (Outcome, Done) switch
    {
        (ConfirmOutcome.Confirmed, false) => T["Confirm_Title"],
        (ConfirmOutcome.Confirmed, true) => T["Confirmed_Title"],
        (ConfirmOutcome.AlreadyConfirmed, _) => T["AlreadyConfirmed_Title"],
        (ConfirmOutcome.Expired, _) => T["ConfirmExpired_Title"],
        _ => T["TokenUnknown_Title"],
    };

    public override string AlternateLanguageUrl => SubscriptionUrls.Confirm(Language.Other(), Token);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        (Outcome, Subscription) = await subscriptions.FindAsync(token, cancellationToken);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        Outcome = await subscriptions.ConfirmAsync(token, cancellationToken);
        Done = true;
        return Answer();
    }

    private PageResult Answer()
    {
        Response.StatusCode = Outcome switch
        {
            ConfirmOutcome.Unknown => StatusCodes.Status404NotFound,
            ConfirmOutcome.Expired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
