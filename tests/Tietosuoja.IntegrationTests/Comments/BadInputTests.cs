using System.Net;
using Tietosuoja.IntegrationTests.Editor;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>
/// What cannot be shown, and requests the framework cannot read: refused with a message in the
/// reader's language, the form back with everything that can be kept, nothing stored.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly CommentingPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData(CommentingPortal.FormUrl, "fi", "Tekstissä oli merkkejä, joita ei voi näyttää")]
    [InlineData(CommentingPortal.SwedishFormUrl, "sv", "Texten innehöll tecken som inte kan visas")]
    public async Task A_nul_byte_gets_400_with_the_form_back_without_it_and_everything_else_kept(string formUrl, string language, string message)
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields("Hyvä\0 kommentti.");

        var page = await HtmlClient.ParseAsync(await _portal.SubmitAsync(client, fields, formUrl));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(language, page.Language);
        Assert.Equal("#Input_Text", page.Href(".error-summary a"));
        Assert.Contains(message, page.Document.QuerySelector("#Input_Text-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hyvä kommentti.", page.Document.QuerySelector("#Input_Text")!.TextContent);
        Assert.Equal("Esimerkkilän kaupunki", page.Document.QuerySelector("#Input_OrganisationName")!.GetAttribute("value"));
        Assert.Equal("maija.meikalainen@example.org", page.Document.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Empty(await _portal.CommentsAsync());

        // The form as it came back is ready to send again.
        _portal.Advance(TimeSpan.FromSeconds(30));
        var sent = await client.PostFormAsync(page, "form.comment-form", new Dictionary<string, string>());
        CommentingPortal.TokenFrom(sent);
        Assert.Equal("Hyvä kommentti.", Assert.Single(await _portal.CommentsAsync()).Text);
    }

    [Fact]
    public async Task A_five_megabyte_field_gets_400_saying_so_with_the_other_fields_kept()
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields(new string('a', 5 * 1024 * 1024));

        var page = await HtmlClient.ParseAsync(await _portal.SubmitAsync(client, fields));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith("Virhe:", page.Document.Title, StringComparison.Ordinal);
        var summary = page.Document.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Kenttään lähetetty teksti oli niin suuri, ettei sitä voitu käsitellä, joten kenttä on nyt tyhjä. Muut tiedot ovat tallessa."], summary);
        Assert.Equal(string.Empty, page.Document.QuerySelector("#Input_Text")!.TextContent);
        Assert.Equal("Maija Meikäläinen", page.Document.QuerySelector("#Input_AuthorName")!.GetAttribute("value"));
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task A_form_the_framework_cannot_read_without_a_valid_token_gets_the_400_page_not_a_404()
    {
        var client = _portal.NewClient();

        var response = await client.PostAsync(new Uri(CommentingPortal.FormUrl, UriKind.Relative), new StringContent("Input.Text=a%00b", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Pyyntöä ei voitu käsitellä", page.H1);
    }

    [Theory]
    [InlineData("Word\u000Bista liitetty rivi", "Wordista liitetty rivi")]
    [InlineData("Yksikköerotin\u001F ja DEL\u007F", "Yksikköerotin ja DEL")]
    [InlineData("Ei-merkki\uFFFF", "Ei-merkki")]
    public async Task Control_characters_in_a_comment_are_refused_and_the_text_comes_back_without_them(string text, string shown)
    {
        var client = _portal.NewClient();

        var page = await HtmlClient.ParseAsync(await _portal.SubmitAsync(client, CommentingPortal.ValidFields(text)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tekstissä oli merkkejä, joita ei voi näyttää", page.Document.QuerySelector("#Input_Text-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(shown, page.Document.QuerySelector("#Input_Text")!.TextContent);
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\u00A0 \u3000\u2028\uFEFF")]
    [InlineData("\u2060\u3164")]
    public async Task A_comment_of_invisible_characters_counts_as_empty(string text)
    {
        var client = _portal.NewClient();

        var page = await HtmlClient.ParseAsync(await _portal.SubmitAsync(client, CommentingPortal.ValidFields(text)));

        Assert.Contains(("#Input_Text", "Kirjoita kommentti."), page.Document.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)));
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task An_invisible_organisation_name_is_stored_as_none()
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields();
        fields["Input.OrganisationName"] = "\u200B\u00A0";
        fields["Input.AuthorName"] = "\uFEFF Maija \u200B";

        CommentingPortal.TokenFrom(await _portal.SubmitAsync(client, fields));

        var comment = Assert.Single(await _portal.CommentsAsync());
        Assert.Null(comment.OrganisationName);
        Assert.Equal("Maija", comment.AuthorName);
    }
}

/// <summary>The editor's forms follow the same text rules.</summary>
public sealed class EditorBadInputTests : IAsyncLifetime
{
    private readonly EditorPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_round_title_with_a_control_character_or_only_invisible_spaces_is_refused_in_the_editors_language()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync(EditorUrls.NewRound(Language.Sv));
        var fields = new Dictionary<string, string>
        {
            ["Input.TitleFi"] = "Luvun 3\u000B kommentointi",
            ["Input.TitleSv"] = "\u200B\u3000",
            ["Input.DescriptionFi"] = "Kommentoi lukua 3.",
            ["Input.DescriptionSv"] = "Kommentera kapitel 3.",
            ["Input.OpensAt"] = "2026-12-01T09:00",
            ["Input.ClosesAt"] = "2026-12-15T16:00",
            ["Input.Versions"] = "rekisteroidyn-oikeudet@1.1",
        };

        var page = await HtmlClient.ParseAsync(await editor.PostFormAsync(form, "form.editor-form", fields));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var links = page.Document.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#Input_TitleFi", "Texten innehöll tecken som inte kan visas (till exempel styrtecken som kopierats från Word). Vi har tagit bort dem: kontrollera texten och skicka formuläret igen."), links);
        Assert.Contains(("#Input_TitleSv", "Fyll i det här fältet."), links);
        Assert.Equal("Luvun 3 kommentointi", page.Document.QuerySelector("#Input_TitleFi")!.GetAttribute("value"));
        var before = await _portal.WithDbAsync(db => Task.FromResult(db.Rounds.Count()));
        Assert.Equal(1, before);
    }

    [Fact]
    public async Task An_editors_response_with_a_control_character_is_refused_and_a_nul_gets_400()
    {
        await _portal.CommentAsync("Kommentti.");
        var id = Assert.Single(await _portal.CommentsAsync()).Id;
        var editor = await _portal.SignedInAsync("Editor");
        var page = await editor.GetPageAsync($"/toimitus/kommentit/{id}");

        var refused = await HtmlClient.ParseAsync(await editor.PostFormAsync(page, "form.editor-form", new Dictionary<string, string> { ["Input.Answer"] = "Kiitos\u001F." }));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("#Input_Answer", refused.Href(".error-summary a"));
        Assert.Equal("Kiitos.", refused.Document.QuerySelector("#Input_Answer")!.TextContent);

        var nul = await HtmlClient.ParseAsync(await editor.PostFormAsync(page, "form.editor-form", new Dictionary<string, string> { ["Input.Answer"] = "Kiitos\0." }));
        Assert.Equal(HttpStatusCode.BadRequest, nul.Status);
        Assert.Equal("#Input_Answer", nul.Href(".error-summary a"));
        Assert.Null(Assert.Single(await _portal.CommentsAsync()).Response);
    }
}
