using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>Sending a comment: what is stored, what the commenter sees, and every rule that refuses.</summary>
public sealed class CommentSubmissionTests : IAsyncLifetime
{
    private readonly CommentingPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_valid_comment_on_a_section_is_stored_once_and_the_commenter_gets_a_private_link()
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields("Toivomme esimerkkiä suostumuksen dokumentoinnista.\nToinen rivi.");
        fields["Input.Section"] = "suostumus";

        var response = await _portal.SubmitAsync(client, fields);

        var token = CommentingPortal.TokenFrom(response);
        Assert.StartsWith("/kommentti/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var comment = Assert.Single(await _portal.CommentsAsync());
        Assert.Equal("Toivomme esimerkkiä suostumuksen dokumentoinnista.\nToinen rivi.", comment.Text);
        Assert.Equal("oikeusperusteet", comment.ChapterId);
        Assert.Equal("1.2", comment.Version.ToString());
        Assert.Equal("suostumus", comment.SectionAnchor);
        Assert.Equal("Suostumus", comment.SectionHeading);
        Assert.Equal(OrganisationType.Municipality, comment.OrganisationType);
        Assert.Equal("Maija Meikäläinen", comment.AuthorName);
        Assert.Equal("maija.meikalainen@example.org", comment.Email);
        Assert.True(comment.ConsentToPublish);
        Assert.Equal(HandlingStatus.Received, comment.Status);
        Assert.Equal(_portal.RoundId, comment.RoundId);
        // Only the hash of the token is stored.
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)), comment.TokenHash);

        var page = await client.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Kiitos kommentistasi!", page.Text, StringComparison.Ordinal);
        Assert.Contains($"/kommentti/{token}", page.Document.QuerySelector(".private-link__url a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Toinen rivi.", page.Document.QuerySelector("blockquote.comment-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vastaanotettu", page.Text, StringComparison.Ordinal);
        Assert.True(page.Response.Headers.CacheControl!.NoStore);
        Assert.Equal("no-referrer", Assert.Single(page.Response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Text_is_stored_exactly_as_typed_and_always_html_encoded_on_output()
    {
        var client = _portal.NewClient();
        const string text = "<script>alert('x')</script> & <b>lihavoitu</b> \"lainaus\"";

        var token = CommentingPortal.TokenFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields(text)));

        Assert.Equal(text, Assert.Single(await _portal.CommentsAsync()).Text);
        var html = await client.GetStringAsync(new Uri($"/kommentti/{token}", UriKind.Relative));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>lihavoitu</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_text_and_organisation_type_are_listed_in_an_error_summary_linked_to_the_fields_and_nothing_typed_is_lost()
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields(text: "   ");
        fields["Input.OrganisationType"] = string.Empty;
        fields["Input.Section"] = "suostumus";

        var response = await _portal.SubmitAsync(client, fields);
        var page = await FetchedFrom(response);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Virhe:", page.Document.Title, StringComparison.Ordinal);
        var links = page.Document.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#Input_Text", "Kirjoita kommentti."), links);
        Assert.Contains(("#Input_OrganisationType", "Valitse, kenen puolesta kommentoit."), links);
        Assert.NotNull(page.Document.QuerySelector("#Input_Text[aria-invalid=true]"));
        Assert.Equal("Esimerkkilän kaupunki", page.Document.QuerySelector("#Input_OrganisationName")!.GetAttribute("value"));
        Assert.Equal("maija.meikalainen@example.org", page.Document.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("suostumus", page.Document.QuerySelector("#Input_Section option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.Document.QuerySelector("#Input_ConsentToPublish[checked]"));
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task A_too_long_comment_is_refused_and_comes_back_whole()
    {
        var client = _portal.NewClient();
        var text = string.Concat(Enumerable.Repeat("Pitkä kommentti. ", 700));

        var page = await FetchedFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields(text)));

        Assert.Contains("Kommentti on liian pitkä", page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, page.Document.QuerySelector("#Input_Text")!.TextContent);
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Theory]
    [InlineData("Input.Email", "maija@", "#Input_Email", "Anna sähköpostiosoite")]
    [InlineData("Input.Section", "ei-tallaista-kohtaa", "#Input_Section", "Valitse kohta luettelosta")]
    [InlineData("Input.OrganisationType", "Hacker", "#Input_OrganisationType", "Valitse, kenen puolesta")]
    public async Task Invalid_fields_are_refused_with_a_message_next_to_the_field(string field, string value, string fieldId, string message)
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields();
        fields[field] = value;

        var page = await FetchedFrom(await _portal.SubmitAsync(client, fields));

        Assert.Equal(fieldId, page.Href(".error-summary a"));
        Assert.Contains(message, page.Document.QuerySelector($"{fieldId}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task A_private_person_cannot_give_an_organisation_name()
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields();
        fields["Input.OrganisationType"] = nameof(OrganisationType.PrivatePerson);

        var page = await FetchedFrom(await _portal.SubmitAsync(client, fields));

        Assert.Equal("#Input_OrganisationName", page.Href(".error-summary a"));
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task Errors_on_the_swedish_form_are_in_swedish()
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields(text: string.Empty);

        var page = await FetchedFrom(await _portal.SubmitAsync(client, fields, CommentingPortal.SwedishFormUrl));

        Assert.Equal("sv", page.Language);
        Assert.Contains("Kontrollera följande", page.Text, StringComparison.Ordinal);
        Assert.Contains("Skriv en kommentar.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_in_swedish_is_stored_against_the_swedish_text_of_the_version()
    {
        var client = _portal.NewClient();

        var response = await _portal.SubmitAsync(client, CommentingPortal.ValidFields("En kommentar."), CommentingPortal.SwedishFormUrl);

        Assert.StartsWith("/sv/kommentar/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var comment = Assert.Single(await _portal.CommentsAsync());
        Assert.Equal(Language.Sv, comment.Language);
        Assert.Equal("rekisterinpitaja", comment.ChapterId);
    }

    [Fact]
    public async Task A_section_that_the_version_does_not_have_is_not_found()
    {
        var response = await _portal.NewClient().GetAsync(new Uri(CommentingPortal.FormUrl + "/ei-tallaista-kohtaa", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task After_the_round_has_closed_the_form_says_so_and_a_late_comment_is_refused()
    {
        var client = _portal.NewClient();
        var form = await client.GetPageAsync(CommentingPortal.FormUrl);
        _portal.Advance(TimeSpan.FromDays(15));

        var refused = await FetchedFrom(await client.PostFormAsync(form, "form.comment-form", CommentingPortal.ValidFields()));
        var later = await client.GetPageAsync(CommentingPortal.FormUrl);

        Assert.Contains("Kommentointikierros ei ole auki", refused.Text, StringComparison.Ordinal);
        Assert.Contains("ei ole nyt kommentoitavana", later.Text, StringComparison.Ordinal);
        Assert.Null(later.Document.QuerySelector("form.comment-form"));
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task A_version_that_no_open_round_covers_cannot_be_commented()
    {
        const string uncoveredForm = "/luku/kasittelyn-oikeusperusteet/versio/1.1/kommentoi";
        var client = _portal.NewClient();
        var page = await client.GetPageAsync(uncoveredForm);
        // A forged post: a valid form of a covered version, sent to the uncovered one.
        var form = await client.GetPageAsync(CommentingPortal.FormUrl);
        form.Document.QuerySelector("form.comment-form")!.SetAttribute("action", uncoveredForm);
        _portal.Advance(TimeSpan.FromSeconds(30));

        var forged = await FetchedFrom(await client.PostFormAsync(form, "form.comment-form", CommentingPortal.ValidFields()));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("ei ole nyt kommentoitavana", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form.comment-form"));
        Assert.Contains("Kommentointikierros ei ole auki", forged.Text, StringComparison.Ordinal);
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_with_advice_and_the_text_is_kept()
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields("Botin teksti");
        fields["Website"] = "http://spam.example";

        var page = await FetchedFrom(await _portal.SubmitAsync(client, fields));

        Assert.Contains("kenttä, joka kuuluu jättää tyhjäksi", page.Text, StringComparison.Ordinal);
        Assert.Equal("Botin teksti", page.Document.QuerySelector("#Input_Text")!.TextContent);
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task A_form_sent_back_faster_than_a_person_can_type_is_refused_and_can_be_resent()
    {
        var client = _portal.NewClient();

        var page = await FetchedFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Nopea"), wait: TimeSpan.Zero));

        Assert.Contains("nopeammin kuin ihminen", page.Text, StringComparison.Ordinal);
        Assert.Equal("Nopea", page.Document.QuerySelector("#Input_Text")!.TextContent);
        Assert.Empty(await _portal.CommentsAsync());

        _portal.Advance(TimeSpan.FromSeconds(10));
        var resent = await client.PostFormAsync(page, "form.comment-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal("Nopea", Assert.Single(await _portal.CommentsAsync()).Text);
    }

    [Fact]
    public async Task A_forged_form_stamp_is_refused()
    {
        var client = _portal.NewClient();
        var fields = CommentingPortal.ValidFields();
        fields["FormStamp"] = "forged";

        var page = await FetchedFrom(await _portal.SubmitAsync(client, fields));

        Assert.Contains("Lomake on vanhentunut", page.Text, StringComparison.Ordinal);
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task A_form_sent_back_more_than_a_day_after_it_was_shown_is_refused_as_expired_with_the_text_kept()
    {
        var client = _portal.NewClient();

        var page = await FetchedFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Päivän mietitty kommentti."), wait: TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)));

        Assert.Contains("Lomake on vanhentunut", page.Text, StringComparison.Ordinal);
        Assert.Equal("Päivän mietitty kommentti.", page.Document.QuerySelector("#Input_Text")!.TextContent);
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var client = _portal.NewClient();
        var form = await client.GetPageAsync(CommentingPortal.FormUrl);
        _portal.Advance(TimeSpan.FromSeconds(30));
        var fields = CommentingPortal.ValidFields();
        fields["__RequestVerificationToken"] = string.Empty;

        var response = await client.PostFormAsync(form, "form.comment-form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _portal.CommentsAsync());
    }

    [Fact]
    public async Task Too_many_comments_from_one_address_are_refused_with_when_to_try_again_and_the_text_is_kept()
    {
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSetting("Comments:SubmissionsPerWindow", "2"));
        var client = portal.NewClient();
        await portal.SubmitAsync(client, CommentingPortal.ValidFields("Ensimmäinen"));
        await portal.SubmitAsync(client, CommentingPortal.ValidFields("Toinen"));

        var third = await portal.SubmitAsync(client, CommentingPortal.ValidFields("Kolmas"));
        var page = await FetchedFrom(third);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Contains("Odota noin", page.Text, StringComparison.Ordinal);
        Assert.Equal("Kolmas", page.Document.QuerySelector("#Input_Text")!.TextContent);
        Assert.Equal(["Ensimmäinen", "Toinen"], (await portal.CommentsAsync()).Select(c => c.Text));
    }

    [Fact]
    public async Task Two_hundred_comments_sent_in_parallel_are_each_stored_exactly_once()
    {
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSetting("Comments:SubmissionsPerWindow", "1000"));
        const int count = 200;
        // Two hundred commenters, each with their own browser session: all open the form, then
        // (once the clock has passed the fill time) all send at the same moment.
        var clients = Enumerable.Range(0, count).Select(_ => portal.NewClient()).ToList();
        var forms = await Task.WhenAll(clients.Select(client => client.GetPageAsync(CommentingPortal.FormUrl)));
        portal.Advance(TimeSpan.FromMinutes(1));

        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            clients[i].PostFormAsync(forms[i], "form.comment-form", CommentingPortal.ValidFields($"Rinnakkainen kommentti {i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var texts = await portal.WithDbAsync(db => db.Comments.Select(c => c.Text).ToListAsync());
        Assert.Equal(count, texts.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"Rinnakkainen kommentti {i}").Order(), texts.Order());
        Assert.Equal(count, responses.Select(r => r.Headers.Location!.OriginalString).Distinct().Count());
    }

    private static async Task<FetchedPage> FetchedFrom(HttpResponseMessage response) => await HtmlClient.ParseAsync(response);
}
