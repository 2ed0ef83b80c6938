using System.Net;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>
/// A Swedish-speaking stakeholder comments on a draft that exists only in Finnish (chapter 2
/// version 1.2), from the round page to withdrawing the comment, and never leaves Swedish.
/// </summary>
public sealed class SwedishCommentingTests : IAsyncLifetime
{
    private const string SwedishDraftForm = "/sv/kapitel/rattslig-grund/version/1.2/kommentera";

    private readonly CommentingPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_swedish_journey_from_the_round_to_withdrawing_stays_in_swedish()
    {
        var client = _portal.NewClient();

        // The round page offers the Finnish-only draft under a Swedish address.
        var round = await client.GetPageAsync($"/sv/kommentarsrundor/{_portal.RoundId}");
        Assert.Equal("sv", round.Language);
        var commentLinks = round.Document.QuerySelectorAll(".round-targets a.button").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(SwedishDraftForm, commentLinks);
        Assert.All(commentLinks, href => Assert.StartsWith("/sv/", href, StringComparison.Ordinal));

        // The form: Swedish UI, the Finnish text marked as Finnish, and a note that Swedish comments are welcome.
        var form = await client.GetPageAsync(SwedishDraftForm + "/suostumus");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("sv", form.Language);
        Assert.Equal("Kommentera: Käsittelyn oikeusperusteet, version 1.2", form.H1);
        Assert.Contains("Det här utkastet finns ännu bara på finska. Du får gärna kommentera det på svenska.", form.Document.QuerySelector(".notice--language")!.TextContent, StringComparison.Ordinal);
        var commented = form.Document.QuerySelector("details.commented-text")!;
        Assert.Contains("Avsnittet du kommenterar:", commented.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("fi", commented.QuerySelector(".commented-text__body")!.GetAttribute("lang"));
        Assert.Contains("suostumu", commented.QuerySelector(".commented-text__body")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Kommentar (obligatoriskt)", form.Document.QuerySelector("label[for=Input_Text]")!.TextContent.Trim());
        Assert.Equal("fi", form.Document.QuerySelector("#Input_Section option[value=suostumus]")!.GetAttribute("lang"));
        Assert.Equal(SwedishDraftForm, form.Document.QuerySelector("form.comment-form")!.GetAttribute("action"));
        Assert.Equal("/luku/kasittelyn-oikeusperusteet/versio/1.2/kommentoi/suostumus", form.LanguageSwitchHref);

        // An error, in Swedish, with everything typed kept.
        var fields = CommentingPortal.ValidFields("En kommentar på svenska om samtycke.");
        fields["Input.Section"] = "suostumus";
        var error = await HtmlClient.ParseAsync(await _portal.SubmitAsync(client, new Dictionary<string, string>(fields) { ["Input.Text"] = " " }, SwedishDraftForm + "/suostumus"));
        Assert.Equal("sv", error.Language);
        Assert.StartsWith("Fel:", error.Document.Title, StringComparison.Ordinal);
        Assert.Contains("Skriv en kommentar.", error.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Esimerkkilän kaupunki", error.Document.QuerySelector("#Input_OrganisationName")!.GetAttribute("value"));

        // Sent: the Swedish confirmation on the Swedish private link; the comment is on the Finnish text.
        var sent = await _portal.SubmitAsync(client, fields, SwedishDraftForm + "/suostumus");
        var token = CommentingPortal.TokenFrom(sent);
        Assert.Equal($"/sv/kommentar/{token}?sent=true", sent.Headers.Location!.OriginalString);
        var stored = Assert.Single(await _portal.CommentsAsync());
        Assert.Equal(("oikeusperusteet", Language.Fi, "suostumus"), (stored.ChapterId, stored.Language, stored.SectionAnchor));

        var confirmation = await client.GetPageAsync(sent.Headers.Location.OriginalString);
        Assert.Equal("sv", confirmation.Language);
        Assert.StartsWith("Tack för din kommentar!", confirmation.Document.Title, StringComparison.Ordinal);
        Assert.Equal("Tack för din kommentar!", confirmation.H1);
        Assert.Equal($"/kommentti/{token}?sent=true", confirmation.LanguageSwitchHref);
        Assert.EndsWith($"/sv/kommentar/{token}", confirmation.Href(".private-link__url a"), StringComparison.Ordinal);
        Assert.Contains("Vi har också skickat länken till e-postadressen maija.meikalainen@example.org.", confirmation.Text, StringComparison.Ordinal);

        // Edit, then withdraw: first without the confirmation tick, then with it.
        var edited = await client.PostFormAsync(confirmation, "form[action$='handler=edit']", new Dictionary<string, string> { ["Input.Text"] = "En ändrad kommentar." });
        Assert.Equal($"/sv/kommentar/{token}?saved=true", edited.Headers.Location!.OriginalString);
        var saved = await client.GetPageAsync(edited.Headers.Location.OriginalString);
        Assert.Equal("sv", saved.Language);
        Assert.Contains("Ändringarna har sparats.", saved.Document.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("En ändrad kommentar.", saved.Document.QuerySelector("blockquote.comment-text")!.TextContent);

        var unconfirmed = await HtmlClient.ParseAsync(await client.PostFormAsync(saved, "form[action$='handler=withdraw']", new Dictionary<string, string>()));
        Assert.Equal("sv", unconfirmed.Language);
        Assert.Contains("Bekräfta återkallelsen genom att kryssa i rutan.", unconfirmed.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(unconfirmed.Document.QuerySelector("details.manage-action[open] form[action$='handler=withdraw']"));

        var withdrawn = await client.PostFormAsync(saved, "form[action$='handler=withdraw']", new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" });
        var after = await client.GetPageAsync(withdrawn.Headers.Location!.OriginalString);
        Assert.Equal("sv", after.Language);
        Assert.Contains("Du återkallade den här kommentaren", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_of_the_form_leads_to_the_same_form_in_the_other_language()
    {
        var client = _portal.NewClient();

        var finnish = await client.GetPageAsync(CommentingPortal.FormUrl);
        Assert.Equal(SwedishDraftForm, finnish.LanguageSwitchHref);
        var swedish = await client.GetPageAsync(finnish.LanguageSwitchHref);
        Assert.Equal(HttpStatusCode.OK, swedish.Status);
        Assert.Equal(CommentingPortal.FormUrl, swedish.LanguageSwitchHref);
        // A version with both languages: the section of the Finnish text is not carried to the Swedish one, whose anchors differ.
        var both = await client.GetPageAsync("/luku/rekisterinpitaja/versio/1.1/kommentoi");
        Assert.Equal(CommentingPortal.SwedishFormUrl, both.LanguageSwitchHref);
    }

    [Fact]
    public async Task A_confirmation_without_an_email_address_does_not_claim_a_mail_was_sent()
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields();
        fields["Input.Email"] = string.Empty;

        var sent = await _portal.SubmitAsync(client, fields, SwedishDraftForm);
        var confirmation = await client.GetPageAsync(sent.Headers.Location!.OriginalString);

        Assert.Null(confirmation.Document.QuerySelector(".private-link__mail"));
        Assert.NotNull(confirmation.Document.QuerySelector("h1[data-focus-on-load]"));
        Assert.NotNull(confirmation.Document.QuerySelector("[role=status] h1"));
        // The copy button waits for the script; without it the link is plain text to select.
        Assert.NotNull(confirmation.Document.QuerySelector("[data-copy-row][hidden] button[data-copy=private-link-url]"));
        Assert.NotNull(confirmation.Document.QuerySelector("#private-link-url"));
    }
}
