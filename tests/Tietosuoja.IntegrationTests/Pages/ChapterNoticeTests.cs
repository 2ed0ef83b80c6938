using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Pages;

/// <summary>
/// What a chapter page tells its reader about the chapter's other versions, in both languages: a
/// newer version only in the other language, a version open for comments with its closing time in
/// Finnish time, and a translation older than the current Finnish text.
/// </summary>
public sealed class ChapterNoticeTests : IAsyncLifetime
{
    private readonly CommentingPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_swedish_chapter_says_a_newer_finnish_draft_is_open_for_comments_and_offers_the_swedish_form()
    {
        var page = await _portal.NewClient().GetPageAsync("/sv/kapitel/rattslig-grund");

        Assert.Equal("sv", page.Language);
        var newer = page.Document.QuerySelector(".notice--other-language")!;
        Assert.Contains("Det finns en nyare version 1.2 (På remiss) av kapitlet, som ännu bara finns på finska.", newer.TextContent, StringComparison.Ordinal);
        Assert.Equal("/luku/kasittelyn-oikeusperusteet/versio/1.2", newer.QuerySelector("a")!.GetAttribute("href"));
        var open = page.Document.QuerySelector(".notice--open-version")!;
        // The round closes 4.12.2026 at 10.00 UTC: noon in Finland.
        Assert.Contains("Version 1.2 kan kommenteras till 4.12.2026 kl. 12.00.", open.TextContent, StringComparison.Ordinal);
        Assert.Contains("Texten finns bara på finska, men du får gärna kommentera på svenska.", open.TextContent, StringComparison.Ordinal);
        Assert.Equal("/sv/kapitel/rattslig-grund/version/1.2/kommentera", open.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector(".notice--translation"));
    }

    [Fact]
    public async Task The_finnish_chapter_says_its_newer_version_is_open_for_comments_with_the_closing_time()
    {
        var page = await _portal.NewClient().GetPageAsync("/luku/kasittelyn-oikeusperusteet");

        Assert.Equal("fi", page.Language);
        var upcoming = page.Document.QuerySelector(".notice--upcoming")!;
        Assert.Contains("Versio 1.2 on kommentoitavana 4.12.2026 klo 12.00 asti.", upcoming.TextContent, StringComparison.Ordinal);
        Assert.Equal(CommentingPortal.FormUrl, upcoming.QuerySelectorAll("a")[^1].GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector(".notice--other-language"));
    }

    [Fact]
    public async Task An_older_swedish_translation_links_the_current_finnish_version_beside_the_newer_finnish_draft()
    {
        using var content = new ContentFolderBuilder()
            .WithChapter("luku", "luku-fi", "kapitel-sv")
            .WithVersion("luku", "fi", "1.0")
            .WithVersion("luku", "fi", "1.1")
            .WithVersion("luku", "fi", "1.2", status: "draft")
            .WithVersion("luku", "sv", "1.0", body: "## Första avsnittet\n\nText.\n");
        await using var portal = new PortalFactory(content.Root);
        var client = portal.CreateClient();

        var swedish = await client.GetPageAsync("/sv/kapitel/kapitel-sv");
        var lag = swedish.Document.QuerySelector(".notice--translation")!;
        Assert.Contains("Den här svenska översättningen (version 1.0) är äldre än den gällande finska versionen 1.1.", lag.TextContent, StringComparison.Ordinal);
        Assert.Equal("/luku/luku-fi", lag.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("fi", lag.QuerySelector("a")!.GetAttribute("lang"));
        Assert.Contains("Det finns en nyare version 1.2 (Utkast) av kapitlet, som ännu bara finns på finska.", swedish.Document.QuerySelector(".notice--other-language")!.TextContent, StringComparison.Ordinal);

        var finnish = await client.GetPageAsync("/luku/luku-fi");
        Assert.Null(finnish.Document.QuerySelector(".notice--translation"));
        Assert.Null(finnish.Document.QuerySelector(".notice--other-language"));
    }
}
