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
