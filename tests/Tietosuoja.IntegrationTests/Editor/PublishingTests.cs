using System.Net;
using System.Text;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>An editor writes a chapter version, previews and checks it, saves a draft and publishes it into content/.</summary>
public sealed class PublishingTests : IAsyncLifetime
{
    private const string NewVersionForm = "/toimitus/luonnokset/uusi?chapter=oikeusperusteet&language=fi";
    private const string Body = "## Uusi osio\n\nKunta voi käsitellä henkilötietoja, kun käsittely on tarpeen lakisääteisen velvoitteen noudattamiseksi.\n";

    private readonly EditorPortal _portal = new();

    /// <summary>The latest text as the form offers it, plus a new section: other chapters link to its sections, so they must stay.</summary>
    private static string Revised(FetchedPage form, string added = Body) =>
        form.Document.QuerySelector("textarea#Input_Markdown")!.TextContent.TrimEnd() + "\n\n" + added;

    private static Dictionary<string, string> Fields(string markdown, string title = "Käsittelyn oikeusperusteet", string summary = "Lisätty osio.") => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = summary,
        ["Input.Markdown"] = markdown,
        ["Input.Version"] = "1.3",
        ["Input.Status"] = "Published",
    };

    [Fact]
    public async Task A_new_version_starts_from_the_latest_text_and_the_preview_renders_it_as_readers_will_see_it()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync(NewVersionForm);
        Assert.Contains("## Suostumus", form.Document.QuerySelector("textarea#Input_Markdown")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["1.3", "2.0"], form.Document.QuerySelectorAll("#Input_Version option").Select(o => o.TextContent));

        var preview = await HtmlClient.ParseAsync(await editor.PostFormAsync(form, "form.editor-form", Fields(Revised(form, Body + "\nKatso GDPR 6 art. 1 kohdan c alakohta.\n")), "Preview"));

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var rendered = preview.Document.QuerySelector(".preview .chapter-body")!;
        Assert.Equal("Uusi osio", rendered.QuerySelector("h2#uusi-osio")!.TextContent.Trim());
        // Legal references are linked in the preview exactly as on the public page.
        Assert.StartsWith("https://eur-lex.europa.eu/", rendered.QuerySelector("a[href*='eur-lex']")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain(_portal.ContentFiles().Keys, k => k.EndsWith("1.3.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishing_writes_exactly_one_new_file_never_touches_the_others_and_readers_see_it_at_once()
    {
        var editor = await _portal.SignedInAsync("Editor", "Liisa Lakimies");
        var before = _portal.ContentFiles();
        var form = await editor.GetPageAsync(NewVersionForm);

        var response = await editor.PostFormAsync(form, "form.editor-form", Fields(Revised(form)), "Publish");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await HtmlClient.ParseAsync(response)).Document.QuerySelector(".error-summary")?.TextContent);
        var after = _portal.ContentFiles();
        var added = Assert.Single(after.Keys.Except(before.Keys));
        Assert.Equal("chapters/oikeusperusteet/fi/1.3.md", added);
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        var text = await File.ReadAllTextAsync(Path.Combine(_portal.ContentRoot, added));
        Assert.StartsWith("---\ntitle: \"Käsittelyn oikeusperusteet\"\nversion: \"1.3\"\nstatus: published\ndate: 2026-11-20\nsummary: \"Lisätty osio.\"\n---\n\n", text, StringComparison.Ordinal);

        // No restart and no wait for the watcher: the chapter's own address now shows 1.3.
        var chapter = await _portal.NewClient().GetPageAsync("/luku/kasittelyn-oikeusperusteet");
        Assert.Equal("1.3", chapter.Document.QuerySelector(".version-meta dd")!.TextContent.Trim());
        Assert.NotNull(chapter.Document.GetElementById("uusi-osio"));

        var entry = Assert.Single(await _portal.AuditAsync(), e => e.Action == AuditAction.VersionPublished);
        Assert.Equal(("Liisa Lakimies", "oikeusperusteet/fi/1.3"), (entry.ActorName, entry.Subject));

        // The same version again is refused, and nothing is written.
        var form13 = await editor.GetPageAsync(NewVersionForm);
        var again = await HtmlClient.ParseAsync(await editor.PostFormAsync(form13, "form.editor-form", Fields(Revised(form13, "## Toinen\n\nEri teksti.\n")), "Publish"));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Tämä versio on jo julkaistu", again.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(after, _portal.ContentFiles());
    }

    [Fact]
    public async Task A_validation_error_blocks_publishing_is_shown_at_its_line_and_keeps_the_text()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var before = _portal.ContentFiles();
        var markdown = "## Osio\n\nTekstiä.\n\n# Pääotsikko ei kuulu lukuun\n\nLisää tekstiä.\n";

        var page = await HtmlClient.ParseAsync(await editor.PostFormAsync(await editor.GetPageAsync(NewVersionForm), "form.editor-form", Fields(markdown), "Publish"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Virhe:", page.Document.Title, StringComparison.Ordinal);
        var problems = page.Document.QuerySelector(".text-problems")!.TextContent;
        Assert.True(problems.Contains("Rivi 5: Luvussa ei saa olla ykköstason otsikkoa (#). Käytä kakkostason otsikkoa (##)", StringComparison.Ordinal), problems);
        Assert.DoesNotContain("level-1", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Input_Markdown", page.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(markdown, page.Document.QuerySelector("textarea#Input_Markdown")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("true", page.Document.QuerySelector("textarea#Input_Markdown")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, _portal.ContentFiles());
        Assert.Null(page.Document.QuerySelector(".preview"));
    }

    [Fact]
    public async Task A_saved_draft_stays_out_of_content_until_published_and_publishing_removes_it()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var before = _portal.ContentFiles();

        var form = await editor.GetPageAsync(NewVersionForm);
        var saved = await editor.PostFormAsync(form, "form.editor-form", Fields(Revised(form), title: "Luonnosotsikko"), "Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draftUrl = saved.Headers.Location!.OriginalString;
        Assert.Matches(@"^/toimitus/luonnokset/\d+$", draftUrl);
        Assert.Equal(before, _portal.ContentFiles());
        var draft = await editor.GetPageAsync(draftUrl);
        Assert.Equal("Luonnosotsikko", draft.Document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Contains("Luonnos tallennettu", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Luonnosotsikko", (await editor.GetPageAsync("/toimitus")).Document.QuerySelector("#drafts-title")!.ParentElement!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(draft, "form.editor-form", new Dictionary<string, string>(), "Publish")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(new Uri(draftUrl, UriKind.Relative))).StatusCode);
        Assert.Contains("Luonnosotsikko", await File.ReadAllTextAsync(Path.Combine(_portal.ContentRoot, "chapters/oikeusperusteet/fi/1.3.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_file_fills_the_text_and_its_front_matter_fills_the_title()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync(NewVersionForm);
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Document.QuerySelectorAll("form.editor-form input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? string.Empty), hidden.GetAttribute("name")!);
        }

        content.Add(new StringContent("1.3"), "Input.Version");
        content.Add(new StringContent("Published"), "Input.Status");
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("---\ntitle: Ladattu otsikko\nversion: \"9.9\"\nsummary: Ladattu muutos.\n---\n\n## Ladattu osio\n\nTeksti tiedostosta.\n")), "Upload", "luku.md");

        var page = await HtmlClient.ParseAsync(await editor.PostAsync(new Uri(NewVersionForm.Split('?')[0] + "?handler=Upload", UriKind.Relative), content));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("## Ladattu osio\n\nTeksti tiedostosta.\n", page.Document.QuerySelector("textarea#Input_Markdown")!.TextContent);
        Assert.Equal("Ladattu otsikko", page.Document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Ladattu muutos.", page.Document.QuerySelector("textarea#Input_Summary")!.TextContent);
    }

    [Fact]
    public async Task A_new_chapter_is_added_to_the_site_file_and_readable_at_its_addresses()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync("/toimitus/luonnokset/uusi?newChapter=true");
        var fields = Fields("## Johdanto\n\nLuvun teksti.\n", title: "Tietosuojan vaikutustenarviointi", summary: "Uusi luku.");
        fields["Input.Version"] = "1.0";
        fields["Input.ChapterId"] = "vaikutustenarviointi";
        fields["Input.SlugFi"] = "vaikutustenarviointi";
        fields["Input.SlugSv"] = "konsekvensbedomning";

        var response = await editor.PostFormAsync(form, "form.editor-form", fields, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var chapter = await _portal.NewClient().GetPageAsync("/luku/vaikutustenarviointi");
        Assert.Equal("Tietosuojan vaikutustenarviointi", chapter.H1);
        Assert.EndsWith("  - id: vaikutustenarviointi\n    slug:\n      fi: vaikutustenarviointi\n      sv: konsekvensbedomning\n", await File.ReadAllTextAsync(Path.Combine(_portal.ContentRoot, "site.yml")), StringComparison.Ordinal);
        Assert.Contains(await _portal.AuditAsync(), e => e.Action == AuditAction.ChapterCreated && e.Subject == "vaikutustenarviointi");
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();
}
