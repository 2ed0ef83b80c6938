using System.Diagnostics.Metrics;
using System.Net;
using LibGit2Sharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tietosuoja.Web.Infrastructure;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>
/// Every published version kept in git: the content folder (a copy of the fixture content, made a
/// repository when the portal starts) gets one commit per publication, authored by the editor and
/// naming the audit entry, and a bare repository in a temporary folder plays the remote.
/// </summary>
public sealed class ContentRepositoryTests : IAsyncLifetime
{
    private const string NewVersionForm = "/toimitus/luonnokset/uusi?chapter=oikeusperusteet&language=fi";
    private const string PublishedFile = "chapters/oikeusperusteet/fi/1.3.md";

    private readonly string _remote = Path.Combine(Path.GetTempPath(), "tietosuoja-remote-" + Guid.NewGuid().ToString("N"), "content.git");
    private readonly EditorPortal _portal;

    public ContentRepositoryTests()
    {
        _portal = new EditorPortal(factory => factory
            .WithSetting("Content:Git:InitializeIfMissing", "true")
            .WithSetting("Content:Git:Remote", _remote)
            .WithSetting("Content:Git:PushRetryInterval", "00:00:00.200"));
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        if (Directory.Exists(Path.GetDirectoryName(_remote)))
        {
            Directory.Delete(Path.GetDirectoryName(_remote)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_publication_is_one_commit_by_the_editor_naming_its_audit_entry_and_is_pushed_to_the_remote()
    {
        Repository.Init(_remote, isBare: true);
        var editor = await _portal.SignedInAsync("Editor", "Liisa Lakimies");
        var before = CommitCount();

        await PublishAsync(editor);

        using var repository = new Repository(_portal.ContentRoot);
        Assert.Equal(before + 1, CommitCount());
        var commit = repository.Head.Tip;
        Assert.Equal("Liisa Lakimies", commit.Author.Name);
        Assert.Equal("Liisa Lakimies", commit.Committer.Name);
        Assert.Equal("Publish oikeusperusteet fi 1.3 (published)", commit.MessageShort);
        var changes = repository.Diff.Compare<TreeChanges>(commit.Parents.Single().Tree, commit.Tree);
        Assert.Equal([PublishedFile], changes.Select(c => c.Path));
        Assert.Equal(File.ReadAllText(Path.Combine(_portal.ContentRoot, PublishedFile)), ((Blob)commit[PublishedFile].Target).GetContentText());

        // The audit trail and git history agree: the same editor, chapter version and entry.
        var published = Assert.Single(await _portal.AuditAsync(), e => e.Action == AuditAction.VersionPublished);
        Assert.Equal("oikeusperusteet/fi/1.3", published.Subject);
        Assert.Equal(published.ActorName, commit.Author.Name);
        Assert.Contains($"Audit-Entry: {published.Id}\n", commit.Message, StringComparison.Ordinal);
        Assert.Contains("Chapter: oikeusperusteet\nLanguage: fi\nVersion: 1.3\nStatus: published\n", commit.Message, StringComparison.Ordinal);

        await WaitUntilAsync(() => RemoteTip() == commit.Sha, "the commit never reached the remote");
        Assert.Equal("Healthy", await ReadinessAsync());
        Assert.Contains("Kaikki julkaisut on viety varmuuskopiovarastoon.", ContentRepositoryStatusText(await DashboardAsync(editor)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_remote_makes_readiness_degraded_keeps_the_file_and_is_pushed_after_it_recovers()
    {
        var editor = await _portal.SignedInAsync("Editor", "Liisa Lakimies");
        using var pushes = new MetricCollector<long>(_portal.Factory.Services.GetRequiredService<IMeterFactory>(), PortalMetrics.MeterName, "tietosuoja.content.push.results");

        await PublishAsync(editor);

        Assert.True(File.Exists(Path.Combine(_portal.ContentRoot, PublishedFile)));
        await WaitUntilAsync(async () => await ReadinessAsync() == "Degraded", "readiness never reported the failing push");
        Assert.Contains(pushes.GetMeasurementSnapshot(), m => Equals(m.Tags["outcome"], "failed"));
        Assert.DoesNotContain(pushes.GetMeasurementSnapshot(), m => Equals(m.Tags["outcome"], "pushed"));
        var dashboard = ContentRepositoryStatusText(await DashboardAsync(editor));
        Assert.Contains("Julkaisujen vienti varmuuskopiovarastoon on epäonnistunut", dashboard, StringComparison.Ordinal);
        Assert.Contains("vientiä odottavia tallennuksia: 2", dashboard, StringComparison.Ordinal);
        var reader = await _portal.NewClient().GetAsync(new Uri("/luku/kasittelyn-oikeusperusteet/versio/1.3", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);

        Repository.Init(_remote, isBare: true);

        using var repository = new Repository(_portal.ContentRoot);
        await WaitUntilAsync(() => RemoteTip() == repository.Head.Tip.Sha, "the commit was not pushed after the remote came back");
        await WaitUntilAsync(() => pushes.GetMeasurementSnapshot().Any(m => Equals(m.Tags["outcome"], "pushed")), "the push was not counted");
        await WaitUntilAsync(async () => await ReadinessAsync() == "Healthy", "readiness stayed degraded after the push");
        Assert.Contains("Kaikki julkaisut on viety varmuuskopiovarastoon.", ContentRepositoryStatusText(await DashboardAsync(editor)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_changed_by_hand_is_reported_and_stays_out_of_the_publication_commit()
    {
        Repository.Init(_remote, isBare: true);
        var editor = await _portal.SignedInAsync("Editor");
        var handEdited = Path.Combine(_portal.ContentRoot, "glossary.yml");
        File.AppendAllText(handEdited, "\n# muistiinpano\n");

        Assert.Contains("käsin muutettuja tiedostoja", ContentRepositoryStatusText(await DashboardAsync(editor)), StringComparison.Ordinal);
        Assert.Contains("glossary.yml", ContentRepositoryStatusText(await DashboardAsync(editor)), StringComparison.Ordinal);

        await PublishAsync(editor);

        using var repository = new Repository(_portal.ContentRoot);
        var commit = repository.Head.Tip;
        Assert.Equal([PublishedFile], repository.Diff.Compare<TreeChanges>(commit.Parents.Single().Tree, commit.Tree).Select(c => c.Path));
        Assert.Equal(FileStatus.ModifiedInWorkdir, repository.RetrieveStatus("glossary.yml"));
    }

    [Fact]
    public async Task A_detached_head_is_reported_and_publishing_still_writes_the_file()
    {
        var editor = await _portal.SignedInAsync("Editor");
        using (var repository = new Repository(_portal.ContentRoot))
        {
            Commands.Checkout(repository, repository.Head.Tip);
        }

        Assert.Contains("irrotettu HEAD", ContentRepositoryStatusText(await DashboardAsync(editor)), StringComparison.Ordinal);
        var commits = CommitCount();

        await PublishAsync(editor);

        Assert.True(File.Exists(Path.Combine(_portal.ContentRoot, PublishedFile)));
        Assert.Equal(commits, CommitCount());
    }

    private static async Task PublishAsync(HttpClient editor)
    {
        var form = await editor.GetPageAsync(NewVersionForm);
        var markdown = form.Document.QuerySelector("textarea#Input_Markdown")!.TextContent.TrimEnd() + "\n\n## Uusi osio\n\nTekstiä.\n";
        var response = await editor.PostFormAsync(form, "form.editor-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Käsittelyn oikeusperusteet",
            ["Input.Summary"] = "Lisätty osio.",
            ["Input.Markdown"] = markdown,
            ["Input.Version"] = "1.3",
            ["Input.Status"] = "Published",
        }, "Publish");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await HtmlClient.ParseAsync(response)).Document.QuerySelector(".error-summary")?.TextContent);
    }

    private int CommitCount()
    {
        using var repository = new Repository(_portal.ContentRoot);
        return repository.Info.IsHeadDetached ? repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = repository.Refs.Single(r => r.IsLocalBranch) }).Count() : repository.Commits.Count();
    }

    private string? RemoteTip()
    {
        if (!Repository.IsValid(_remote))
        {
            return null;
        }

        using var remote = new Repository(_remote);
        return remote.Branches.SingleOrDefault()?.Tip?.Sha;
    }

    private async Task<string> ReadinessAsync() =>
        await (await _portal.NewClient().GetAsync(new Uri("/health/ready", UriKind.Relative))).Content.ReadAsStringAsync();

    private static async Task<FetchedPage> DashboardAsync(HttpClient editor) => await editor.GetPageAsync("/toimitus");

    private static string ContentRepositoryStatusText(FetchedPage page) => page.Document.QuerySelector(".repository-status")?.TextContent ?? string.Empty;

    private static Task WaitUntilAsync(Func<bool> condition, string failure) => WaitUntilAsync(() => Task.FromResult(condition()), failure);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), failure);
            await Task.Delay(100);
        }
    }
}
