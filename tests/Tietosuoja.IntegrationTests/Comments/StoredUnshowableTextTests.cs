using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.IntegrationTests.Editor;
using Tietosuoja.Web.Comments;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>
/// Text that the rules would refuse but that is in the database anyway (stored before the rules,
/// or by hand): the feed, the pages and the export keep working and show what can be shown.
/// </summary>
public sealed class StoredUnshowableTextTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("/syote")]
    [InlineData("/sv/flode")]
    public async Task The_feed_answers_valid_atom_when_a_round_title_holds_a_control_character(string url)
    {
        await using var portal = await CommentingPortal.StartAsync();
        await portal.WithDbAsync(db => db.Rounds.Where(r => r.Id == portal.RoundId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.TitleFi, "Word\u000Bin kierros\u001F")
            .SetProperty(r => r.TitleSv, "Wordrundan\u000B\uFFFF")
            .SetProperty(r => r.DescriptionFi, "Kuvaus\u0000.")));
        await RefreshRoundsAsync(portal);
        var client = portal.NewClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = XDocument.Parse(xml).Root!;
        var titles = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Contains(titles, t => t.EndsWith(url == "/syote" ? "Wordin kierros" : "Wordrundan", StringComparison.Ordinal));
        using var reader = XmlReader.Create(new StringReader(xml));
        Assert.NotEmpty(SyndicationFeed.Load(reader).Items);

        var roundPage = await client.GetPageAsync(url == "/syote" ? $"/kommentointikierrokset/{portal.RoundId}" : $"/sv/kommentarsrundor/{portal.RoundId}");
        Assert.Equal(HttpStatusCode.OK, roundPage.Status);
    }

    private static async Task RefreshRoundsAsync(CommentingPortal portal)
    {
        using var scope = portal.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RoundCatalog>().RefreshAsync(CancellationToken.None);
    }
}

/// <summary>The export, with text the rules would refuse already in the database.</summary>
public sealed class StoredUnshowableExportTests : IAsyncLifetime
{
    private readonly EditorPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task The_xlsx_export_opens_when_a_comment_holds_control_characters()
    {
        await _portal.CommentAsync("Tavallinen kommentti.");
        await _portal.WithDbAsync(db => db.Comments.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Text, "Rivi\u000Btoinen\u001F\uFFFE")
            .SetProperty(c => c.OrganisationName, "Kunta\u0007")));
        var editor = await _portal.SignedInAsync("Editor");
        var round = await editor.GetPageAsync($"/toimitus/kierrokset/{_portal.RoundId}");

        var response = await editor.PostFormAsync(round, "form[action='?handler=Export']", new Dictionary<string, string> { ["format"] = "Xlsx" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(1).Single()
            .Elements<Cell>().Select(cell => cell.InlineString!.Text!.Text).ToList();
        Assert.Contains("Rivitoinen", cells);
        Assert.Contains("Kunta", cells);
    }
}
