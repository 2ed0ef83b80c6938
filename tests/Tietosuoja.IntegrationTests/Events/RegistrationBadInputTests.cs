using System.Net;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Events;

namespace Tietosuoja.IntegrationTests.Events;

/// <summary>Bad input on the registration form: a polite message in the reader's language, everything typed kept, nothing stored.</summary>
public sealed class RegistrationBadInputTests
{
    [Theory]
    [InlineData("fi", "Input.Email", "maija(at)example", "#Input_Email", "muodossa nimi@esimerkki.fi")]
    [InlineData("sv", "Input.Email", "maija(at)example", "#Input_Email", "i formen namn@exempel.fi")]
    [InlineData("fi", "Input.Consent", "false", "#Input_Consent", "tietosuojaselosteen")]
    [InlineData("sv", "Input.Consent", "false", "#Input_Consent", "dataskyddsbeskrivningen")]
    [InlineData("fi", "Input.Role", "", "#Input_Role", "Valitse tehtäväsi")]
    [InlineData("fi", "Input.OrganisationType", "PrivatePerson", "#Input_OrganisationType", "organisaatiosi tyyppi")]
    public async Task A_wrong_field_gets_its_message_in_the_readers_language_and_the_rest_is_kept(string code, string field, string value, string anchor, string message)
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await portal.CreateEventAsync(EventKind.Workshop, capacity: 10);
        Assert.True(Languages.TryParse(code, out var language));
        var fields = EventsPortal.Fields("Maija Meikäläinen", "maija@example.org");
        fields[field] = value;

        var page = await HtmlClient.ParseAsync(await portal.RegisterAsync(portal.NewClient(), eventId, fields, language));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(code, page.Language);
        Assert.StartsWith(code == "sv" ? "Fel:" : "Virhe:", page.Document.Title, StringComparison.Ordinal);
        Assert.Equal(anchor, page.Href(".error-summary a"));
        Assert.Contains(message, page.Document.QuerySelector(anchor + "-error")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Maija Meikäläinen", page.Document.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("Kokemusta suostumusten hallinnasta.", page.Document.QuerySelector("#Input_Contribution")!.TextContent);
        Assert.Empty(await portal.RegistrationsAsync(eventId));
        Assert.Empty(await portal.OutboxAsync());
    }

    [Fact]
    public async Task Overlong_and_hostile_text_is_refused_or_kept_as_text_and_never_run()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await portal.CreateEventAsync(EventKind.Workshop, capacity: 10);
        var fields = EventsPortal.Fields(new string('n', PortalDbContext.NameMaxLength + 1), "maija@example.org");
        fields["Input.Contribution"] = "<script>alert('x')</script>" + new string('a', PortalDbContext.ContributionMaxLength);

        var page = await HtmlClient.ParseAsync(await portal.RegisterAsync(portal.NewClient(), eventId, fields));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("enintään 200 merkkiä", page.Document.QuerySelector("#Input_Name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("enintään 1000 merkkiä", page.Document.QuerySelector("#Input_Contribution-error")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("<script>", page.Document.QuerySelector("#Input_Contribution")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
        Assert.Empty(await portal.RegistrationsAsync(eventId));

        // Within the limits the same text is stored as typed and shown encoded on the private page.
        fields["Input.Name"] = "<b>Maija</b>";
        fields["Input.Contribution"] = "<script>alert('x')</script>";
        var token = await portal.RegisteredAsync(eventId, fields);
        var privatePage = await portal.NewClient().GetPageAsync(EventUrls.Registration(Language.Fi, token));
        Assert.Contains("<b>Maija</b>", privatePage.Text, StringComparison.Ordinal);
        Assert.Null(privatePage.Document.QuerySelector("main b"));
    }

    [Theory]
    [InlineData("fi", "ei ole auki")]
    [InlineData("sv", "är inte öppen")]
    public async Task A_form_sent_after_the_registration_closed_is_refused_politely_with_the_input_kept(string code, string message)
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await portal.CreateEventAsync(EventKind.Workshop, capacity: 10, closesIn: TimeSpan.FromMinutes(10));
        Assert.True(Languages.TryParse(code, out var language));
        var client = portal.NewClient();
        var form = await client.GetPageAsync(EventsPortal.RegisterUrl(language, eventId));
        portal.Advance(TimeSpan.FromMinutes(20));

        var page = await HtmlClient.ParseAsync(await client.PostFormAsync(form, "form.registration-form", EventsPortal.Fields("Maija Meikäläinen", "maija@example.org")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(code, page.Language);
        Assert.Contains(message, page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await portal.RegistrationsAsync(eventId));
    }

    [Fact]
    public async Task The_same_form_sent_twice_stores_one_registration_and_both_answers_lead_to_its_page()
    {
        await using var portal = await EventsPortal.StartAsync();
        var eventId = await portal.CreateEventAsync(EventKind.Workshop, capacity: 10);
        var client = portal.NewClient();
        var form = await client.GetPageAsync(EventsPortal.RegisterUrl(Language.Fi, eventId));
        portal.Advance(TimeSpan.FromSeconds(30));
        var fields = EventsPortal.Fields("Maija Meikäläinen", "maija@example.org");

        var firstAnswer = await client.PostFormAsync(form, "form.registration-form", fields);
        var secondAnswer = await client.PostFormAsync(form, "form.registration-form", fields);

        Assert.Equal(firstAnswer.Headers.Location, secondAnswer.Headers.Location);
        Assert.Single(await portal.RegistrationsAsync(eventId));
        Assert.Single(await portal.OutboxAsync());
    }
}
