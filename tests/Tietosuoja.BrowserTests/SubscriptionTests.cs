using Microsoft.Playwright;
using MimeKit;
using Tietosuoja.BrowserTests.PageObjects;

namespace Tietosuoja.BrowserTests;

/// <summary>Subscribing, confirming from the mail and unsubscribing, by keyboard alone, with axe-core on every step.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SubscriptionTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/tilaa", "tilaaja.fi@example.org", "Vahvista tilaus", "Tilaus on vahvistettu", "Lopeta viestit", "Viestit on lopetettu")]
    [InlineData("/sv/prenumerera", "tilaaja.sv@example.org", "Bekräfta prenumerationen", "Prenumerationen är bekräftad", "Avsluta meddelandena", "Meddelandena har avslutats")]
    public async Task Subscribe_confirm_from_the_mail_and_unsubscribe_by_keyboard_with_no_wcag_21_aa_violations(
        string path, string address, string confirmButton, string confirmedHeading, string unsubscribeButton, string unsubscribedHeading)
    {
        var page = await browser.NewPageAsync();
        var portal = new PortalPage(page);
        await page.GotoAsync(path);
        Assert.Empty(await portal.AccessibilityViolationsAsync());

        await TabToAsync(page, "#Input_Email");
        await page.Keyboard.TypeAsync(address);
        await TabToAsync(page, "form.subscribe-form button[type=submit]");
        var formUrl = page.Url;
        await page.Keyboard.PressAsync("Enter");
        // The form page is already loaded: wait for the next page, or the check races the navigation.
        await page.WaitForFunctionAsync("url => location.href !== url", formUrl);
        await page.WaitForLoadStateAsync();
        Assert.True(await page.Locator("h1").EvaluateAsync<bool>("element => element === document.activeElement"));
        Assert.Empty(await portal.AccessibilityViolationsAsync());

        var confirmation = await MailToAsync(address);
        await page.GotoAsync(LinkIn(confirmation, "/bekrafta/", "/vahvista/"));
        Assert.Empty(await portal.AccessibilityViolationsAsync());
        await TabToAsync(page, "main form button");
        Assert.Equal(confirmButton, (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("h1", new() { HasTextString = confirmedHeading }).WaitForAsync();
        Assert.Equal(confirmedHeading, (await portal.HeadingAsync()).Trim());
        Assert.Empty(await portal.AccessibilityViolationsAsync());

        await page.GotoAsync(confirmation.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Empty(await portal.AccessibilityViolationsAsync());
        await TabToAsync(page, "main form button");
        Assert.Equal(unsubscribeButton, (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("h1", new() { HasTextString = unsubscribedHeading }).WaitForAsync();
        Assert.Equal(unsubscribedHeading, (await portal.HeadingAsync()).Trim());
        Assert.Empty(await portal.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task The_subscription_form_with_errors_has_no_wcag_21_aa_violations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/tilaa");
        await page.GetByLabel("Sähköpostiosoite").FillAsync("ei-osoite");
        await page.Locator("form.subscribe-form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();

        Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
        Assert.Empty(await new PortalPage(page).AccessibilityViolationsAsync());
    }

    /// <summary>Presses Tab until the element has the focus, as someone without a mouse would.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.Locator(selector).First.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}");
    }

    private async Task<MimeMessage> MailToAsync(string address)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Directory.Exists(browser.MailFolder))
            {
                foreach (var file in Directory.EnumerateFiles(browser.MailFolder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == address))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"No mail to {address} in {browser.MailFolder}");
    }

    private static string LinkIn(MimeMessage message, params string[] parts)
    {
        var text = message.TextBody ?? string.Empty;
        return text.Split('\n').Select(line => line.Trim()).First(line => line.StartsWith("http", StringComparison.Ordinal) && parts.Any(p => line.Contains(p, StringComparison.Ordinal)));
    }
}
