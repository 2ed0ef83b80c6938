using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>
/// A database that cannot be used right now never loses what a person typed: the form comes back
/// with 503, Retry-After and the text, nothing is stored behind their back, readiness says so, and
/// reading pages go on from the snapshot.
/// </summary>
public sealed class DatabaseFaultTests
{
    private const string Text = "Tämä kommentti ei saa kadota, vaikka tietokanta olisi lukossa.";

    [Fact]
    public async Task A_comment_posted_while_the_database_is_locked_comes_back_as_typed_with_503_within_seconds()
    {
        await using var portal = await CommentingPortal.StartAsync();
        var client = portal.NewClient();
        var before = (await portal.CommentsAsync()).Count;
        var form = await client.GetPageAsync(CommentingPortal.FormUrl);
        portal.Advance(TimeSpan.FromSeconds(30));

        using (DatabaseLock.Hold(portal.Factory.DatabasePath))
        {
            var clock = Stopwatch.StartNew();
            var response = await client.PostFormAsync(form, "form.comment-form", CommentingPortal.ValidFields(Text));
            clock.Stop();

            var page = await HtmlClient.ParseAsync(response);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
            // The default command timeout is five seconds, not the thirty that lost people's text.
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(12));
            Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
            Assert.Equal("fi", page.Language);
            Assert.Contains("tietokanta ei vastannut", page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.StartsWith("Virhe:", page.Document.Title, StringComparison.Ordinal);
            Assert.Equal(Text, page.Document.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());
            Assert.Equal("Esimerkkilän kaupunki", page.Document.QuerySelector("input[name='Input.OrganisationName']")!.GetAttribute("value"));
            Assert.Equal("maija.meikalainen@example.org", page.Document.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(CommentingPortal.VersionUrl, UriKind.Relative))).StatusCode);
        }

        Assert.Equal(before, (await portal.CommentsAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task With_the_database_file_deleted_a_comment_is_refused_in_swedish_and_the_file_is_not_recreated()
    {
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSetting("Database:CommandTimeout", "00:00:02"));
        var client = portal.NewClient();
        // Connections are pooled and open: the deleted file must still be noticed.
        Assert.Empty(await portal.CommentsAsync());
        var form = await client.GetPageAsync(CommentingPortal.SwedishFormUrl);
        portal.Advance(TimeSpan.FromSeconds(30));
        DeleteDatabase(portal.Factory.DatabasePath);

        var clock = Stopwatch.StartNew();
        var page = await HtmlClient.ParseAsync(await client.PostFormAsync(form, "form.comment-form", CommentingPortal.ValidFields("Den här kommentaren får inte försvinna.")));
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(6));
        Assert.Equal("sv", page.Language);
        Assert.Contains("databasen inte svarade", page.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Den här kommentaren får inte försvinna.", page.Document.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/sv", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        // SQLite would have created an empty database and taken the comment into it.
        Assert.False(File.Exists(portal.Factory.DatabasePath));
    }

    [Fact]
    public async Task An_edit_sent_while_the_database_is_locked_comes_back_as_typed_and_the_stored_text_is_unchanged()
    {
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSetting("Database:CommandTimeout", "00:00:02"));
        var client = portal.NewClient();
        var token = CommentingPortal.TokenFrom(await portal.SubmitAsync(client, CommentingPortal.ValidFields(Text)));
        var page = await client.GetPageAsync($"/kommentti/{token}");

        FetchedPage edited;
        using (DatabaseLock.Hold(portal.Factory.DatabasePath))
        {
            var fields = CommentingPortal.ValidFields("Korjattu teksti, joka ei saa kadota.");
            edited = await HtmlClient.ParseAsync(await client.PostFormAsync(page, "form.comment-form", fields));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, edited.Status);
        Assert.Contains("tietokanta ei vastannut", edited.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Korjattu teksti, joka ei saa kadota.", edited.Document.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());
        Assert.Equal(Text, Assert.Single(await portal.CommentsAsync()).Text);
    }

    [Fact]
    public async Task A_private_page_that_cannot_be_read_answers_the_503_page_in_the_readers_language()
    {
        await using var portal = await CommentingPortal.StartAsync(factory => factory.WithSetting("Database:CommandTimeout", "00:00:02"));
        var client = portal.NewClient();
        var token = CommentingPortal.TokenFrom(await portal.SubmitAsync(client, CommentingPortal.ValidFields(Text)));
        DeleteDatabase(portal.Factory.DatabasePath);

        var page = await client.GetPageAsync($"/kommentti/{token}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.NotNull(page.Response.Headers.RetryAfter);
        Assert.Equal("Tietoja ei voitu hakea juuri nyt", page.H1);
        Assert.Equal("Uppgifterna kunde inte hämtas just nu", (await client.GetPageAsync($"/sv/kommentar/{token}")).H1);
    }

    internal static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>Another connection holding the write lock, as a long migration or a stuck process would.</summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly SqliteConnection _connection;

    private DatabaseLock(SqliteConnection connection) => _connection = connection;

    public static DatabaseLock Hold(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        command.ExecuteNonQuery();
        return new DatabaseLock(connection);
    }

    public void Dispose()
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            command.ExecuteNonQuery();
        }

        _connection.Dispose();
    }
}
