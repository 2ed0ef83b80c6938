using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

/// <summary>
/// The word-level comparison of two versions as readers see it (Pages/Shared/_Comparison), shown
/// on the public comparison page and in the editor's preview. <paramref name="IdPrefix"/> keeps the
/// ids of its headings apart from those of a rendered chapter on the same page;
/// <paramref name="HeadingLevel"/> is the level of its own headings (blocks' headings go below it).
/// </summary>
public sealed record ComparisonView(VersionComparison Comparison, PortalPageModel Page, string IdPrefix = "", int HeadingLevel = 2)
{
    /// <summary>The id of the text's heading, also the target for the introduction's changes.</summary>
    public string IntroductionId => IdPrefix + "vertailu";

    public string ChangedSectionsId => IdPrefix + "changed-sections";

    /// <summary>The id of a heading in the text; removed headings get their own prefix, so ids stay unique.</summary>
    public string HeadingId(string anchor, bool removed) => IdPrefix + (removed ? "poistettu-" + anchor : anchor);

    /// <summary>
    /// A block's text with its changes: additions in &lt;ins&gt;, deletions in &lt;del&gt;, each also
    /// told in words for screen readers, and a visible label on changed blocks, so nothing depends
    /// on colour. Written without whitespace between pieces, which Razor markup would add.
    /// </summary>
    public IHtmlContent Pieces(ComparedBlock block) => Pieces(block, Page.T);

    public static IHtmlContent Pieces(ComparedBlock block, IStringLocalizer text)
    {
        var html = new HtmlContentBuilder();
        var label = block.Change switch
        {
            Change.Added => text["BlockAdded"].Value,
            Change.Removed => text["BlockRemoved"].Value,
            Change.Modified => text["BlockModified"].Value,
            _ => null,
        };
        if (label is not null)
        {
            html.AppendHtml("<span class=\"change-label\">").Append(label).AppendHtml("</span> ");
        }

        html.AppendHtml(WordPieces(block.Pieces, text));
        return html;
    }

    /// <summary>
    /// Words of a word diff as HTML: added ones in <c>ins</c>, removed ones in <c>del</c>, each with
    /// where it starts and ends spelled out for screen readers. Shared with the editors' view of a
    /// comment edited after its answer.
    /// </summary>
    public static IHtmlContent WordPieces(IEnumerable<DiffPiece> pieces, IStringLocalizer text)
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
}
