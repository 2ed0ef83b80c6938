using System.Net;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>The editor's forms keep what was typed when the database is locked: 503, the message, the fields as sent.</summary>
public sealed class EditorDatabaseFaultTests : IAsyncLifetime
{
    private const string Message = "tietokanta ei vastannut";

    private readonly EditorPortal _portal = new();

    [Fact]
    public async Task The_round_form_comes_back_with_what_was_typed()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync("/toimitus/kierrokset/uusi");
        var fields = new Dictionary<string, string>
        {
            ["Input.TitleFi"] = "Luvun 3 kommentointi",
            ["Input.TitleSv"] = "Kommentarer om kapitel 3",
            ["Input.DescriptionFi"] = "Kommentoi lukua 3 huolellisesti.",
            ["Input.DescriptionSv"] = "Kommentera kapitel 3.",
            ["Input.OpensAt"] = "2026-12-01T09:00",
            ["Input.ClosesAt"] = "2026-12-15T16:00",
            ["Input.Versions"] = "rekisteroidyn-oikeudet@1.1",
        };
        var roundsBefore = await _portal.WithDbAsync(db => Task.FromResult(db.Rounds.Count()));

        FetchedPage page;
        using (DatabaseLock.Hold(_portal.Factory.DatabasePath))
        {
            page = await HtmlClient.ParseAsync(await editor.PostFormAsync(form, "form.editor-form", fields));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.NotNull(page.Response.Headers.RetryAfter);
        Assert.Contains(Message, page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Luvun 3 kommentointi", page.Document.QuerySelector("#Input_TitleFi")!.GetAttribute("value"));
        Assert.Contains("Kommentoi lukua 3 huolellisesti.", page.Document.QuerySelector("#Input_DescriptionFi")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(roundsBefore, await _portal.WithDbAsync(db => Task.FromResult(db.Rounds.Count())));
    }

    [Fact]
    public async Task The_handling_form_comes_back_with_the_answer_as_typed()
    {
        await _portal.CommentAsync("Esimerkki puuttuu.");
        var id = (await _portal.CommentsAsync())[0].Id;
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync($"/toimitus/kommentit/{id}");

        FetchedPage page;
        using (DatabaseLock.Hold(_portal.Factory.DatabasePath))
        {
            page = await HtmlClient.ParseAsync(await editor.PostFormAsync(form, "form.editor-form", new Dictionary<string, string>
            {
                ["Input.Status"] = nameof(HandlingStatus.Accepted),
                ["Input.Answer"] = "Kiitos, lisäämme esimerkin seuraavaan versioon.",
            }));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains(Message, page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kiitos, lisäämme esimerkin seuraavaan versioon.", page.Document.QuerySelector("textarea[name='Input.Answer']")!.TextContent, StringComparison.Ordinal);
        var stored = (await _portal.CommentsAsync())[0];
        Assert.Equal(HandlingStatus.Received, stored.Status);
        Assert.Null(stored.Response);
    }

    [Fact]
    public async Task A_draft_being_saved_comes_back_with_its_text()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync("/toimitus/luonnokset/uusi?chapter=oikeusperusteet&language=fi");
        var markdown = form.Document.QuerySelector("textarea#Input_Markdown")!.TextContent.TrimEnd() + "\n\n## Uusi osio\n\nLuonnoksen teksti, jota ei saa menettää.\n";

        FetchedPage page;
        using (DatabaseLock.Hold(_portal.Factory.DatabasePath))
        {
            page = await HtmlClient.ParseAsync(await editor.PostFormAsync(form, "form.editor-form", new Dictionary<string, string>
            {
                ["Input.Title"] = "Luonnoksen otsikko",
                ["Input.Summary"] = "Lisätty osio.",
                ["Input.Markdown"] = markdown,
                ["Input.Version"] = "1.3",
                ["Input.Status"] = "Published",
            }, "Save"));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains(Message, page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Luonnoksen teksti, jota ei saa menettää.", page.Document.QuerySelector("textarea#Input_Markdown")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Luonnoksen otsikko", page.Document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(0, await _portal.WithDbAsync(db => Task.FromResult(db.ChapterDrafts.Count())));
    }

    [Fact]
    public async Task A_bulk_change_that_cannot_be_stored_answers_the_503_page_and_changes_nothing()
    {
        await _portal.CommentAsync("Esimerkki puuttuu.");
        var id = (await _portal.CommentsAsync())[0].Id;
        var editor = await _portal.SignedInAsync("Editor");
        var list = await editor.GetPageAsync($"/toimitus/kierrokset/{_portal.RoundId}/kommentit");

        FetchedPage page;
        using (DatabaseLock.Hold(_portal.Factory.DatabasePath))
        {
            page = await HtmlClient.ParseAsync(await editor.PostFormAsync(list, "form[action*='handler=Bulk']", new Dictionary<string, string>
            {
                ["selected"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["newStatus"] = nameof(HandlingStatus.Noted),
            }));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal("Tietoja ei voitu hakea juuri nyt", page.H1);
        Assert.Equal(HandlingStatus.Received, (await _portal.CommentsAsync())[0].Status);
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();
}
