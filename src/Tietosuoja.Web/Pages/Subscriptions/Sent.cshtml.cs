using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Subscriptions;

/// <summary>After the form: check your inbox. The same words whether or not the address was new, so the page tells nobody who subscribes.</summary>
public sealed class SentModel(ContentStore store, IStringLocalizer<SharedResource> text, IOptions<SubscriptionOptions> options) : PortalPageModel(store, text)
{
    public int ConfirmationDays => options.Value.ConfirmationPeriod.Days;

    public override string PageTitle => T["SubscribeSent_Title"];

    public override string AlternateLanguageUrl => SubscriptionUrls.Sent(Language.Other());

    public void OnGet()
    {
    }
}
