using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>After sending: the private link, editing, withdrawing, handling, the feedback report and retention.</summary>
public sealed class CommentLifecycleTests : IAsyncLifetime
{
    private readonly CommentingPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_private_link_lets_the_commenter_edit_the_comment_while_the_round_is_open()
    {
        var client = _portal.NewClient();
        var token = CommentingPortal.TokenFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Alkuperäinen")));
        var page = await client.GetPageAsync($"/kommentti/{token}");
        Assert.Equal("Alkuperäinen", page.Document.QuerySelector("#Input_Text")!.TextContent);
        // The private page is nobody else's business: not stored, not indexed.
        Assert.True(page.Response.Headers.CacheControl!.NoStore);
        Assert.Equal("noindex, nofollow", string.Join(",", page.Response.Headers.GetValues("X-Robots-Tag")));
        _portal.Advance(TimeSpan.FromHours(1));

        var saved = await client.PostFormAsync(page, "form.comment-form", new Dictionary<string, string>
        {
            ["Input.Text"] = "Muokattu teksti",
            ["Input.Section"] = "oikeutettu-etu",
            ["Input.ConsentToPublish"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var comment = Assert.Single(await _portal.CommentsAsync());
        Assert.Equal("Muokattu teksti", comment.Text);
        Assert.Equal("oikeutettu-etu", comment.SectionAnchor);
        Assert.False(comment.ConsentToPublish);
        Assert.Equal(CommentingPortal.Start.AddSeconds(30).AddHours(1).UtcDateTime, comment.EditedAt);
        var after = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Muutokset on tallennettu.", after.Text, StringComparison.Ordinal);
        Assert.Equal("Muokattu teksti", after.Document.QuerySelector("blockquote.comment-text")!.TextContent);
    }

    [Fact]
    public async Task An_invalid_edit_is_refused_and_keeps_what_was_typed()
    {
        var client = _portal.NewClient();
        var token = CommentingPortal.TokenFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Alkuperäinen")));
        var page = await client.GetPageAsync($"/kommentti/{token}");

        var refused = await HtmlClient.ParseAsync(await client.PostFormAsync(page, "form.comment-form", new Dictionary<string, string>
        {
            ["Input.Text"] = "Uusi teksti",
            ["Input.Email"] = "ei-osoite",
        }));

        Assert.Equal("#Input_Email", refused.Href(".error-summary a"));
        Assert.Equal("Uusi teksti", refused.Document.QuerySelector("#Input_Text")!.TextContent);
        Assert.Equal("Alkuperäinen", Assert.Single(await _portal.CommentsAsync()).Text);
    }

    [Fact]
    public async Task Withdrawing_needs_confirmation_and_then_removes_the_text_and_personal_data()
    {
        var client = _portal.NewClient();
        var token = CommentingPortal.TokenFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Peruttava kommentti")));
        var page = await client.GetPageAsync($"/kommentti/{token}");

        var unconfirmed = await HtmlClient.ParseAsync(await client.PostFormAsync(page, "form[action$='handler=withdraw']", new Dictionary<string, string>()));
        Assert.Contains("Vahvista peruminen", unconfirmed.Text, StringComparison.Ordinal);
        Assert.Equal("Peruttava kommentti", Assert.Single(await _portal.CommentsAsync()).Text);

        var withdrawn = await client.PostFormAsync(page, "form[action$='handler=withdraw']", new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var comment = Assert.Single(await _portal.CommentsAsync());
        Assert.NotNull(comment.WithdrawnAt);
        Assert.Equal(string.Empty, comment.Text);
        Assert.Null(comment.AuthorName);
        Assert.Null(comment.Email);
        Assert.Null(comment.OrganisationName);
        Assert.False(comment.ConsentToPublish);
        var after = await client.GetPageAsync($"/kommentti/{token}");
        Assert.Contains("Peruit tämän kommentin", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Peruttava kommentti", after.Text, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form.comment-form"));
    }

    [Theory]
    [InlineData("/kommentti/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/kommentti/not-a-token")]
    [InlineData("/sv/kommentar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_wrong_token_finds_nothing_and_says_what_to_check(string url)
    {
        var client = _portal.NewClient();
        await _portal.SubmitAsync(client, CommentingPortal.ValidFields());

        var page = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains(url.StartsWith("/sv", StringComparison.Ordinal) ? "Kontrollera att du kopierade hela länken" : "Tarkista, että kopioit koko linkin", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("blockquote.comment-text"));
    }

    [Fact]
    public async Task A_wrong_token_cannot_edit_or_withdraw()
    {
        var client = _portal.NewClient();
        var token = CommentingPortal.TokenFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Koskematon")));
        var page = await client.GetPageAsync($"/kommentti/{token}");
        // Change the first character to one it is certainly not, so the token is always wrong.
        var wrong = (token[0] == 'B' ? "C" : "B") + token[1..];
        page.Document.QuerySelector("form.comment-form")!.SetAttribute("action", $"/kommentti/{wrong}?handler=edit");

        var response = await client.PostFormAsync(page, "form.comment-form", new Dictionary<string, string> { ["Input.Text"] = "Kaapattu" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Koskematon", Assert.Single(await _portal.CommentsAsync()).Text);
    }

    [Fact]
    public async Task After_the_round_closes_the_comment_can_be_read_but_not_changed()
    {
        var client = _portal.NewClient();
        var token = CommentingPortal.TokenFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Lukittu")));
        var page = await client.GetPageAsync($"/kommentti/{token}");
        _portal.Advance(TimeSpan.FromDays(15));

        var late = await HtmlClient.ParseAsync(await client.PostFormAsync(page, "form.comment-form", new Dictionary<string, string> { ["Input.Text"] = "Myöhäinen muutos" }));
        var closed = await client.GetPageAsync($"/kommentti/{token}");

        Assert.Contains("Kommentointikierros ei ole auki", late.Text, StringComparison.Ordinal);
        Assert.Equal("Lukittu", Assert.Single(await _portal.CommentsAsync()).Text);
        Assert.Null(closed.Document.QuerySelector("form.comment-form"));
        Assert.Contains("Kierros päättyi", closed.Text, StringComparison.Ordinal);
        Assert.Equal("Lukittu", closed.Document.QuerySelector("blockquote.comment-text")!.TextContent);
    }

    [Fact]
    public async Task The_feedback_report_shows_only_consented_comments_with_their_handling_and_counts_all()
    {
        var client = _portal.NewClient();
        var published = CommentingPortal.ValidFields("Julkaistava kommentti");
        published["Input.Section"] = "suostumus";
        var publishedToken = CommentingPortal.TokenFrom(await _portal.SubmitAsync(client, published));
        var secret = CommentingPortal.ValidFields("Ei julkaistava kommentti");
        secret["Input.ConsentToPublish"] = "false";
        secret["Input.OrganisationName"] = "Salainen kunta";
        await _portal.SubmitAsync(client, secret);
        var person = CommentingPortal.ValidFields("Yksityishenkilön kommentti");
        person["Input.OrganisationType"] = nameof(OrganisationType.PrivatePerson);
        person["Input.OrganisationName"] = string.Empty;
        await _portal.SubmitAsync(client, person);
        var spam = CommentingPortal.ValidFields("Roskaa");
        await _portal.SubmitAsync(client, spam);
        await _portal.WithDbAsync(async db =>
        {
            var all = await db.Comments.ToListAsync();
            all.Single(c => c.Text == "Julkaistava kommentti").Status = HandlingStatus.Accepted;
            all.Single(c => c.Text == "Julkaistava kommentti").Response = "Lisätään esimerkki versioon 1.3.";
            all.Single(c => c.Text == "Ei julkaistava kommentti").Status = HandlingStatus.NotAccepted;
            all.Single(c => c.Text == "Roskaa").Moderation = Moderation.Spam;
            return await db.SaveChangesAsync();
        });

        var whileOpen = await client.GetPageAsync($"/kommentointikierrokset/{_portal.RoundId}");
        Assert.DoesNotContain("Julkaistava kommentti", whileOpen.Text, StringComparison.Ordinal);
        _portal.Advance(TimeSpan.FromDays(15));
        using (var scope = _portal.Factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<RoundService>().PublishFeedbackAsync(_portal.RoundId, EditorIdentity.System, CancellationToken.None));
        }

        var report = await client.GetPageAsync($"/kommentointikierrokset/{_portal.RoundId}");

        Assert.Contains("Julkaistava kommentti", report.Text, StringComparison.Ordinal);
        Assert.Contains("Lisätään esimerkki versioon 1.3.", report.Text, StringComparison.Ordinal);
        Assert.Contains("Yksityishenkilön kommentti", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ei julkaistava kommentti", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Salainen kunta", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Roskaa", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Maija Meikäläinen", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("maija.meikalainen@example.org", report.Text, StringComparison.Ordinal);
        Assert.Contains("Kierroksella saatiin 3 kommenttia. Niistä 2 julkaistaan", report.Text, StringComparison.Ordinal);
        var statusRows = report.Document.QuerySelectorAll("#by-status-caption ~ tbody tr, table:has(#by-status-caption) tbody tr")
            .Select(r => r.TextContent.Trim().Replace("\n", " ", StringComparison.Ordinal)).ToList();
        Assert.Contains(statusRows, r => r.StartsWith("Hyväksytty", StringComparison.Ordinal) && r.EndsWith('1'));
        Assert.Contains(statusRows, r => r.StartsWith("Ei hyväksytty", StringComparison.Ordinal) && r.EndsWith('1'));
        Assert.Contains(statusRows, r => r.StartsWith("Vastaanotettu", StringComparison.Ordinal) && r.EndsWith('1'));
        // Whole-chapter comments first, then sections in the order of the text.
        Assert.Equal(["Koko luku", "Suostumus"], report.Document.QuerySelectorAll(".report-chapter h4").Select(h => h.TextContent));

        // The commenter sees the handling through the private link too.
        var own = await client.GetPageAsync($"/kommentti/{publishedToken}");
        Assert.Contains("Hyväksytty", own.Text, StringComparison.Ordinal);
        Assert.Contains("Lisätään esimerkki versioon 1.3.", own.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feedback_report_cannot_be_published_while_the_round_is_open()
    {
        using var scope = _portal.Factory.Services.CreateScope();

        Assert.False(await scope.ServiceProvider.GetRequiredService<RoundService>().PublishFeedbackAsync(_portal.RoundId, EditorIdentity.System, CancellationToken.None));
    }

    [Fact]
    public async Task Retention_erases_exactly_the_names_and_emails_of_rounds_closed_longer_ago_than_the_retention_period()
    {
        var client = _portal.NewClient();
        await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Vanha kommentti"));
        var laterRound = await _portal.CreateRoundAsync(CommentingPortal.Start.AddDays(60), CommentingPortal.Start.AddDays(90), ("oikeusperusteet", "1.2"));
        _portal.Advance(TimeSpan.FromDays(61));
        await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Uudempi kommentti"));
        await _portal.WithDbAsync(async db =>
        {
            await db.Comments.ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, HandlingStatus.Accepted).SetProperty(c => c.Response, "Vastaus"));
            return 0;
        });

        // 12 months after the first round closed (day 14), but not after the second one (day 90).
        _portal.Advance(TimeSpan.FromDays(14 + 366 - 61));
        int erased;
        using (var scope = _portal.Factory.Services.CreateScope())
        {
            erased = await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().EraseExpiredAsync(CancellationToken.None);
        }

        Assert.Equal(1, erased);
        var comments = await _portal.CommentsAsync();
        var old = comments.Single(c => c.Text == "Vanha kommentti");
        var recent = comments.Single(c => c.RoundId == laterRound);
        Assert.Null(old.AuthorName);
        Assert.Null(old.Email);
        Assert.NotNull(old.PersonalDataErasedAt);
        Assert.Equal("Esimerkkilän kaupunki", old.OrganisationName);
        Assert.Equal(OrganisationType.Municipality, old.OrganisationType);
        Assert.Equal(HandlingStatus.Accepted, old.Status);
        Assert.Equal("Vastaus", old.Response);
        Assert.Equal("Maija Meikäläinen", recent.AuthorName);
        Assert.Equal("maija.meikalainen@example.org", recent.Email);
        Assert.Null(recent.PersonalDataErasedAt);
    }
}
