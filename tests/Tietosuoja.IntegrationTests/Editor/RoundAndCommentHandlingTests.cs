using System.Globalization;
using System.Net;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>Running rounds, handling comments and exporting them, as an editor does in the browser.</summary>
public sealed class RoundAndCommentHandlingTests : IAsyncLifetime
{
    private readonly EditorPortal _portal = new();

    private string RoundUrl => $"/toimitus/kierrokset/{_portal.RoundId}";

    [Fact]
    public async Task A_round_is_created_edited_before_it_opens_and_refused_changes_once_open()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync("/toimitus/kierrokset/uusi");
        var fields = new Dictionary<string, string>
        {
            ["Input.TitleFi"] = "Luvun 3 kommentointi",
            ["Input.TitleSv"] = "Kommentarer om kapitel 3",
            ["Input.DescriptionFi"] = "Kommentoi lukua 3.",
            ["Input.DescriptionSv"] = "Kommentera kapitel 3.",
            ["Input.OpensAt"] = "2026-12-01T09:00",
            ["Input.ClosesAt"] = "2026-11-30T16:00",
            ["Input.Versions"] = "rekisteroidyn-oikeudet@1.1",
        };

        var invalid = await HtmlClient.ParseAsync(await editor.PostFormAsync(form, "form.editor-form", fields));
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Contains("#Input_ClosesAt", invalid.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Luvun 3 kommentointi", invalid.Document.QuerySelector("#Input_TitleFi")!.GetAttribute("value"));

        fields["Input.ClosesAt"] = "2026-12-15T16:00";
        var created = await editor.PostFormAsync(invalid, "form.editor-form", fields);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, (await HtmlClient.ParseAsync(created)).Document.QuerySelector(".error-summary")?.TextContent);
        var roundUrl = created.Headers.Location!.OriginalString;
        var roundId = int.Parse(roundUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var round = await _portal.WithDbAsync(db => Task.FromResult(db.Rounds.Single(r => r.Id == roundId)));
        Assert.Equal(new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc), round.OpensAt);

