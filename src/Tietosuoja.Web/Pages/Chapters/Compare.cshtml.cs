using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Chapters;

/// <summary>
/// What changed between two versions of a chapter, at /luku/{slug}/vertailu/{from}/{to}. Without
/// versions the address takes them from the query string (the comparison form) or, if none are
/// given, compares the current version with the one before it; either way it redirects to the
/// permanent address, with the older version first.
/// </summary>
[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class CompareModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public Chapter Chapter { get; private set; } = null!;

    public VersionComparison Comparison { get; private set; } = null!;

    public override string PageTitle => T["CompareTitle", Comparison.To.Title, Comparison.From.Version, Comparison.To.Version];

    public override string AlternateLanguageUrl
    {
        get
        {
            var other = Language.Other();
            return Chapter.Find(other, Comparison.From.Version) is not null && Chapter.Find(other, Comparison.To.Version) is not null
                ? SiteUrls.Compare(Chapter, other, Comparison.From.Version, Comparison.To.Version)
                : Chapter.IsAvailableIn(other) ? SiteUrls.History(Chapter, other) : SiteUrls.Home(other);
        }
    }

    /// <summary>The id of a heading on this page; removed headings get their own prefix, so ids stay unique.</summary>
    public static string HeadingId(string anchor, bool removed) => removed ? "poistettu-" + anchor : anchor;

    public const string IntroductionId = "vertailu";

    /// <summary>
    /// A block's text with its changes: additions in &lt;ins&gt;, deletions in &lt;del&gt;, each also
    /// told in words for screen readers, and a visible label on changed blocks, so nothing depends
    /// on colour. Written without whitespace between pieces, which Razor markup would add.
    /// </summary>
    public IHtmlContent Pieces(ComparedBlock block) => Pieces(block, T);

    /// <summary>The same markup for any page that shows a comparison (the translation view too).</summary>
    public static IHtmlContent Pieces(ComparedBlock block, IStringLocalizer<SharedResource> T)
    {
        var html = new HtmlContentBuilder();
        var label = block.Change switch
        {
            Change.Added => T["BlockAdded"].Value,
            Change.Removed => T["BlockRemoved"].Value,
            Change.Modified => T["BlockModified"].Value,
            _ => null,
        };
        if (label is not null)
        {
            html.AppendHtml("<span class=\"change-label\">").Append(label).AppendHtml("</span> ");
        }

        html.AppendHtml(WordPieces(block.Pieces, T));
        return html;
    }

    /// <summary>
    /// Words of a word diff as HTML: added ones in <c>ins</c>, removed ones in <c>del</c>, each with
    /// where it starts and ends spelled out for screen readers. Shared with the editors' view of a
    /// comment edited after its answer.
    /// </summary>
    public static IHtmlContent WordPieces(IEnumerable<DiffPiece> pieces, IStringLocalizer<SharedResource> text)
    {
        var html = new HtmlContentBuilder();
        foreach (var piece in pieces)
        {
            (string? tag, string start) = piece.Change switch
            {
                Change.Added => ("ins", text["InsertedStart"].Value),
                Change.Removed => ("del", text["DeletedStart"].Value),
                _ => (null, string.Empty),
            };
            if (tag is null)
            {
                html.Append(piece.Text);
                continue;
            }

            html.AppendHtml($"<{tag}><span class=\"visually-hidden\">").Append(start).AppendHtml("</span>")
                .Append(piece.Text)
                .AppendHtml("<span class=\"visually-hidden\">").Append(text["ChangeEnd"].Value).AppendHtml($"</span></{tag}>");
        }

        return html;
    }

    public IActionResult OnGet(string slug, string? from, string? to)
    {
        if (Snapshot.FindChapter(Language, slug) is not { } chapter)
        {
            return NotFound();
        }

        Chapter = chapter;
        if (from is null || to is null)
        {
            from ??= Request.Query["from"];
            to ??= Request.Query["to"];
            if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(to) && chapter.Current(Language) is { } current)
            {
                return chapter.Previous(current) is { } previous
                    ? Redirect(SiteUrls.Compare(chapter, Language, previous.Version, current.Version))
                    : NotFound();
            }
        }

        if (!VersionNumber.TryParse(from, out var fromNumber) || !VersionNumber.TryParse(to, out var toNumber)
            || chapter.Find(Language, fromNumber) is not { } older || chapter.Find(Language, toNumber) is not { } newer)
        {
            return NotFound();
        }

        if (older.Version > newer.Version)
        {
            (older, newer) = (newer, older);
        }

        var canonical = SiteUrls.Compare(chapter, Language, older.Version, newer.Version);
        if (!string.Equals(Request.Path.Value, canonical, StringComparison.Ordinal))
        {
            return Redirect(canonical);
        }

        Comparison = VersionComparison.Compare(older, newer);
        return Page();
    }
}
