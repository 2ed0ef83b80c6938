using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>
/// The portal on a copy of the test fixture content (publishing writes files), with its own
/// database, a clock the test moves, and one round open now on chapter 2 version 1.2.
/// </summary>
public sealed class EditorPortal : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private readonly ContentFolderBuilder _content = ContentFolderBuilder.CopyOfFixtureContent();

    /// <summary>The portal, not yet started: a test class holds it and starts it in its own <see cref="IAsyncLifetime.InitializeAsync"/>.</summary>
    public EditorPortal(Action<PortalFactory>? configure = null)
    {
        Factory = new PortalFactory(_content.Root).WithClock(Start).WithSetting("Comments:MinimumFillTime", "00:00:00");
        configure?.Invoke(Factory);
    }

    public PortalFactory Factory { get; }

    /// <summary>The round open now, created by <see cref="InitializeAsync"/>.</summary>
    public int RoundId { get; private set; }

    public async Task InitializeAsync() =>
        RoundId = await CreateRoundAsync(Start.AddDays(-1), Start.AddDays(14), ("oikeusperusteet", "1.2"));

    public string ContentRoot => _content.Root;

    public HttpClient NewClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>A browser session signed in through the local sign-in with the given role ("none" for no role).</summary>
    public async Task<HttpClient> SignedInAsync(string role, string name = "Testi Toimittaja")
    {
        var client = NewClient();
        var page = await client.GetPageAsync("/toimitus/kirjaudu");
        var response = await client.PostFormAsync(page, "form.editor-form", new Dictionary<string, string> { ["Name"] = name, ["Role"] = role });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public Task<int> CreateRoundAsync(DateTimeOffset opens, DateTimeOffset closes, params (string Chapter, string Version)[] targets) =>
        CommentingPortal.CreateRoundAsync(Factory, opens, closes, targets);

    /// <summary>Stores a comment through the public form, as a stakeholder would; returns its private link token.</summary>
    public async Task<string> CommentAsync(string text, string organisation = "Esimerkkilän kaupunki", string? section = null)
    {
        var client = NewClient();
        var fields = CommentingPortal.ValidFields(text);
        fields["Input.OrganisationName"] = organisation;
        var form = await client.GetPageAsync(CommentingPortal.FormUrl + (section is null ? string.Empty : "/" + section));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return CommentingPortal.TokenFrom(await client.PostFormAsync(form, "form.comment-form", fields));
    }

    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query) => CommentingPortal.WithDbAsync(Factory, query);

    public Task<List<Comment>> CommentsAsync() => WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    public Task<List<AuditEntry>> AuditAsync() => WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    /// <summary>Every file in the content folder with its bytes' hash, to prove what a publication touched.</summary>
    public Dictionary<string, string> ContentFiles() =>
        Directory.EnumerateFiles(ContentRoot, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(ContentRoot, f).Replace('\\', '/'), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _content.Dispose();
    }
}
