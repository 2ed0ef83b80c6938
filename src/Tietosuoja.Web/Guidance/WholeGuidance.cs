using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// Fits a chapter's rendered HTML into the one-page whole guidance: section ids get the chapter's
/// id as a prefix (several chapters have a "johdanto"), same-page links follow them, and headings
/// move one level down under the chapter's own heading, so the page has one outline.
/// </summary>
public static class WholeGuidance
{
    private static readonly HtmlParser Parser = new();

    public static string Anchor(Chapter chapter, string? anchor = null) =>
        anchor is null ? "luku-" + chapter.Id : $"{chapter.Id}--{anchor}";

    public static string ChapterHtml(Chapter chapter, ChapterVersion version)
    {
        var document = Parser.ParseDocument(string.Empty);
        var body = document.Body!;
        foreach (var node in Parser.ParseFragment(version.Body.Html, body).ToList())
        {
            body.AppendChild(node);
        }

        foreach (var element in body.QuerySelectorAll("[id]"))
        {
            element.Id = Anchor(chapter, element.Id);
        }

        foreach (var link in body.QuerySelectorAll("a[href^='#']"))
        {
            link.SetAttribute("href", "#" + Anchor(chapter, link.GetAttribute("href")![1..]));
        }

        foreach (var heading in body.QuerySelectorAll("h2, h3, h4, h5").ToList())
        {
            var level = heading.LocalName[1] - '0';
            var lower = document.CreateElement("h" + (level + 1));
            foreach (var attribute in heading.Attributes.ToList())
            {
                lower.SetAttribute(attribute.Name, attribute.Value);
            }

            while (heading.FirstChild is { } child)
            {
                lower.AppendChild(child);
            }

            heading.Replace(lower);
        }

        return body.InnerHtml;
    }
}
