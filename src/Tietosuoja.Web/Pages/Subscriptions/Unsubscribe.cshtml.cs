using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Subscriptions;

/// <summary>
/// The unsubscribe link of every mail. GET shows a button (a link scanner must not unsubscribe
/// anyone); POST stops the mail at once, and is also the List-Unsubscribe-Post one-click target
/// (RFC 8058), which a mail program sends without a page or an antiforgery token: the link's own
/// protected token is what authorises it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(ContentStore store, IStringLocalizer<SharedResource> text, SubscriptionService subscriptions, UnsubscribeLinks links)
    : PortalPageModel(store, text)
{
    public string Token { get; private set; } = string.Empty;

    /// <summary>Null while the page only asks (GET with a valid link).</summary>
    public UnsubscribeOutcome? Outcome { get; private set; }

    public override string PageTitle => Outcome switch
    {
        null => T["Unsubscribe_Title"],
        UnsubscribeOutcome.Unsubscribed => T["Unsubscribed_Title"],
        UnsubscribeOutcome.NothingToStop => T["UnsubscribeNothing_Title"],
        _ => T["TokenUnknown_Title"],
    };

    public override string AlternateLanguageUrl => SubscriptionUrls.Unsubscribe(Language.Other(), Token);

    public IActionResult OnGet(string token)
    {
        Token = token;
        Outcome = links.Read(token) is null ? UnsubscribeOutcome.Unknown : null;
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        Outcome = await subscriptions.UnsubscribeAsync(token, cancellationToken);
        return Answer();
    }

    private PageResult Answer()
    {
        Response.StatusCode = Outcome == UnsubscribeOutcome.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return Page();
    }
}
