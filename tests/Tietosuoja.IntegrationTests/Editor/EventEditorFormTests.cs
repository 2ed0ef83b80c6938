using System.Net;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>The event editor's form refuses what it cannot store, in the editor's language, and keeps what was typed.</summary>
public sealed class EventEditorFormTests : IAsyncLifetime
{
    private readonly EditorPortal _portal = new();

    public static TheoryData<string, string> GapMessages => new()
    {
        { "/toimitus/tilaisuudet/uusi", "Tätä kellonaikaa ei ole Suomessa" },
        { "/sv/redaktion/evenemang/nytt", "Den här tiden finns inte i Finland" },
    };

    [Theory]
    [MemberData(nameof(GapMessages))]
    public async Task A_start_in_the_hour_skipped_when_summer_time_begins_is_refused_on_its_field_not_with_an_error_page(string url, string message)
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        // There is no draft stage: the form says so before the editor saves.
        Assert.NotNull(form.Document.QuerySelector("form.editor-form .event-public-note"));

        // 28.3.2027 at 3.30: Finnish clocks go from 3.00 straight to 4.00 that night.
        var response = await editor.PostFormAsync(form, "form.editor-form", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(EventKind.Workshop),
            ["Input.TitleFi"] = "Kevään työpaja",
            ["Input.DescriptionFi"] = "Käymme läpi luvun 2.",
            ["Input.StartsAt"] = "2027-03-28T03:30",
            ["Input.EndsAt"] = "2027-03-28T06:30",
            ["Input.RegistrationOpensAt"] = "2027-02-01T09:00",
            ["Input.RegistrationClosesAt"] = "2027-03-14T16:00",
            ["Input.Capacity"] = "30",
            ["Input.ChapterIds"] = "oikeusperusteet",
        });

        var page = await HtmlClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var summary = page.Document.QuerySelector(".error-summary")!;
        var link = Assert.Single(summary.QuerySelectorAll("a"));
        Assert.Equal("#Input_StartsAt", link.GetAttribute("href"));
        Assert.Contains(message, link.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kevään työpaja", page.Document.QuerySelector("#Input_TitleFi")!.GetAttribute("value"));
        Assert.Equal("2027-03-28T03:30", page.Document.QuerySelector("#Input_StartsAt")!.GetAttribute("value"));
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();
}
