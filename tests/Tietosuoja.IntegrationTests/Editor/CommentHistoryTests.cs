using System.Net;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>
/// A comment rewritten after the writing team answered it: the answered text is kept, editors see
/// the flag, the answered text and a word diff, and the public report shows the final text with a note.
/// </summary>
public sealed class CommentHistoryTests : IAsyncLifetime
{
    private readonly EditorPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_comment_edited_after_its_answer_keeps_the_answered_text_and_is_flagged_to_editors_and_in_the_report()
    {
        var token = await _portal.CommentAsync("Suostumuksesta tarvitaan esimerkki.", section: "suostumus");
        var id = (await _portal.CommentsAsync())[0].Id;
        var editor = await _portal.SignedInAsync("Editor", "Kaisa Käsittelijä");

        // An edit before any answer is kept too, but is not "after the answer".
        await EditAsync(token, "Suostumuksesta tarvitaan kaksi esimerkkiä.");
        Assert.Null((await _portal.CommentsAsync())[0].EditedAfterAnswerAt);
        Assert.Null((await editor.GetPageAsync($"/toimitus/kommentit/{id}")).Document.QuerySelector(".comment-history"));

        var page = await editor.GetPageAsync($"/toimitus/kommentit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(page, "form.editor-form", new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(HandlingStatus.Accepted),
            ["Input.Answer"] = "Kiitos, lisäämme esimerkit.",
        })).StatusCode);

        await EditAsync(token, "Suostumuksesta tarvitaan kolme esimerkkiä kunnista.");

        var revisions = await _portal.WithDbAsync(db => db.CommentRevisions.AsNoTracking().Where(r => r.CommentId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["Suostumuksesta tarvitaan esimerkki.", "Suostumuksesta tarvitaan kaksi esimerkkiä."], revisions.Select(r => r.Text));
        Assert.Equal([false, true], revisions.Select(r => r.WasAnswered));
        Assert.NotNull((await _portal.CommentsAsync())[0].EditedAfterAnswerAt);

        var list = await editor.GetPageAsync($"/toimitus/kierrokset/{_portal.RoundId}/kommentit");
        Assert.Equal("muokattu vastauksen jälkeen", list.Document.QuerySelector(".comment-table .edited-flag")!.TextContent);

        var comment = await editor.GetPageAsync($"/toimitus/kommentit/{id}");
        Assert.Contains("muokattu vastauksen jälkeen", comment.Document.QuerySelector(".edited-flag")!.TextContent, StringComparison.Ordinal);
        var history = comment.Document.QuerySelector(".comment-history")!;
        Assert.Equal("Suostumuksesta tarvitaan kaksi esimerkkiä.", history.QuerySelector(".comment-history__answered")!.TextContent);
        var diff = history.QuerySelector(".comment-history__diff")!;
        Assert.Equal("[poistettu: kaksi]", Assert.Single(diff.QuerySelectorAll("del")).TextContent);
        Assert.Contains("[lisätty: kolme]", diff.TextContent, StringComparison.Ordinal);

        var swedish = await editor.GetPageAsync($"/sv/redaktion/kommentarer/{id}");
        Assert.Equal("redigerad efter svaret", swedish.Document.QuerySelector(".edited-flag")!.TextContent);

        _portal.Factory.Clock!.Advance(TimeSpan.FromDays(15));
        editor = await _portal.SignedInAsync("Editor", "Kaisa Käsittelijä");
        var round = await editor.GetPageAsync($"/toimitus/kierrokset/{_portal.RoundId}");
        await editor.PostFormAsync(round, "form[action='?handler=PublishFeedback']", new Dictionary<string, string>());
        var report = await _portal.NewClient().GetPageAsync($"/kommentointikierrokset/{_portal.RoundId}");
        var published = report.Document.QuerySelector(".published-comment")!;
        Assert.Equal("Suostumuksesta tarvitaan kolme esimerkkiä kunnista.", published.QuerySelector("blockquote")!.TextContent);
        Assert.Contains("Kommentoija muokkasi kommenttia sen jälkeen, kun siihen oli vastattu.", published.QuerySelector(".published-comment__edited")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_removes_the_earlier_texts_too()
    {
        var token = await _portal.CommentAsync("Ensimmäinen teksti.");
        await EditAsync(token, "Toinen teksti.");
        var client = _portal.NewClient();
        var page = await client.GetPageAsync($"/kommentti/{token}");
        await client.PostFormAsync(page, "form[action$='handler=withdraw']", new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" });

        Assert.Equal(0, await _portal.WithDbAsync(db => db.CommentRevisions.CountAsync()));
    }

    private async Task EditAsync(string token, string text)
    {
        var client = _portal.NewClient();
        var page = await client.GetPageAsync($"/kommentti/{token}");
        var response = await client.PostFormAsync(page, "form[action$='handler=edit']", new Dictionary<string, string>
        {
            ["Input.Text"] = text,
            // A ticked box is sent as a browser sends it; the form helper posts only the hidden "false".
            ["Input.ConsentToPublish"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
