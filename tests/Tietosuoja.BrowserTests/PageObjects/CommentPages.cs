using Microsoft.Playwright;

namespace Tietosuoja.BrowserTests.PageObjects;

/// <summary>The comment form, filled in the way a person would: by label.</summary>
public sealed class CommentFormPage(IPage page) : PortalPage(page)
{
    public ILocator Text => Page.GetByLabel("Kommentti (pakollinen)");

    public ILocator Section => Page.GetByLabel("Mitä kohtaa kommenttisi koskee?");

    public ILocator ErrorSummary => Page.Locator(".error-summary");

    public async Task FillAsync(string text, string organisationType, string? organisationName = null)
    {
        await Text.FillAsync(text);
        await Page.GetByLabel("Organisaation tyyppi (pakollinen)").SelectOptionAsync(new SelectOptionValue { Label = organisationType });
        if (organisationName is not null)
        {
            await Page.GetByLabel("Organisaation nimi (vapaaehtoinen)").FillAsync(organisationName);
        }
    }

    public async Task<CommentPrivatePage> SendAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lähetä kommentti" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        return new CommentPrivatePage(Page);
    }
}

/// <summary>The commenter's private page behind the secret link.</summary>
public sealed class CommentPrivatePage(IPage page) : PortalPage(page)
{
    public ILocator Confirmation => Page.Locator(".notice--success");

    public ILocator CommentText => Page.Locator("blockquote.comment-text");

    public Task<string> PrivateLinkAsync() => Page.Locator(".private-link__url a").InnerTextAsync();

    public async Task EditAsync(string newText)
    {
        // The edit form is one step away, behind its summary.
        await Page.Locator("summary", new() { HasText = "Muokkaa kommenttia" }).ClickAsync();
        await Page.GetByLabel("Kommentti (pakollinen)").FillAsync(newText);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tallenna muutokset" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
    }
}
