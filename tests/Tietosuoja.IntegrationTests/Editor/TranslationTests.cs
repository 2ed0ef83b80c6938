using System.Net;
using AngleSharp.Dom;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>
/// Translation side by side, on the fixture content: chapter oikeusperusteet has Finnish 1.0–1.2
/// and Swedish 1.1, so Swedish lags one version and 1.2 is what there is to translate.
/// </summary>
public sealed class TranslationTests : IAsyncLifetime
{
    private const string TranslateUrl = "/toimitus/kaannos?chapter=oikeusperusteet&version=1.2";

    private readonly EditorPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task The_dashboard_shows_per_chapter_how_far_swedish_lags_and_links_to_the_translation()
    {
        var editor = await _portal.SignedInAsync("Editor");

        var dashboard = await editor.GetPageAsync("/toimitus");

        var row = Row(dashboard, "Käsittelyn oikeusperusteet");
        Assert.Equal("Jäljessä: suomeksi 1.2, ruotsiksi 1.1 (kääntämättä 1 versiota)", row.QuerySelector(".translation-lag")!.TextContent.Trim());
        var link = row.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Käännä ruotsiksi", StringComparison.Ordinal));
        Assert.Equal(TranslateUrl, link.GetAttribute("href"));
        Assert.StartsWith("Ajan tasalla (versio 1.1)", Row(dashboard, "Rekisterinpitäjä").QuerySelector(".translation-lag")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_translation_view_shows_the_finnish_source_with_its_changes_the_swedish_text_and_the_term_pairs()
    {
        var editor = await _portal.SignedInAsync("Editor");

        var page = await editor.GetPageAsync(TranslateUrl);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var source = page.Document.QuerySelector(".translation__source")!;
        Assert.Equal("fi", source.GetAttribute("lang"));
        Assert.Contains("Korostettuna muutokset version 1.1 jälkeen.", source.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(source.QuerySelectorAll(".comparison ins"));

        // The Swedish text starts from the latest Swedish version (its body, without front matter).
        var swedishFile = File.ReadAllText(Path.Combine(_portal.ContentRoot, "chapters/oikeusperusteet/sv/1.1.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var swedishBody = swedishFile[(swedishFile.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..].TrimStart('\n');
        Assert.Equal(swedishBody.TrimEnd(), page.Document.QuerySelector("textarea#Input_Markdown")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
        Assert.Equal("Rättslig grund för behandling", page.Document.QuerySelector("input#Input_Title")!.GetAttribute("value"));
        Assert.Equal("1.2", page.Document.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));

        var pairs = page.Document.QuerySelectorAll(".translation__terms tbody tr")
            .Select(row => (row.Children[0].TextContent, row.Children[1].TextContent)).ToList();
        Assert.Contains(("henkilötieto", "personuppgift"), pairs);
        Assert.Contains(("suostumus", "samtycke"), pairs);
        Assert.DoesNotContain(("yhteisrekisterinpitäjä", "gemensamt personuppgiftsansvarig"), pairs);
    }

    [Fact]
    public async Task Saving_the_translation_makes_a_swedish_draft_under_the_finnish_version_number()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var page = await editor.GetPageAsync(TranslateUrl);
        var form = page.Document.QuerySelector("form.editor-form")!;
        form.SetAttribute("action", form.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Tallenna luonnos").GetAttribute("formaction"));

        var response = await editor.PostFormAsync(page, "form.editor-form", new Dictionary<string, string> { ["Input.Summary"] = "Översatt version 1.2." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var draft = await editor.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Sv", draft.Document.QuerySelector("input[name='Input.Language']")!.GetAttribute("value"));
        Assert.Equal("1.2", draft.Document.QuerySelector("#Input_Version option[selected]")!.TextContent);
        Assert.Equal("Översatt version 1.2.", draft.Document.QuerySelector("textarea#Input_Summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_version_that_is_already_translated_or_does_not_exist_is_not_found()
    {
        var editor = await _portal.SignedInAsync("Editor");

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetPageAsync("/toimitus/kaannos?chapter=oikeusperusteet&version=1.1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetPageAsync("/toimitus/kaannos?chapter=oikeusperusteet&version=9.9")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetPageAsync("/toimitus/kaannos?chapter=eiole&version=1.0")).Status);
    }

    private static IElement Row(FetchedPage page, string title) =>
        page.Document.QuerySelectorAll(".data-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(title, StringComparison.Ordinal));
}
