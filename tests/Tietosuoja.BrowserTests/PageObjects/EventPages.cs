using Microsoft.Playwright;

namespace Tietosuoja.BrowserTests.PageObjects;

/// <summary>The editor's event pages: the event form and the registrants page with its selection.</summary>
public sealed class EventEditorPages(IPage page) : PortalPage(page)
{
    public ILocator ErrorSummary => Page.Locator(".error-summary");

    public ILocator Confirmation => Page.Locator(".confirmation");

    public ILocator SelectionTable => Page.Locator("#selection-form table");

    public ILocator WaitingList => Page.Locator("section[aria-labelledby=waiting-title] table");

    /// <summary>The choice (Seat, WaitingList, NotSelected) set for a registrant in the selection table, found by name.</summary>
    public ILocator ChoiceFor(string name) => Page.GetByLabel($"Valinta: {name}", new() { Exact = true });

    public async Task FillEventAsync(string titleFi, string descriptionFi, string meetingLink)
    {
        await Page.GetByLabel("Otsikko suomeksi").FillAsync(titleFi);
        await Page.GetByLabel("Kuvaus suomeksi").FillAsync(descriptionFi);
        await Page.GetByLabel("Kokouslinkki").FillAsync(meetingLink);
    }
}

/// <summary>The public registration form, filled by label (or by keyboard alone), and the private page it leads to.</summary>
public sealed class RegistrationFormPage(IPage page) : PortalPage(page)
{
    public ILocator ErrorSummary => Page.Locator(".error-summary");

    public ILocator Name => Page.GetByLabel("Nimi (pakollinen)", new() { Exact = true });

    public ILocator Email => Page.GetByLabel("Sähköpostiosoite (pakollinen)", new() { Exact = true });

    public ILocator Role => Page.GetByLabel("Tehtäväsi (pakollinen)", new() { Exact = true });

    public ILocator OrganisationName => Page.GetByLabel("Organisaation nimi (pakollinen)", new() { Exact = true });

    public ILocator OrganisationType => Page.GetByLabel("Organisaation tyyppi (pakollinen)", new() { Exact = true });

    public ILocator Consent => Page.Locator("#Input_Consent");

    public async Task SendAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lähetä ilmoittautuminen" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    /// <summary>The private link shown on the page a registration leads to.</summary>
    public Task<string> PrivateLinkAsync() => Page.Locator("#private-link-url").InnerTextAsync();

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>, as someone without a mouse would; fails if it is never reached.</summary>
    public async Task TabToAsync(string selector, int maximumPresses = 40)
    {
        for (var i = 0; i < maximumPresses; i++)
        {
            if (await Page.EvaluateAsync<bool>("selector => document.activeElement?.matches(selector) ?? false", selector))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached {selector}");
    }
}