        var edit = await editor.GetPageAsync(roundUrl + "/muokkaa");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(edit, "form.editor-form", new Dictionary<string, string> { ["Input.TitleFi"] = "Luku 3: kommentit", ["Input.Versions"] = "rekisteroidyn-oikeudet@1.1" })).StatusCode);
        Assert.Contains("Luku 3: kommentit", (await _portal.NewClient().GetPageAsync("/kommentointikierrokset")).Text, StringComparison.Ordinal);

        // Once the round has opened, commenters may have read it: editing is refused.
        _portal.Factory.Clock!.Advance(TimeSpan.FromDays(12));
        var late = await editor.GetAsync(new Uri(roundUrl + "/muokkaa", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Contains(await _portal.AuditAsync(), e => e.Action == AuditAction.RoundEdited && e.Subject == $"round {roundId}");
    }

    [Fact]
    public async Task A_round_opening_in_the_hour_summer_time_skips_is_refused_on_its_field_with_the_form_kept()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync("/toimitus/kierrokset/uusi");
        var fields = new Dictionary<string, string>
        {
            ["Input.TitleFi"] = "Kesäaikakierros",
            ["Input.TitleSv"] = "Sommartidsrunda",
            ["Input.DescriptionFi"] = "Kommentoi.",
            ["Input.DescriptionSv"] = "Kommentera.",
            ["Input.OpensAt"] = "2027-03-28T03:30",
            ["Input.ClosesAt"] = "2027-04-15T16:00",
            ["Input.Versions"] = "rekisteroidyn-oikeudet@1.1",
        };

        var refused = await HtmlClient.ParseAsync(await editor.PostFormAsync(form, "form.editor-form", fields));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var link = Assert.Single(refused.Document.QuerySelectorAll(".error-summary a"));
        Assert.Equal("#Input_OpensAt", link.GetAttribute("href"));
        Assert.Contains("kello siirtyy 3.00:sta suoraan 4.00:ään", link.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kesäaikakierros", refused.Document.QuerySelector("#Input_TitleFi")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Closing_early_stops_comments_and_the_feedback_report_can_be_published_only_then()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var page = await editor.GetPageAsync(RoundUrl);
        Assert.Null(page.Document.QuerySelector("form[action='?handler=PublishFeedback']"));

        var unconfirmed = await HtmlClient.ParseAsync(await editor.PostFormAsync(page, "form[action='?handler=Close']", new Dictionary<string, string>()));
        Assert.Contains("Vahvista kierroksen sulkeminen", unconfirmed.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var closed = await editor.PostFormAsync(page, "form[action='?handler=Close']", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var form = await _portal.NewClient().GetPageAsync(CommentingPortal.FormUrl);
        Assert.DoesNotContain("Lähetä kommentti", form.Text, StringComparison.Ordinal);

        var after = await editor.GetPageAsync(RoundUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(after, "form[action='?handler=PublishFeedback']", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _portal.NewClient().GetPageAsync($"/kommentointikierrokset/{_portal.RoundId}")).Status);
        Assert.Contains("Palauteraportti", (await _portal.NewClient().GetPageAsync($"/kommentointikierrokset/{_portal.RoundId}")).Text, StringComparison.Ordinal);
        var actions = (await _portal.AuditAsync()).Select(e => e.Action).ToList();
        Assert.Contains(AuditAction.RoundClosedEarly, actions);
        Assert.Contains(AuditAction.FeedbackPublished, actions);
    }

    [Fact]
    public async Task Status_and_response_reach_the_private_link_and_the_feedback_report_and_hidden_comments_leave_it()
    {
        var answered = await _portal.CommentAsync("Suostumuksesta tarvitaan esimerkki.", section: "suostumus");
        await _portal.CommentAsync("Osta halpoja kelloja!", "Roskaposti Oy");
        var comments = await _portal.CommentsAsync();
        var editor = await _portal.SignedInAsync("Editor", "Kaisa Käsittelijä");

        var page = await editor.GetPageAsync($"/toimitus/kommentit/{comments[0].Id}");
        // In context: the section's own text is on the page.
        Assert.Contains("Suostumus", page.Document.QuerySelector(".section-context")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(page, "form.editor-form", new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(HandlingStatus.Accepted),
            ["Input.Answer"] = "Kiitos, lisäämme esimerkin.",
        })).StatusCode);
        var spam = await editor.GetPageAsync($"/toimitus/kommentit/{comments[1].Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(spam, "form.editor-form", new Dictionary<string, string> { ["Input.Moderation"] = nameof(Moderation.Spam) })).StatusCode);

        var own = await _portal.NewClient().GetPageAsync("/kommentti/" + answered);
        Assert.Contains("Kiitos, lisäämme esimerkin.", own.Text, StringComparison.Ordinal);
        Assert.Contains("Hyväksytty", own.Text, StringComparison.Ordinal);

        _portal.Factory.Clock!.Advance(TimeSpan.FromDays(15));
        // Two weeks on, the editor's eight-hour sign-in has long expired.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync(new Uri(RoundUrl, UriKind.Relative))).StatusCode);
        editor = await _portal.SignedInAsync("Editor", "Kaisa Käsittelijä");
        var round = await editor.GetPageAsync(RoundUrl);
        await editor.PostFormAsync(round, "form[action='?handler=PublishFeedback']", new Dictionary<string, string>());
        var report = await _portal.NewClient().GetPageAsync($"/kommentointikierrokset/{_portal.RoundId}");
        Assert.Contains("Kiitos, lisäämme esimerkin.", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("halpoja kelloja", report.Text, StringComparison.Ordinal);
        Assert.Equal(Moderation.Spam, (await _portal.CommentsAsync())[1].Moderation);

        var audit = (await _portal.AuditAsync()).Where(e => e.ActorName == "Kaisa Käsittelijä").Select(e => (e.Action, e.Subject)).ToList();
        Assert.Contains((AuditAction.CommentStatusChanged, $"comment {comments[0].Id}"), audit);
        Assert.Contains((AuditAction.CommentResponseChanged, $"comment {comments[0].Id}"), audit);
        Assert.Contains((AuditAction.CommentModerationChanged, $"comment {comments[1].Id}"), audit);
    }

    [Fact]
    public async Task The_list_filters_and_counts_and_a_bulk_change_sets_the_status_of_the_ticked_comments()
    {
        await _portal.CommentAsync("Ensimmäinen kommentti.", section: "suostumus");
        await _portal.CommentAsync("Toinen kommentti.");
        await _portal.CommentAsync("Kolmas kommentti.", section: "suostumus");
        var ids = (await _portal.CommentsAsync()).Select(c => c.Id).ToList();
        var editor = await _portal.SignedInAsync("Editor");

        var bySection = await editor.GetPageAsync(RoundUrl + "/kommentit?section=suostumus");
        Assert.Equal(2, bySection.Document.QuerySelectorAll("table.comment-table tbody tr").Length);
        Assert.Contains("(3)", bySection.Document.QuerySelector("#filter-status option[value=Received]")!.TextContent, StringComparison.Ordinal);

        var bulk = await editor.PostFormAsync(bySection, "form[action*='handler=Bulk']", new Dictionary<string, string>
        {
            ["selected"] = ids[0].ToString(CultureInfo.InvariantCulture),
            ["newStatus"] = nameof(HandlingStatus.UnderConsideration),
        });
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        Assert.Equal($"/toimitus/kierrokset/{_portal.RoundId}/kommentit?section=suostumus", bulk.Headers.Location!.OriginalString);
        var statuses = (await _portal.CommentsAsync()).Select(c => c.Status).ToList();
        Assert.Equal([HandlingStatus.UnderConsideration, HandlingStatus.Received, HandlingStatus.Received], statuses);

        var considered = await editor.GetPageAsync(RoundUrl + "/kommentit?status=UnderConsideration");
        Assert.Contains("Ensimmäinen kommentti.", Assert.Single(considered.Document.QuerySelectorAll("table.comment-table tbody tr")).TextContent, StringComparison.Ordinal);

        var nothing = await HtmlClient.ParseAsync(await editor.PostFormAsync(considered, "form[action*='handler=Bulk']", new Dictionary<string, string> { ["newStatus"] = nameof(HandlingStatus.Noted) }));
        Assert.Contains("Valitse vähintään yksi kommentti.", nothing.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_match_the_database_escape_formulas_and_leave_personal_data_out_unless_asked()
    {
        await _portal.CommentAsync("=HYPERLINK(\"http://example.org\";\"klikkaa\")", "+Kunta");
        await _portal.CommentAsync("Tavallinen kommentti; jossa puolipiste ja \"lainaus\".", section: "suostumus");
        var comments = await _portal.CommentsAsync();
        var editor = await _portal.SignedInAsync("Editor");
        var round = await editor.GetPageAsync(RoundUrl);

        var csvResponse = await editor.PostFormAsync(round, "form[action='?handler=Export']", new Dictionary<string, string> { ["format"] = "Csv" });
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", csvResponse.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = ReadCsv(bytes);
        Assert.Equal(["Nro", "Luku", "Versio", "Kieli", "Kohta", "Kommentti", "Organisaation tyyppi", "Organisaatio", "Julkaisulupa", "Käsittelytila", "Vastaus", "Moderointi", "Lähetetty"], csv[0]);
        Assert.Equal(comments.Count, csv.Count - 1);
        Assert.Equal("'=HYPERLINK(\"http://example.org\";\"klikkaa\")", csv[1][5]);
        Assert.Equal("'+Kunta", csv[1][7]);
        Assert.Equal(comments[1].Text, csv[2][5]);
        Assert.Equal(comments[1].SectionHeading, csv[2][4]);
        Assert.Equal("2. Käsittelyn oikeusperusteet", csv[2][1]);
        Assert.DoesNotContain(csv.SelectMany(row => row), cell => cell.Contains("maija.meikalainen@example.org", StringComparison.Ordinal));

        var withPersonal = ReadCsv(await (await editor.PostFormAsync(round, "form[action='?handler=Export']", new Dictionary<string, string> { ["format"] = "Csv", ["includePersonalData"] = "true" })).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Nimi", "Sähköposti"], withPersonal[0][^2..]);
        Assert.Equal(["Maija Meikäläinen", "maija.meikalainen@example.org"], withPersonal[1][^2..]);

        var xlsxResponse = await editor.PostFormAsync(round, "form[action='?handler=Export']", new Dictionary<string, string> { ["format"] = "Xlsx" });
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType!.MediaType);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(cell => cell.InlineString!.Text!.Text).ToArray()).ToList();
        Assert.Equal(csv, rows);

        var exports = (await _portal.AuditAsync()).Where(e => e.Action == AuditAction.CommentsExported).Select(e => e.Details).ToList();
        Assert.Equal(["CSV, 2 comments, names and e-mail addresses left out", "CSV, 2 comments, names and e-mail addresses included", "XLSX, 2 comments, names and e-mail addresses left out"], exports);
    }

    [Fact]
    public async Task The_overview_shows_counts_as_svg_charts_with_the_same_numbers_in_tables()
    {
        await _portal.CommentAsync("Ensimmäinen.", section: "suostumus");
        await _portal.CommentAsync("Toinen.", section: "suostumus");
        await _portal.CommentAsync("Kolmas.");
        var editor = await _portal.SignedInAsync("Editor");

        var page = await editor.GetPageAsync(RoundUrl);

        var sections = page.Document.QuerySelector("#chart-sections-title")!.ParentElement!;
        Assert.Equal("true", sections.QuerySelector("svg")!.GetAttribute("aria-hidden"));
        Assert.Equal(2, sections.QuerySelectorAll("svg rect").Length);
        var table = sections.QuerySelectorAll("table tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Equal(("Luku 2: Käsittelyn oikeusperusteet, versio 1.2: Koko luku", "1"), table[0]);
        Assert.Equal(("Luku 2: Käsittelyn oikeusperusteet, versio 1.2: Suostumus", "2"), table[1]);
        var types = page.Document.QuerySelector("#chart-types-title")!.ParentElement!;
        Assert.Contains(types.QuerySelectorAll("table tbody tr"), r => r.TextContent.Contains("Kunta", StringComparison.Ordinal) && r.QuerySelector("td")!.TextContent == "3");
    }

    [Fact]
    public async Task The_status_chart_lists_every_status_with_its_count_and_no_chart_label_is_cut_short()
    {
        await _portal.CommentAsync("Ensimmäinen.", section: "suostumus");
        await _portal.CommentAsync("Toinen.");
        await _portal.CommentAsync("Kolmas.");
        await _portal.WithDbAsync(async db =>
        {
            var first = await db.Comments.OrderBy(c => c.Id).FirstAsync();
            first.Status = HandlingStatus.PartlyAccepted;
            return await db.SaveChangesAsync();
        });
        var editor = await _portal.SignedInAsync("Editor");

        var page = await editor.GetPageAsync(RoundUrl);

        var statuses = page.Document.QuerySelector("#chart-statuses-title")!.ParentElement!;
        Assert.Equal("Kommentit käsittelytilan mukaan", statuses.QuerySelector("figcaption")!.TextContent);
        var table = statuses.QuerySelectorAll("table tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Equal(
            [("Vastaanotettu", "2"), ("Käsittelyssä", "0"), ("Hyväksytty", "0"), ("Osittain hyväksytty", "1"), ("Ei hyväksytty", "0"), ("Merkitty tiedoksi", "0")],
            table);
        Assert.Equal(6, statuses.QuerySelectorAll("svg rect").Length);
        // The picture carries each label whole, wrapped over lines where it is long, like the table.
        foreach (var chart in page.Document.QuerySelectorAll("figure.chart"))
        {
            var labels = chart.QuerySelectorAll("svg text.chart__label").Select(t => string.Join(" ", t.QuerySelectorAll("tspan").Select(l => l.TextContent))).ToList();
            Assert.Equal(chart.QuerySelectorAll("table tbody th").Select(h => h.TextContent), labels);
        }

        var sections = page.Document.QuerySelector("#chart-sections-title")!.ParentElement!;
        Assert.Contains(sections.QuerySelectorAll("svg text.chart__label"), t => t.QuerySelectorAll("tspan").Length > 1);
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Parser.Record!);
        }

        return rows;
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();
}
