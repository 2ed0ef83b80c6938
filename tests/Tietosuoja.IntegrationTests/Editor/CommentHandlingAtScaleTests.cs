using System.Net;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>A round with many comments: search, sorting, assignment with "assigned to me", internal notes, and an audit trail in words.</summary>
public sealed class CommentHandlingAtScaleTests : IAsyncLifetime
{
    private readonly EditorPortal _portal = new();

    private string ListUrl => $"/toimitus/kierrokset/{_portal.RoundId}/kommentit";

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private static List<string> Texts(FetchedPage page) =>
        [.. page.Document.QuerySelectorAll(".comment-table__text").Select(t => t.TextContent.Trim())];

    [Fact]
    public async Task Search_finds_words_of_the_comment_or_the_organisation_and_sorting_orders_the_list()
    {
        await _portal.CommentAsync("Suostumuksesta tarvitaan esimerkki.", "Esimerkkilän kaupunki");
        _portal.Factory.Clock!.Advance(TimeSpan.FromMinutes(1));
        await _portal.CommentAsync("Rekisterinpitäjän vastuu on epäselvä.", "Pohjoisen hyvinvointialue");
        _portal.Factory.Clock!.Advance(TimeSpan.FromMinutes(1));
        await _portal.CommentAsync("Lisää esimerkkejä 100% varmuudella.", "Itäinen kunta");
        var editor = await _portal.SignedInAsync("Editor");

        Assert.Equal(["Rekisterinpitäjän vastuu on epäselvä."], Texts(await editor.GetPageAsync(ListUrl + "?q=vastuu")));
        Assert.Equal(["Rekisterinpitäjän vastuu on epäselvä."], Texts(await editor.GetPageAsync(ListUrl + "?q=HYVINVOINTIALUE")));
        // Every word must match; LIKE's wildcard is taken literally.
        Assert.Equal(["Lisää esimerkkejä 100% varmuudella."], Texts(await editor.GetPageAsync(ListUrl + "?q=esimerkk%20100%25")));
        Assert.Empty(Texts(await editor.GetPageAsync(ListUrl + "?q=%25%25%25x")));

        var newest = await editor.GetPageAsync(ListUrl + "?sort=Newest");
        Assert.Equal(["Lisää esimerkkejä 100% varmuudella.", "Rekisterinpitäjän vastuu on epäselvä.", "Suostumuksesta tarvitaan esimerkki."], Texts(newest));
        Assert.Equal("Newest", newest.Document.QuerySelector("#filter-sort option[selected]")!.GetAttribute("value"));
        // The search and the order are kept in the pager's and the bulk form's addresses.
        var searched = await editor.GetPageAsync(ListUrl + "?q=esimerkk&sort=Newest");
        Assert.Contains("q=esimerkk", searched.Document.QuerySelector("form[action*='handler=Bulk']")!.GetAttribute("action"), StringComparison.Ordinal);
        Assert.Contains("sort=Newest", searched.Document.QuerySelector("form[action*='handler=Bulk']")!.GetAttribute("action"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_change_keeps_the_ticks_after_an_error_and_can_cover_every_matching_comment_on_every_page()
    {
        await _portal.CommentAsync("Esimerkki yksi.", "Kunta A");
        await _portal.CommentAsync("Esimerkki kaksi.", "Kunta B");
        await _portal.CommentAsync("Jotain muuta.", "Kunta C");
        var ids = (await _portal.CommentsAsync()).Select(c => c.Id).ToList();
        var editor = await _portal.SignedInAsync("Editor");
        var list = await editor.GetPageAsync(ListUrl + "?q=esimerkki");

        var refused = await HtmlClient.ParseAsync(await PostBulkAsync(editor, list, ("selected", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains("Valitse uusi käsittelytila", refused.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(refused.Document.QuerySelector($"#select-{ids[1]}[checked]"));
        Assert.Null(refused.Document.QuerySelector($"#select-{ids[0]}[checked]"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostBulkAsync(editor, list, ("allMatching", "true"), ("newStatus", nameof(HandlingStatus.UnderConsideration)))).StatusCode);
        Assert.Equal(
            [HandlingStatus.UnderConsideration, HandlingStatus.UnderConsideration, HandlingStatus.Received],
            (await _portal.CommentsAsync()).Select(c => c.Status));
    }

    [Fact]
    public async Task Next_and_previous_on_the_comment_page_walk_the_filtered_sorted_list_and_keep_its_filters()
    {
        foreach (var text in new[] { "Rekisteri yksi.", "Jotain muuta.", "Rekisteri kaksi.", "Rekisteri kolme." })
        {
            await _portal.CommentAsync(text, "Kunta");
            _portal.Factory.Clock!.Advance(TimeSpan.FromMinutes(1));
        }

        var editor = await _portal.SignedInAsync("Editor");
        var list = await editor.GetPageAsync(ListUrl + "?q=rekisteri&sort=Newest");
        Assert.Equal(["Rekisteri kolme.", "Rekisteri kaksi.", "Rekisteri yksi."], Texts(list));

        var first = await editor.GetPageAsync(list.Document.QuerySelector(".comment-table a[href*='/toimitus/kommentit/']")!.GetAttribute("href")!);
        var nav = first.Document.QuerySelector("nav.comment-neighbours")!;
        Assert.Equal("1 / 3", nav.QuerySelector(".comment-neighbours__position")!.TextContent.Trim());
        Assert.Null(nav.QuerySelector("a[rel=prev]"));
        Assert.Contains("Rekisteri kolme.", first.Text, StringComparison.Ordinal);

        var second = await editor.GetPageAsync(nav.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        nav = second.Document.QuerySelector("nav.comment-neighbours")!;
        Assert.Equal("2 / 3", nav.QuerySelector(".comment-neighbours__position")!.TextContent.Trim());
        Assert.Equal("Seuraava ›", nav.QuerySelector("a[rel=next]")!.TextContent.Trim());
        Assert.Equal("‹ Edellinen", nav.QuerySelector("a[rel=prev]")!.TextContent.Trim());
        Assert.Contains("Rekisteri kaksi.", second.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jotain muuta.", second.Text, StringComparison.Ordinal);

        var third = await editor.GetPageAsync(nav.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        nav = third.Document.QuerySelector("nav.comment-neighbours")!;
        Assert.Equal("3 / 3", nav.QuerySelector(".comment-neighbours__position")!.TextContent.Trim());
        Assert.Null(nav.QuerySelector("a[rel=next]"));
        Assert.Contains("Rekisteri yksi.", third.Text, StringComparison.Ordinal);
        var back = await editor.GetPageAsync(nav.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal("2 / 3", back.Document.QuerySelector(".comment-neighbours__position")!.TextContent.Trim());

        // The breadcrumb returns to the same filtered list, and a form on the page keeps the filters across its redirect.
        var listAgain = await editor.GetPageAsync(back.Document.QuerySelector(".breadcrumb a[href*='/kommentit?']")!.GetAttribute("href")!);
        Assert.Equal(["Rekisteri kolme.", "Rekisteri kaksi.", "Rekisteri yksi."], Texts(listAgain));
        var assigned = await editor.PostFormAsync(back, "form.assign-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal("2 / 3", (await editor.GetPageAsync(assigned.Headers.Location!.OriginalString)).Document.QuerySelector(".comment-neighbours__position")!.TextContent.Trim());

        // In Swedish, with the same filters.
        var swedish = await editor.GetPageAsync(back.Document.QuerySelector("a[hreflang=sv]")!.GetAttribute("href")!);
        var svNav = swedish.Document.QuerySelector("nav.comment-neighbours")!;
        Assert.Equal("2 / 3", svNav.QuerySelector(".comment-neighbours__position")!.TextContent.Trim());
        Assert.Equal("‹ Föregående", svNav.QuerySelector("a[rel=prev]")!.TextContent.Trim());
        Assert.Equal("Nästa ›", svNav.QuerySelector("a[rel=next]")!.TextContent.Trim());
    }

    private static Task<HttpResponseMessage> PostBulkAsync(HttpClient client, FetchedPage list, params (string Name, string Value)[] fields)
    {
        var form = list.Document.QuerySelector("form[action*='handler=Bulk']")!;
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task An_editor_takes_a_comment_finds_it_under_assigned_to_me_and_keeps_internal_notes_that_stay_private()
    {
        var token = await _portal.CommentAsync("Ensimmäinen kommentti.");
        await _portal.CommentAsync("Toinen kommentti.");
        var id = (await _portal.CommentsAsync())[0].Id;
        var kaisa = await _portal.SignedInAsync("Editor", "Kaisa Käsittelijä");

        var page = await kaisa.GetPageAsync($"/toimitus/kommentit/{id}");
        Assert.Contains("Ei osoitettu kenellekään", page.Document.QuerySelector(".comment-assignment")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await kaisa.PostFormAsync(page, "form.assign-form", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("Osoitettu: Kaisa Käsittelijä", (await kaisa.GetPageAsync($"/toimitus/kommentit/{id}")).Document.QuerySelector(".comment-assignment")!.TextContent, StringComparison.Ordinal);

        var mine = await kaisa.GetPageAsync(ListUrl + "?mine=true");
        Assert.Equal(["Ensimmäinen kommentti."], Texts(mine));
        var other = await _portal.SignedInAsync("Editor", "Olli Toinen");
        Assert.Empty(Texts(await other.GetPageAsync(ListUrl + "?mine=true")));

        // A blank note is refused with a message; a note is kept, shown to editors only.
        page = await kaisa.GetPageAsync($"/toimitus/kommentit/{id}");
        var blank = await HtmlClient.ParseAsync(await kaisa.PostFormAsync(page, "form.note-form", new Dictionary<string, string> { ["Note"] = "  " }));
        Assert.Contains("Kirjoita muistiinpano.", blank.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await kaisa.PostFormAsync(page, "form.note-form", new Dictionary<string, string> { ["Note"] = "Kysy kunnalta lisätietoja." })).StatusCode);
        var withNote = await other.GetPageAsync($"/toimitus/kommentit/{id}");
        Assert.Contains("Kysy kunnalta lisätietoja.", withNote.Document.QuerySelector(".comment-notes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kaisa Käsittelijä", withNote.Document.QuerySelector(".comment-notes .note")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Kysy kunnalta", (await _portal.NewClient().GetPageAsync($"/kommentti/{token}")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain((await _portal.AuditAsync()), e => e.Details.Contains("Kysy kunnalta", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_trail_speaks_the_ui_language_and_its_403_names_the_admin_role()
    {
        await _portal.CommentAsync("Kommentti.");
        var id = (await _portal.CommentsAsync())[0].Id;
        var editor = await _portal.SignedInAsync("Editor", "Kaisa Käsittelijä");
        var list = await editor.GetPageAsync(ListUrl);
        var form = list.Document.QuerySelector("form[action*='handler=Bulk']")!;
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["selected"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["newStatus"] = nameof(HandlingStatus.Noted),
        }))).StatusCode);

        var forbidden = await editor.GetPageAsync("/toimitus/tapahtumaloki");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Contains("edellyttää pääkäyttäjän (Admin) roolia", forbidden.Text, StringComparison.Ordinal);

        var admin = await _portal.SignedInAsync("Admin", "Anna Admin");
        var audit = await admin.GetPageAsync("/toimitus/tapahtumaloki");
        Assert.Contains("Vastaanotettu → Merkitty tiedoksi (joukkomuutos)", audit.Document.QuerySelector(".audit-table")!.TextContent, StringComparison.Ordinal);
        var swedish = await admin.GetPageAsync("/sv/redaktion/handelselogg");
        Assert.Contains("→", swedish.Document.QuerySelector(".audit-table__details")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Received", swedish.Document.QuerySelector(".audit-table")!.TextContent, StringComparison.Ordinal);
    }
}
