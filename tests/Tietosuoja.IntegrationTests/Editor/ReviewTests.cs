using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.IntegrationTests.Editor;

/// <summary>
/// Four eyes before publishing (Editing:RequireReview on): an editor submits a draft, another
/// approves it (now or at a Finnish time) or returns it with a note; a scheduled publication
/// happens once, on time, and can be cancelled until then.
/// </summary>
public sealed class ReviewTests : IAsyncLifetime
{
    private const string NewVersionForm = "/toimitus/luonnokset/uusi?chapter=oikeusperusteet&language=fi";
    private const string Target = "chapters/oikeusperusteet/fi/1.3.md";

    private readonly EditorPortal _portal = new(factory => factory.WithSetting("Editing:RequireReview", "true"));

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private bool Published => File.Exists(Path.Combine(_portal.ContentRoot, Target));

    /// <summary>Writes version 1.3 of chapter 2 as <paramref name="author"/> and submits it; returns the review page's address.</summary>
    private async Task<string> SubmitAsync(HttpClient author, string section = "Lisätty osio")
    {
        var form = await author.GetPageAsync(NewVersionForm);
        var markdown = form.Document.QuerySelector("textarea#Input_Markdown")!.TextContent.TrimEnd() + $"\n\n## {section}\n\nKunta voi käsitellä tietoja lakisääteisen velvoitteen vuoksi.\n";
        var response = await author.PostFormAsync(form, "form.editor-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Käsittelyn oikeusperusteet",
            ["Input.Summary"] = "Lisätty osio.",
            ["Input.Markdown"] = markdown,
            ["Input.Version"] = "1.3",
            ["Input.Status"] = "Published",
        }, "Submit");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await HtmlClient.ParseAsync(response)).Document.QuerySelector(".error-summary")?.TextContent);
        var id = await _portal.WithDbAsync(db => db.ChapterDrafts.Where(d => d.State == DraftState.Submitted).Select(d => d.Id).SingleAsync());
        return EditorUrls.Review(Language.Fi, id);
    }

    /// <summary>Approves through the two steps a reviewer takes: the approval form, then the confirmation.</summary>
    private static async Task<(FetchedPage Confirmation, HttpResponseMessage Approved)> ApproveAsync(HttpClient reviewer, string reviewUrl, Dictionary<string, string>? when = null)
    {
        var review = await reviewer.GetPageAsync(reviewUrl);
        var confirmation = await HtmlClient.ParseAsync(await reviewer.PostFormAsync(review, "form[action*='ConfirmApprove']", when ?? NoFields));
        if (confirmation.Document.QuerySelector("form[action*='handler=Approve']") is null)
        {
            return (confirmation, confirmation.Response);
        }

        return (confirmation, await reviewer.PostFormAsync(confirmation, "form[action*='handler=Approve']", NoFields));
    }

    [Fact]
    public async Task A_submitted_draft_is_published_when_another_editor_approves_it_and_never_by_its_author()
    {
        var author = await _portal.SignedInAsync("Editor", "Liisa Lakimies");
        var reviewer = await _portal.SignedInAsync("Editor", "Outi Oikeusyksikkö");

        // With review required, the draft form offers submission, not publishing, and refuses a forged publish.
        var form = await author.GetPageAsync(NewVersionForm);
        Assert.Contains("Lähetä tarkastettavaksi", form.Document.QuerySelector(".button-row")!.TextContent, StringComparison.Ordinal);
        var forged = await HtmlClient.ParseAsync(await author.PostFormAsync(form, "form.editor-form", new Dictionary<string, string> { ["Input.Title"] = "X", ["Input.Summary"] = "Y", ["Input.Markdown"] = "## Z\n\nTeksti.\n", ["Input.Version"] = "1.3" }, "Publish"));
        Assert.Contains("toinen toimittaja on hyväksynyt", forged.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(Published);

        var reviewUrl = await SubmitAsync(author);
        Assert.Contains("1 odottaa tarkastusta", (await reviewer.GetPageAsync("/toimitus")).Text, StringComparison.Ordinal);
        var queue = await reviewer.GetPageAsync("/toimitus/tarkastus");
        Assert.Contains("Liisa Lakimies", queue.Document.GetElementById("waiting-title")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // The review page shows the word-level comparison with the current version (1.2).
        var review = await reviewer.GetPageAsync(reviewUrl);
        Assert.Contains(review.Document.QuerySelectorAll(".comparison .change--added"), block => block.TextContent.Contains("Lisätty osio", StringComparison.Ordinal));
        Assert.NotNull(review.Document.QuerySelector(".preview .chapter-body h2#lisatty-osio"));

        // The author cannot approve their own draft, even by posting the handler.
        var (own, ownResult) = await ApproveAsync(author, reviewUrl);
        Assert.Equal(HttpStatusCode.OK, ownResult.StatusCode);
        Assert.Contains("Et voi hyväksyä omaa luonnostasi", own.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var ownForged = await author.PostFormAsync(await author.GetPageAsync(reviewUrl), "form[action*='ConfirmApprove']", NoFields, "Approve");
        Assert.Contains("Et voi hyväksyä omaa luonnostasi", (await HtmlClient.ParseAsync(ownForged)).Text, StringComparison.Ordinal);
        Assert.False(Published);

        var (confirmation, approved) = await ApproveAsync(reviewer, reviewUrl);
        var asked = confirmation.Document.QuerySelector(".confirmation")!.TextContent;
        Assert.Contains("luku 2: Käsittelyn oikeusperusteet, suomi, versio 1.3, tila: Julkaistu", asked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.True(Published);
        var chapter = await _portal.NewClient().GetPageAsync("/luku/kasittelyn-oikeusperusteet");
        Assert.Equal("1.3", chapter.Document.QuerySelector(".version-meta dd")!.TextContent.Trim());

        // A second approval (another tab, the same editor) is refused and publishes nothing more.
        var again = await HtmlClient.ParseAsync(await reviewer.PostFormAsync(confirmation, "form[action*='handler=Approve']", NoFields));
        Assert.Contains("Luonnos on jo käsitelty", again.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        // Author and approver with times: in the audit trail and in the version's editorial record.
        var audit = await _portal.AuditAsync();
        Assert.Equal("Liisa Lakimies", Assert.Single(audit, e => e.Action == AuditAction.DraftSubmitted).ActorName);
        Assert.Equal("Outi Oikeusyksikkö", Assert.Single(audit, e => e.Action == AuditAction.DraftApproved).ActorName);
        var published = Assert.Single(audit, e => e.Action == AuditAction.VersionPublished);
        Assert.Equal(("Outi Oikeusyksikkö", "oikeusperusteet/fi/1.3"), (published.ActorName, published.Subject));
        Assert.Contains("author Liisa Lakimies 20.11.2026 klo 12.00, approved by Outi Oikeusyksikkö 20.11.2026 klo 12.00", published.Details, StringComparison.Ordinal);
        var history = (await reviewer.GetPageAsync("/toimitus/tarkastus")).Document.GetElementById("published-title")!.ParentElement!.TextContent;
        Assert.Contains("Liisa Lakimies", history, StringComparison.Ordinal);
        Assert.Contains("Outi Oikeusyksikkö", history, StringComparison.Ordinal);
        // Public pages name no editors.
        Assert.DoesNotContain("Lakimies", (await _portal.NewClient().GetPageAsync("/luku/kasittelyn-oikeusperusteet/historia")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_draft_goes_back_to_its_author_with_the_note_and_can_be_submitted_again_but_not_twice()
    {
        var author = await _portal.SignedInAsync("Editor", "Liisa Lakimies");
        var reviewer = await _portal.SignedInAsync("Editor", "Outi Oikeusyksikkö");
        var reviewUrl = await SubmitAsync(author);
        var id = int.Parse(reviewUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var draftUrl = EditorUrls.Draft(Language.Fi, id);

        // Submitted twice (the draft page was open in two tabs): the second is refused, and while under review the text cannot be saved.
        var locked = await author.GetPageAsync(draftUrl);
        Assert.Contains("Luonnos on tarkastettavana", locked.Text, StringComparison.Ordinal);
        var twice = await HtmlClient.ParseAsync(await author.PostFormAsync(locked, "form.editor-form", NoFields, "Submit"));
        Assert.Contains("jo lähetetty tarkastettavaksi", twice.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var saved = await HtmlClient.ParseAsync(await author.PostFormAsync(locked, "form.editor-form", NoFields, "Save"));
        Assert.Contains("Luonnosta ei voi enää muuttaa", saved.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var review = await reviewer.GetPageAsync(reviewUrl);
        var noNote = await HtmlClient.ParseAsync(await reviewer.PostFormAsync(review, "form[action*='Return']", NoFields));
        Assert.Equal("#Input_Note", noNote.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        var returned = await reviewer.PostFormAsync(review, "form[action*='Return']", new Dictionary<string, string> { ["Input.Note"] = "Lisää viittaus tietosuoja-asetuksen 6 artiklaan." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var draft = await author.GetPageAsync(draftUrl);
        Assert.Contains("Outi Oikeusyksikkö palautti luonnoksen", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Lisää viittaus tietosuoja-asetuksen 6 artiklaan.", draft.Document.QuerySelector(".review-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Lisää viittaus tietosuoja-asetuksen 6 artiklaan.", Assert.Single(await _portal.AuditAsync(), e => e.Action == AuditAction.DraftReturned).Details.Split(": ", 2)[1]);

        // Approving a draft that was returned meanwhile is refused.
        var late = await HtmlClient.ParseAsync(await reviewer.PostFormAsync(review, "form[action*='ConfirmApprove']", NoFields, "Approve"));
        Assert.Contains("Luonnos on jo käsitelty", late.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        // Submitted again, it is back in the queue.
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync(draft, "form.editor-form", NoFields, "Submit")).StatusCode);
        Assert.Equal(DraftState.Submitted, await _portal.WithDbAsync(db => db.ChapterDrafts.Where(d => d.Id == id).Select(d => d.State).SingleAsync()));
        Assert.False(Published);
    }

    [Fact]
    public async Task A_scheduled_publication_happens_on_time_in_finnish_time_and_can_be_cancelled_until_then()
    {
        var author = await _portal.SignedInAsync("Editor", "Liisa Lakimies");
        var reviewer = await _portal.SignedInAsync("Editor", "Outi Oikeusyksikkö");
        var reviewUrl = await SubmitAsync(author);

        // 20.11.2026 10.00 UTC is 12.00 in Helsinki: 11.59 Finnish time has passed.
        var (past, _) = await ApproveAsync(reviewer, reviewUrl, Later("2026-11-20", "11:59"));
        Assert.Contains("Julkaisuaika on jo mennyt", past.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var (confirmation, scheduled) = await ApproveAsync(reviewer, reviewUrl, Later("2026-11-20", "14:00"));
        Assert.Contains("julkaistavaksi 20.11.2026 klo 14.00 (Suomen aikaa)", confirmation.Document.QuerySelector(".confirmation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var queue = await reviewer.GetPageAsync("/toimitus/tarkastus");
        Assert.Contains("Julkaistaan 20.11.2026 klo 14.00", queue.Document.GetElementById("scheduled-title")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Cancelled, it is back in the queue, and its time passes without a publication.
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(queue, "#scheduled-title ~ ul form", NoFields)).StatusCode);
        _portal.Factory.Clock!.Advance(TimeSpan.FromHours(2.5));
        await Task.Delay(500);
        Assert.False(Published);
        Assert.Single(await _portal.AuditAsync(), e => e.Action == AuditAction.ScheduledPublicationCancelled);

        // Now 14.30 Finnish time. Scheduled again for 15.00; the background service publishes it when the clock gets there.
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(reviewer, reviewUrl, Later("2026-11-20", "15:00"))).Approved.StatusCode);
        _portal.Factory.Clock!.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(500);
        Assert.False(Published);
        for (var waited = 0; !Published && waited < 100; waited++)
        {
            _portal.Factory.Clock!.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(100);
        }

        Assert.True(Published);
        // Readers see it: the publishing instance reloaded its snapshot.
        var chapter = await _portal.NewClient().GetPageAsync("/luku/kasittelyn-oikeusperusteet");
        Assert.Equal("1.3", chapter.Document.QuerySelector(".version-meta dd")!.TextContent.Trim());
        var entry = Assert.Single(await _portal.AuditAsync(), e => e.Action == AuditAction.VersionPublished);
        Assert.Contains("scheduled; author Liisa Lakimies", entry.Details, StringComparison.Ordinal);

        // Too late to cancel now.
        var cancel = await _portal.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<DraftReview>()
            .CancelAsync(int.Parse(reviewUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), new EditorIdentity("local:Outi Oikeusyksikkö", "Outi Oikeusyksikkö"), CancellationToken.None);
        Assert.Equal("Review_CancelTooLate", Assert.Single(cancel.Problems).MessageKey);
    }

    [Fact]
    public async Task A_version_another_scheduled_publication_has_taken_is_refused()
    {
        var author = await _portal.SignedInAsync("Editor", "Liisa Lakimies");
        var reviewer = await _portal.SignedInAsync("Editor", "Outi Oikeusyksikkö");
        var first = await SubmitAsync(author);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(reviewer, first, Later("2026-11-21", "09:00"))).Approved.StatusCode);

        var second = await _portal.WithDbAsync(async db =>
        {
            var copy = await db.ChapterDrafts.AsNoTracking().SingleAsync();
            copy.Id = 0;
            copy.State = DraftState.Submitted;
            copy.PublishAt = null;
            db.ChapterDrafts.Add(copy);
            await db.SaveChangesAsync();
            return copy.Id;
        });

        var refused = await HtmlClient.ParseAsync((await ApproveAsync(reviewer, EditorUrls.Review(Language.Fi, second), Later("2026-11-22", "09:00"))).Approved);
        Assert.Contains("Sama versio on jo ajastettu", refused.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> NoFields => [];

    private static Dictionary<string, string> Later(string date, string time) => new()
    {
        ["Input.When"] = "later",
        ["Input.PublishDate"] = date,
        ["Input.PublishTime"] = time,
    };
}

/// <summary>Two instances of the portal on one database and one content folder, as replicas run.</summary>
public sealed class ScheduledPublicationReplicasTests : IAsyncLifetime
{
    // The background services' timers never fire here: the test runs both instances' scheduler step itself, at the same moment.
    private const string Never = "1.00:00:00";

    private readonly EditorPortal _first = new(factory => factory.WithSetting("Editing:RequireReview", "true").WithSetting("Editing:SchedulePollInterval", Never));
    private PortalFactory _second = null!;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new PortalFactory(_first.ContentRoot)
            .WithClock(EditorPortal.Start)
            .WithSetting("Editing:RequireReview", "true")
            .WithSetting("Editing:SchedulePollInterval", Never)
            .WithSetting("Database:ConnectionString", $"Data Source={_first.Factory.DatabasePath}");
        _ = _second.Services;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task A_due_publication_is_published_exactly_once_when_two_instances_run_at_once()
    {
        var id = await _first.WithDbAsync(async db =>
        {
            var draft = new ChapterDraft
            {
                ChapterId = "oikeusperusteet", Language = Language.Fi, Version = new VersionNumber(2, 0), Status = VersionStatus.Published,
                Title = "Käsittelyn oikeusperusteet", Summary = "Uusi pääversio.", Markdown = CurrentText() + "\n\n## Uusi rakenne\n\nTeksti.\n",
                UpdatedBy = "Liisa Lakimies", UpdatedAt = EditorPortal.Start.UtcDateTime, State = DraftState.Scheduled,
                SubmittedById = "local:Liisa Lakimies", SubmittedByName = "Liisa Lakimies", SubmittedAt = EditorPortal.Start.UtcDateTime,
                ReviewedById = "local:Outi Oikeusyksikkö", ReviewedByName = "Outi Oikeusyksikkö", ReviewedAt = EditorPortal.Start.UtcDateTime,
                PublishAt = EditorPortal.Start.UtcDateTime.AddMinutes(1),
            };
            db.ChapterDrafts.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });

        // Both instances' scheduler step at the same moment, several times over.
        _first.Factory.Clock!.Advance(TimeSpan.FromMinutes(2));
        _second.Clock!.Advance(TimeSpan.FromMinutes(2));
        var results = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { RunAsync(_first.Factory), RunAsync(_second) }));

        Assert.Equal(1, results.Sum());
        Assert.DoesNotContain(await _first.AuditAsync(), e => e.Action == AuditAction.ScheduledPublicationFailed);
        Assert.True(File.Exists(Path.Combine(_first.ContentRoot, "chapters/oikeusperusteet/fi/2.0.md")));
        Assert.Single(await _first.AuditAsync(), e => e.Action == AuditAction.VersionPublished);
        Assert.Equal(DraftState.Published, await _first.WithDbAsync(db => db.ChapterDrafts.Where(d => d.Id == id).Select(d => d.State).SingleAsync()));

        // The other instance's readers see it once its content watcher notices the new file.
        var client = _second.CreateClient();
        var shown = string.Empty;
        for (var waited = 0; shown != "2.0" && waited < 50; waited++)
        {
            await Task.Delay(100);
            shown = (await client.GetPageAsync("/luku/kasittelyn-oikeusperusteet")).Document.QuerySelector(".version-meta dd")!.TextContent.Trim();
        }

        Assert.Equal("2.0", shown);
    }

    [Fact]
    public async Task A_publication_another_instance_holds_is_left_alone_until_its_lease_runs_out()
    {
        var now = EditorPortal.Start.UtcDateTime;
        var id = await _first.WithDbAsync(async db =>
        {
            // The first instance claimed it a moment ago and is publishing it.
            var draft = new ChapterDraft
            {
                ChapterId = "oikeusperusteet", Language = Language.Fi, Version = new VersionNumber(1, 3), Status = VersionStatus.Published,
                Title = "Käsittelyn oikeusperusteet", Summary = "Lisätty osio.", Markdown = CurrentText() + "\n\n## Lisätty osio\n\nTeksti.\n",
                UpdatedBy = "Liisa Lakimies", UpdatedAt = now, State = DraftState.Publishing, PublishAt = now, ClaimedUntil = now.AddMinutes(2),
                SubmittedById = "local:Liisa Lakimies", SubmittedByName = "Liisa Lakimies", SubmittedAt = now,
            };
            db.ChapterDrafts.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });

        _second.Clock!.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunAsync(_second));
        Assert.False(File.Exists(Path.Combine(_first.ContentRoot, "chapters/oikeusperusteet/fi/1.3.md")));

        // The first instance stopped mid-publication: once the lease has run out, the second takes over.
        _second.Clock!.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await RunAsync(_second));
        Assert.True(File.Exists(Path.Combine(_first.ContentRoot, "chapters/oikeusperusteet/fi/1.3.md")));
        Assert.Equal(DraftState.Published, await _first.WithDbAsync(db => db.ChapterDrafts.Where(d => d.Id == id).Select(d => d.State).SingleAsync()));
    }

    /// <summary>Version 1.2's text without its front matter: other chapters link to its sections, so a new version keeps them.</summary>
    private string CurrentText()
    {
        var file = File.ReadAllText(Path.Combine(_first.ContentRoot, "chapters/oikeusperusteet/fi/1.2.md"));
        return file[(file.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..].Trim();
    }

    private static async Task<int> RunAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DraftReview>().PublishDueAsync(CancellationToken.None);
    }
}

/// <summary>
/// "Preview and check" without review required (Testing's default): every problem in one pass,
/// the preview beside a comparison with the current version, and publishing only after a
/// confirmation that names what is published.
/// </summary>
public sealed class DraftPreviewTests : IAsyncLifetime
{
    private const string NewVersionForm = "/toimitus/luonnokset/uusi?chapter=oikeusperusteet&language=fi";

    private readonly EditorPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Missing_fields_and_the_texts_own_problems_come_in_one_pass_and_name_the_field()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync(NewVersionForm);

        var page = await HtmlClient.ParseAsync(await editor.PostFormAsync(form, "form.editor-form", new Dictionary<string, string>
        {
            ["Input.Title"] = " ",
            ["Input.Summary"] = string.Empty,
            ["Input.Markdown"] = "## Osio\n\nTekstiä.\n\n# Pääotsikko ei kuulu lukuun\n",
        }, "Preview"));

        var summary = page.Document.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Anna versiolle otsikko.", summary);
        Assert.Contains("Kerro, mitä versiossa muuttui.", summary);
        Assert.Contains(summary, line => line.StartsWith("Rivi 5:", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, line => line.Contains("Täytä tämä kenttä", StringComparison.Ordinal));
        Assert.Null(page.Document.QuerySelector("#draft-result"));
    }

    [Fact]
    public async Task The_preview_shows_the_changes_against_the_current_version_and_publishing_asks_first()
    {
        var editor = await _portal.SignedInAsync("Editor");
        var form = await editor.GetPageAsync(NewVersionForm);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Käsittelyn oikeusperusteet",
            ["Input.Summary"] = "Lisätty osio.",
            ["Input.Markdown"] = form.Document.QuerySelector("textarea#Input_Markdown")!.TextContent.TrimEnd() + "\n\n## Uusi osio\n\nKunta voi käsitellä tietoja.\n",
            ["Input.Version"] = "1.3",
            ["Input.Status"] = "Published",
        };

        var preview = await HtmlClient.ParseAsync(await editor.PostFormAsync(form, "form.editor-form", fields, "Preview"));
        var result = preview.Document.GetElementById("draft-result")!;
        Assert.NotNull(result.GetAttribute("data-focus-on-load"));
        Assert.NotNull(result.QuerySelector(".preview h2#uusi-osio"));
        // Against what readers see now: 1.1, the current version (1.2 is out for comments).
        Assert.Contains("versioon 1.1", result.TextContent, StringComparison.Ordinal);
        Assert.Contains(result.QuerySelectorAll(".comparison .change--added"), block => block.TextContent.Contains("Uusi osio", StringComparison.Ordinal));
        // The comparison's headings have ids of their own, apart from the preview's.
        Assert.NotNull(result.QuerySelector(".comparison #muutos-uusi-osio"));

        var confirm = await HtmlClient.ParseAsync(await editor.PostFormAsync(preview, "form.editor-form", fields, "ConfirmPublish"));
        Assert.Contains("Julkaistaanko luku 2: Käsittelyn oikeusperusteet, suomi, versio 1.3, tila: Julkaistu?", confirm.Document.QuerySelector(".confirmation")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(_portal.ContentFiles().Keys, k => k.EndsWith("1.3.md", StringComparison.Ordinal));
        Assert.Equal("?handler=Publish", confirm.Document.QuerySelector(".confirmation button[form=draft-form]")!.GetAttribute("formaction"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(confirm, "form.editor-form", fields, "Publish")).StatusCode);
        Assert.Contains("chapters/oikeusperusteet/fi/1.3.md", _portal.ContentFiles().Keys);
    }
}
