using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Comments;

/// <summary>The comment form for one chapter version, on the whole chapter or one section. No account needed.</summary>
public sealed class SubmitModel(
    ContentStore store,
    IStringLocalizer<SharedResource> text,
    RoundCatalog rounds,
    CommentService comments,
    SubmissionGuard guard) : CommentFormPageModel(store, text)
{
    public Chapter Chapter { get; private set; } = null!;

    public ChapterVersion Version { get; private set; } = null!;

    /// <summary>The round open for this version; null when the version is not open for comments now.</summary>
    public RoundInfo? Round { get; private set; }

    [BindProperty]
    public string? FormStamp { get; set; }

    [BindProperty(Name = SubmissionGuard.HoneypotField)]
    public string? Honeypot { get; set; }

    public override string Title => T["CommentFormTitle", Version.Title, Version.Version];

    /// <summary>True when the version exists only in the other language: its text is shown as it is, with a note that comments are welcome in the reader's language.</summary>
    public bool IsInOtherLanguage => Version.Language != Language;

    /// <summary>The form's own address, in the reader's language even when the text is in the other one.</summary>
    public string FormUrl => SiteUrls.CommentForm(Chapter, Language, Version.Version);

    /// <summary>The chapter in the reader's language, or the version itself when the chapter has no text in it yet.</summary>
    public string ChapterUrl => Chapter.IsAvailableIn(Language) ? SiteUrls.Chapter(Chapter, Language) : SiteUrls.Version(Chapter, Version);

    /// <summary>The section being commented on, when it is one of the version's headings.</summary>
    public Heading? ChosenSection => Input.Section is { } anchor ? Version.Body.Headings.FirstOrDefault(h => h.Anchor == anchor) : null;

    /// <summary>
    /// The same form in the other language: that language's text of the version when there is one
    /// (the section kept only if its anchor exists there too), else the same text under the other
    /// language's address.
    /// </summary>
    public override string AlternateLanguageUrl
    {
        get
        {
            var other = Language.Other();
            var shown = Chapter.Find(other, Version.Version) ?? Version;
            var section = Input.Section is { } anchor && shown.Body.HasAnchor(anchor) ? anchor : null;
            return SiteUrls.CommentForm(Chapter, other, Version.Version, section);
        }
    }

    public IActionResult OnGet(string slug, string version, string? section)
    {
        if (!Resolve(slug, version))
        {
            return NotFound();
        }

        if (section is not null && !Version.Body.HasAnchor(section))
        {
            return NotFound();
        }

        Input.Section = section;
        FormStamp = guard.IssueStamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string version, CancellationToken cancellationToken)
    {
        if (!Resolve(slug, version))
        {
            return NotFound();
        }

        if (Round is null)
        {
            AddRefusal(CommentRefusal.RoundNotOpen);
            return Page();
        }

        var guardRefusal = guard.Check(FormStamp, Honeypot);
        switch (guardRefusal)
        {
            case GuardRefusal.Honeypot:
                AddProblem(null, "Refusal_Honeypot");
                break;
            case GuardRefusal.TooFast:
                AddProblem(null, "Refusal_TooFast");
                break;
            case GuardRefusal.FormExpired:
                AddProblem(null, "Refusal_FormExpired");
                break;
            default:
                AddProblems(Input.Validate(Version));
                break;
        }

        if (HasProblems)
        {
            PortalMetrics.CommentsRefused.Add(1, PortalMetrics.Tag("reason", guardRefusal?.ToString() ?? "Invalid"));
            return Reshow();
        }

        // The same form sent again (a double click, a resend after a slow answer) is not a new
        // comment and does not count against the rate limit: it leads to the first one's link.
        if (await comments.SentWithAsync(FormStamp!, cancellationToken) is { } earlier)
        {
            return Sent(earlier);
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (acquired, retryAfter) = await guard.TryAcquireAsync(address, cancellationToken);
        if (!acquired)
        {
            AddProblem(null, "Refusal_RateLimited", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)));
            PortalMetrics.CommentsRefused.Add(1, PortalMetrics.Tag("reason", nameof(GuardRefusal.RateLimited)));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Reshow();
        }

        return Sent(await comments.SubmitAsync(Round.Id, Version, Input, FormStamp!, cancellationToken));
    }

    /// <summary>The confirmation on the private link, or the form again with what kept the comment from being stored.</summary>
    private IActionResult Sent(CommentResult result)
    {
        if (result.Succeeded)
        {
            PortalMetrics.CommentsSubmitted.Add(1);
            return Redirect(SiteUrls.CommentLink(Language, result.Token!) + "?sent=true");
        }

        AddProblems(result.Problems);
        if (result.Refusal is { } refusal)
        {
            PortalMetrics.CommentsRefused.Add(1, PortalMetrics.Tag("reason", refusal.ToString()));
            AddRefusal(refusal);
        }

        return Reshow();
    }

    public override bool CanShowFormAgain => Version is not null && Round is not null;

    public override void ShowAgainAfterDatabaseFailure()
    {
        base.ShowAgainAfterDatabaseFailure();
        FormStamp = guard.IssueStamp();
    }

    /// <summary>The form again with everything as typed, and a fresh time stamp so the next try is not refused as stale.</summary>
    private PageResult Reshow()
    {
        FormStamp = guard.IssueStamp();
        return Page();
    }

    private bool Resolve(string slug, string version)
    {
        // The chapter by its slug in the reader's language even before it has text in that language:
        // a Finnish-only draft is commented on from the Swedish pages at a Swedish address.
        if (Snapshot.Chapters.FirstOrDefault(c => string.Equals(c.Slug(Language), slug, StringComparison.OrdinalIgnoreCase)) is not { } chapter
            || !VersionNumber.TryParse(version, out var number)
            || (chapter.Find(Language, number) ?? chapter.Find(Language.Other(), number)) is not { } found)
        {
            return false;
        }

        Chapter = chapter;
        Version = found;
        Round = rounds.OpenRoundFor(chapter.Id, number);
        return true;
    }
}
