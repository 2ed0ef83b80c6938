using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Subscriptions;

/// <summary>The subscription form: an address, what to hear about, which chapters. Sends the confirmation mail and says to check the inbox.</summary>
public sealed class SubscribeModel(ContentStore store, IStringLocalizer<SharedResource> text, SubscriptionService subscriptions, IOptions<SubscriptionOptions> options)
    : FormPageModel(store, text)
{
    [BindProperty]
    public SubscriptionInput Input { get; set; } = new() { PublishedVersions = true, OpenedRounds = true, FeedbackReports = true, Events = true };

    public int ConfirmationDays => options.Value.ConfirmationPeriod.Days;

    public override string Title => T["Subscribe_Title"];

    public override string AlternateLanguageUrl => SubscriptionUrls.Subscribe(Language.Other());

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!HasProblems)
        {
            AddProblems(await subscriptions.SubscribeAsync(Input, Language, cancellationToken));
        }

        return HasProblems ? Page() : Redirect(SubscriptionUrls.Sent(Language));
    }

    protected override string ElementId(string field) => field == nameof(SubscriptionInput.Chapters) ? "chapters-legend" : FieldId(field);
}
