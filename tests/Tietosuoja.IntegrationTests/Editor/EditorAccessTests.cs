using System.Net;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.IntegrationTests.Infrastructure;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>Who gets into the editor area: nobody without signing in, nobody without a role, admins only to the audit trail.</summary>
public sealed class EditorAccessTests : IAsyncLifetime
{
    private readonly EditorPortal _portal = new();

    /// <summary>One address per editor page (both languages for some); the test below checks that no page is missing.</summary>
    private string[] EditorPages =>
    [
        "/toimitus", "/sv/redaktion", "/toimitus/kierrokset", "/toimitus/kierrokset/uusi", $"/toimitus/kierrokset/{_portal.RoundId}",
        $"/toimitus/kierrokset/{_portal.RoundId}/muokkaa", $"/toimitus/kierrokset/{_portal.RoundId}/kommentit", "/toimitus/kommentit/1",
        "/toimitus/luonnokset/uusi?chapter=oikeusperusteet&language=fi", "/toimitus/luonnokset/1", "/toimitus/tapahtumaloki", "/sv/redaktion/handelselogg",
        "/toimitus/tarkastus", "/sv/redaktion/granskning", "/toimitus/tarkastus/1",
        "/toimitus/kaannos?chapter=oikeusperusteet&version=1.2", "/sv/redaktion/oversattning?chapter=oikeusperusteet&version=1.2",
        "/toimitus/tilaisuudet", "/sv/redaktion/evenemang", "/toimitus/tilaisuudet/uusi", "/toimitus/tilaisuudet/1", "/toimitus/tilaisuudet/1/muokkaa",
        "/toimitus/tilaisuudet/1/ilmoittautuneet", "/sv/redaktion/evenemang/1/anmalda", "/toimitus/tilaisuudet/1/muistio", "/toimitus/tilaisuudet/1/tallenne",
    ];

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in_from_every_editor_page_and_handler()
    {
        var client = _portal.NewClient();
        foreach (var url in EditorPages)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {response.StatusCode}");
            var expected = url.StartsWith("/sv/", StringComparison.Ordinal) ? "/sv/redaktion/logga-in?ReturnUrl=" : "/toimitus/kirjaudu?ReturnUrl=";
            Assert.StartsWith(expected + Uri.EscapeDataString(url), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // A forged post (export, close) is refused before anything runs.
        var post = await client.PostAsync(new Uri($"/toimitus/kierrokset/{_portal.RoundId}?handler=Export", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["format"] = "Csv" }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.DoesNotContain(await _portal.AuditAsync(), e => e.Action == Web.Data.AuditAction.CommentsExported);
    }

    [Fact]
    public async Task Signed_in_users_without_an_editor_role_get_a_clear_403_page()
    {
        var client = await _portal.SignedInAsync("none", "Vieras Käyttäjä");
        foreach (var url in EditorPages)
        {
            var page = await client.GetPageAsync(url);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"{url} answered {page.Status}");
            Assert.Equal(url.StartsWith("/sv/", StringComparison.Ordinal) ? "Ingen behörighet" : "Ei käyttöoikeutta", page.H1);
            Assert.Contains("Vieras Käyttäjä", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Editors_get_every_page_but_the_audit_trail_which_is_for_admins()
    {
        var editor = await _portal.SignedInAsync("Editor");
        Assert.Equal(HttpStatusCode.OK, (await editor.GetPageAsync("/toimitus")).Status);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetPageAsync($"/toimitus/kierrokset/{_portal.RoundId}/kommentit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetPageAsync("/toimitus/tapahtumaloki")).Status);
        Assert.DoesNotContain("Tapahtumaloki", (await editor.GetPageAsync("/toimitus")).Document.QuerySelector(".editor-nav")!.TextContent, StringComparison.Ordinal);

        var admin = await _portal.SignedInAsync("Admin", "Aino Ylläpitäjä");
        var audit = await admin.GetPageAsync("/toimitus/tapahtumaloki");
        Assert.Equal(HttpStatusCode.OK, audit.Status);
        // The round the fixture created is in the trail, and the page offers no way to change it.
        Assert.Contains("Kierros luotu", audit.Document.QuerySelector("table.audit-table")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(audit.Document.QuerySelectorAll("main form[method=post]:not(.editor-bar__user)"));
        Assert.True(audit.Response.Headers.CacheControl!.NoStore);
        Assert.Equal("noindex, nofollow", string.Join(",", audit.Response.Headers.GetValues("X-Robots-Tag")));
    }

    [Fact]
    public async Task The_audit_trail_lists_the_newest_first_in_pages_and_filters_by_action()
    {
        await _portal.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 60; i++)
            {
                db.AuditEntries.Add(new Web.Data.AuditEntry { At = EditorPortal.Start.UtcDateTime.AddMinutes(i), ActorId = "t", ActorName = "Testaaja", Action = Web.Data.AuditAction.CommentStatusChanged, Subject = $"comment {i}", Details = "Received → Noted" });
            }

            return await db.SaveChangesAsync();
        });
        var admin = await _portal.SignedInAsync("Admin");

        var first = await admin.GetPageAsync("/toimitus/tapahtumaloki?action=CommentStatusChanged");
        var rows = first.Document.QuerySelectorAll("table.audit-table tbody tr");
        Assert.Equal(50, rows.Length);
        Assert.Contains("comment 60", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("60 tapahtumaa", first.Text, StringComparison.Ordinal);
        var next = first.Href(".pagination a")!;
        Assert.Equal("/toimitus/tapahtumaloki?action=CommentStatusChanged&p=2", next);

        var second = await admin.GetPageAsync(next);
        Assert.Equal(10, second.Document.QuerySelectorAll("table.audit-table tbody tr").Length);
        Assert.Contains("comment 1", second.Document.QuerySelectorAll("table.audit-table tbody tr")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_editor_page_is_in_the_access_tests()
    {
        var pages = _portal.Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Where(p => p.ViewEnginePath.StartsWith("/Editor/", StringComparison.Ordinal))
            .Select(p => p.ViewEnginePath)
            .Distinct()
            .Order()
            .ToList();
        // SignIn must stay open (it is how one signs in) and SignOut only accepts posts; all others are above.
        Assert.Equal(
            [
                "/Editor/Audit", "/Editor/Comment", "/Editor/Draft", "/Editor/EditRound",
                "/Editor/Events/Edit", "/Editor/Events/Event", "/Editor/Events/Index", "/Editor/Events/Memo", "/Editor/Events/Recording", "/Editor/Events/Registrants",
                "/Editor/Index", "/Editor/Review", "/Editor/Reviews", "/Editor/Round", "/Editor/RoundComments", "/Editor/Rounds", "/Editor/SignIn", "/Editor/SignOut", "/Editor/Translate",
            ],
            pages);
    }

    [Fact]
    public void The_app_refuses_to_start_with_the_local_sign_in_in_production()
    {
        using var content = ContentFolderBuilder.CopyOfFixtureContent();
        using var factory = new PortalFactory(content.Root)
            .WithEnvironment("Production")
            .WithSetting("EditorAuth:LocalSignIn", "true")
            .WithSetting("AzureAd:TenantId", "00000000-0000-0000-0000-000000000001")
            .WithSetting("AzureAd:ClientId", "00000000-0000-0000-0000-000000000002");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var refusal = error as InvalidOperationException ?? error.InnerException as InvalidOperationException;
        Assert.NotNull(refusal);
        Assert.Contains("EditorAuth:LocalSignIn is on in the 'Production' environment", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_the_app_starts_with_entra_id_configured_and_refuses_to_start_without_it()
    {
        using var content = ContentFolderBuilder.CopyOfFixtureContent();
        using var certificate = new TestCertificate();
        using (var configured = ProductionPortal.Create(content.Root, certificate))
        {
            var client = ProductionPortal.Client(configured);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
            // The local sign-in does not exist there.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/toimitus/kirjaudu", UriKind.Relative))).StatusCode);
        }

        using var unconfigured = new PortalFactory(content.Root).WithEnvironment("Production");
        var error = Assert.ThrowsAny<Exception>(() => unconfigured.CreateClient());
        Assert.Contains("AzureAd:TenantId and AzureAd:ClientId are not set", (error.InnerException ?? error).Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();
}
