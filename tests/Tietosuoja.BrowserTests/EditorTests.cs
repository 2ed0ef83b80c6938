using Microsoft.Playwright;
using Tietosuoja.BrowserTests.PageObjects;

namespace Tietosuoja.BrowserTests;

/// <summary>
/// An editor at work: publishes a new version and answers a comment, the reader and the commenter
/// see the results. These tests have their own server (they change content), next to the shared one.
/// </summary>
public sealed class EditorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DraftVersion = "/luku/kasittelyn-oikeusperusteet/versio/1.2";

    [Fact]
    public async Task An_editor_signs_in_previews_and_publishes_a_new_version_and_readers_see_it_on_the_chapter_page()
    {
        var page = await browser.NewPageAsync();
        var editor = new EditorPages(page);
        await page.GotoAsync("/toimitus");
        await editor.ScreenshotAsync("01-kirjautuminen");
        await editor.SignInAsync("Liisa Lakimies");
        await editor.ScreenshotAsync("02-toimituksen-etusivu");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Uusi versio\W+3\.") }).ClickAsync();
        Assert.Contains("## ", await editor.Markdown.InputValueAsync(), StringComparison.Ordinal);
        await editor.Markdown.PressAsync("Control+End");
        await editor.Markdown.PressSequentiallyAsync("\n\n## Esimerkki tietopyynnön käsittelystä kunnassa\n\nKunta vastaa rekisteröidyn tietopyyntöön kuukauden kuluessa.\n");
        await page.GetByLabel("Mitä muuttui").FillAsync("Lisätty esimerkki tietopyynnön käsittelystä kunnassa.");
        await editor.ScreenshotAsync("03-uusi-versio");

        await editor.ClickAsync("Esikatsele ja tarkista");
        Assert.Contains("Esimerkki tietopyynnön käsittelystä kunnassa", await editor.Preview.InnerTextAsync(), StringComparison.Ordinal);
        var addedInComparison = page.Locator(".draft-workspace__result .comparison .change--added", new() { HasText = "Esimerkki tietopyynnön käsittelystä kunnassa" });
        Assert.Equal(1, await addedInComparison.CountAsync());
        // The text on the left, and the result pane scrolled on its own to the highlighted addition on the right.
        await editor.Markdown.EvaluateAsync("text => text.scrollIntoView()");
        await addedInComparison.EvaluateAsync("""
            block => {
                const pane = block.closest('.draft-workspace__result');
                pane.scrollTop += block.getBoundingClientRect().top - pane.getBoundingClientRect().top - 120;
            }
            """);
        await editor.ScreenshotAsync("04-esikatselu");

        await editor.ClickAsync("Julkaise");
        Assert.Contains("Julkaistaanko luku 3", await page.Locator(".confirmation").InnerTextAsync(), StringComparison.Ordinal);
        await editor.ClickAsync("Kyllä, julkaise");
        Assert.Contains("versio 1.2 on julkaistu", await editor.Notice.InnerTextAsync(), StringComparison.Ordinal);
        await editor.ScreenshotAsync("05-julkaistu");

        await page.GotoAsync("/luku/rekisteroidyn-oikeudet");
        Assert.Equal("1.2", await new ChapterPage(page).VersionAsync());
        Assert.True(await page.Locator("h2#esimerkki-tietopyynnon-kasittelysta-kunnassa").IsVisibleAsync());

        // The Swedish text is at 1.1, so translating 1.2 highlights exactly what this editor just added.
        await page.GotoAsync("/toimitus");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Käännä ruotsiksi\W+3\.") }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var added = page.Locator(".translation__source .change--added", new() { HasText = "Esimerkki tietopyynnön käsittelystä kunnassa" });
        Assert.Equal(1, await added.CountAsync());
        Assert.True(await page.Locator(".translation__terms tbody tr").CountAsync() > 0);
        Assert.Contains("## ", await page.GetByLabel("Ruotsinkielinen teksti", new() { Exact = true }).InputValueAsync(), StringComparison.Ordinal);
        // The Finnish source scrolls in its own box: its end shows the addition, and the term pairs follow the box.
        await added.ScrollIntoViewIfNeededAsync();
        await page.Locator(".translation__terms").EvaluateAsync("table => table.scrollIntoView({ block: 'end' })");
        await editor.ScreenshotAsync("11-kaannos");
    }

    [Fact]
    public async Task A_draft_submitted_by_one_editor_is_approved_by_another_after_a_confirmation_without_violations()
    {
        var page = await browser.NewPageAsync();
        var author = new EditorPages(page);
        await author.SignInAsync("Liisa Lakimies");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Uusi versio\W+1\.") }).ClickAsync();
        await author.Markdown.PressAsync("Control+End");
        await author.Markdown.PressSequentiallyAsync("\n\n## Rekisterinpitäjän vastuu kunnassa\n\nKunnanhallitus vastaa rekisterinpidosta.\n");
        await page.GetByLabel("Mitä muuttui").FillAsync("Lisätty rekisterinpitäjän vastuu.");
        await author.ClickAsync("Lähetä tarkastettavaksi");
        Assert.Contains("lähetetty tarkastettavaksi", await author.Notice.InnerTextAsync(), StringComparison.Ordinal);

        var reviewerPage = await browser.NewPageAsync();
        var reviewer = new EditorPages(reviewerPage);
        await reviewer.SignInAsync("Outi Oikeusyksikkö");
        await reviewer.FollowAsync("Tarkastusjono");
        await reviewer.ScreenshotAsync("09-tarkastusjono");
        Assert.Empty(await reviewer.AccessibilityViolationsAsync());
        await reviewerPage.Locator("#waiting-title ~ ul a").First.ClickAsync();
        await reviewerPage.WaitForLoadStateAsync();
        Assert.Contains("Rekisterinpitäjän vastuu kunnassa", await reviewerPage.Locator(".comparison").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await reviewer.AccessibilityViolationsAsync());

        await reviewer.ClickAsync("Hyväksy…");
        var confirmation = reviewerPage.Locator(".confirmation");
        Assert.Contains("versio 1.2, tila: Julkaistu", await confirmation.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await confirmation.EvaluateAsync<bool>("box => box === document.activeElement"));
        await reviewer.ScreenshotAsync("10-vahvistus");
        Assert.Empty(await reviewer.AccessibilityViolationsAsync());
        await reviewer.ClickAsync("Kyllä, hyväksy ja julkaise");
        Assert.Contains("on julkaistu", await reviewer.Notice.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_answers_a_comment_and_the_commenters_private_link_shows_the_answer()
    {
        var commenter = await browser.NewPageAsync();
        await commenter.GotoAsync(DraftVersion + "/kommentoi/suostumus");
        var form = new CommentFormPage(commenter);
        await form.FillAsync("Suostumuksen pyytämisestä tarvitaan malliteksti.", "Kunta", "Esimerkkilän kaupunki");
        var privateLink = await (await form.SendAsync()).PrivateLinkAsync();

        var page = await browser.NewPageAsync();
        var editor = new EditorPages(page);
        await editor.SignInAsync("Kaisa Käsittelijä");
        await editor.FollowAsync("Kommentointikierrokset");
        await editor.FollowAsync("Luvun 2 kommentointikierros");
        await editor.ScreenshotAsync("06-kierros");
        await editor.FollowAsync("Käsittele kommentteja");
        // By value: the label carries a count, which comments from other tests in this class change.
        await page.GetByLabel("Käsittelyn tila", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "Received" });
        await editor.ClickAsync("Näytä");
        await editor.ScreenshotAsync("07-kommentit");
        await page.Locator("table.comment-table tbody tr", new() { HasText = "malliteksti" }).GetByRole(AriaRole.Link).ClickAsync();

        Assert.Contains("Suostumus", await page.Locator(".section-context").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Käsittelyn tila", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hyväksytty" });
        await page.GetByLabel("Vastaus kommentoijalle").FillAsync("Kiitos. Lisäämme mallitekstin seuraavaan versioon.");
        await editor.ScreenshotAsync("08-vastaus");
        await editor.ClickAsync("Tallenna käsittely");
        Assert.Contains("Käsittely tallennettu.", await editor.Notice.InnerTextAsync(), StringComparison.Ordinal);

        await commenter.GotoAsync(privateLink);
        var body = await commenter.Locator("main").InnerTextAsync();
        Assert.Contains("Kiitos. Lisäämme mallitekstin seuraavaan versioon.", body, StringComparison.Ordinal);
        Assert.Contains("Hyväksytty", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/toimitus")]
    [InlineData("/toimitus/kierrokset")]
    [InlineData("/toimitus/kierrokset/uusi")]
    [InlineData("/toimitus/kierrokset/{round}")]
    [InlineData("/toimitus/kierrokset/{round}/kommentit")]
    [InlineData("/toimitus/luonnokset/uusi?chapter=oikeusperusteet&language=fi")]
    [InlineData("/toimitus/luonnokset/uusi?newChapter=true")]
    [InlineData("/toimitus/kierrokset/{round}/kommentit?q=kommentti&sort=Newest")]
    [InlineData("/sv/redaktion/rundor/{round}/kommentarer?mine=true&sort=Status")]
    [InlineData("/toimitus/tapahtumaloki")]
    [InlineData("/toimitus/tarkastus")]
    [InlineData("/sv/redaktion")]
    [InlineData("/toimitus/kaannos?chapter=oikeusperusteet&version=1.2")]
    [InlineData("/sv/redaktion/oversattning?chapter=oikeusperusteet&version=1.2")]
    [InlineData("preview")]
    [InlineData("confirm")]
    [InlineData("errors")]
    [InlineData("comment")]
    [InlineData("comment-assigned-with-note")]
    [InlineData("sign-in")]
    public async Task Editor_pages_have_no_wcag_21_aa_violations(string state)
    {
        var page = await browser.NewPageAsync();
        var editor = new EditorPages(page);
        if (state == "sign-in")
        {
            await page.GotoAsync("/toimitus/kirjaudu");
            Assert.Empty(await editor.AccessibilityViolationsAsync());
            return;
        }

        await editor.SignInAsync("Aino Ylläpitäjä", "Ylläpitäjä (Admin)");
        switch (state)
        {
            case "preview":
                await page.GotoAsync("/toimitus/luonnokset/uusi?chapter=oikeusperusteet&language=fi");
                await page.GetByLabel("Mitä muuttui").FillAsync("Tarkistus.");
                await editor.ClickAsync("Esikatsele ja tarkista");
                Assert.True(await editor.Preview.IsVisibleAsync());
                break;
            case "confirm":
                await page.GotoAsync("/toimitus/luonnokset/uusi?chapter=oikeusperusteet&language=fi");
                await page.GetByLabel("Mitä muuttui").FillAsync("Tarkistus.");
                await editor.ClickAsync("Julkaise");
                Assert.True(await page.Locator(".confirmation").IsVisibleAsync());
                Assert.True(await page.Locator(".comparison").IsVisibleAsync());
                break;
            case "errors":
                await page.GotoAsync("/toimitus/kierrokset/uusi");
                await editor.ClickAsync("Tallenna kierros");
                Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
                break;
            case "comment" or "comment-assigned-with-note":
                var commenter = await browser.NewPageAsync();
                await commenter.GotoAsync(DraftVersion + "/kommentoi/suostumus");
                var form = new CommentFormPage(commenter);
                await form.FillAsync("Kommentti saavutettavuustarkistusta varten.", "Kunta");
                await form.SendAsync();
                await page.GotoAsync($"/toimitus/kierrokset/{browser.RoundId}/kommentit");
                await page.Locator("table.comment-table tbody tr", new() { HasText = "saavutettavuustarkistusta" }).First.GetByRole(AriaRole.Link).ClickAsync();
                await page.WaitForLoadStateAsync();
                if (state == "comment-assigned-with-note")
                {
                    await editor.ClickAsync("Ota käsiteltäväkseni");
                    await page.GetByLabel("Uusi muistiinpano").FillAsync("Tarkistetaan lähteet.");
                    await editor.ClickAsync("Lisää muistiinpano");
                    Assert.Contains("Tarkistetaan lähteet.", await page.Locator(".comment-notes").InnerTextAsync(), StringComparison.Ordinal);
                }

                break;
            default:
                await page.GotoAsync(state.Replace("{round}", browser.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
                break;
        }

        Assert.Empty(await editor.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task A_signed_in_person_without_a_role_gets_the_403_page_without_violations()
    {
        var page = await browser.NewPageAsync();
        var editor = new EditorPages(page);
        await page.GotoAsync("/toimitus/kirjaudu");
        await page.GetByLabel("Ei roolia").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu", Exact = true }).ClickAsync();
        var response = await page.GotoAsync("/toimitus");
        Assert.Equal(403, response!.Status);
        Assert.Equal("Ei käyttöoikeutta", await editor.HeadingAsync());
        Assert.Empty(await editor.AccessibilityViolationsAsync());
    }
}
