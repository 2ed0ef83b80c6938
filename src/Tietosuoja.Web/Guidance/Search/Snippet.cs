using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// Cuts the passage of a text that holds the most matched words and marks them. A word is marked
/// where the index matched a term of the query, so "rekisterinpitäjän" is marked for the query
/// "rekisterinpitäjä".
/// </summary>
public static class Snippet
{
    public const int DefaultLength = 240;

    // Encodes markup characters only, so Finnish and Swedish letters stay readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// HTML-encoded text with &lt;mark&gt; around the matched words (their offsets come from the
    /// index's term vectors), at most about <paramref name="maxLength"/> characters.
    /// </summary>
    public static string Highlight(string text, IEnumerable<(int Start, int End)> matches, int maxLength)
    {
        var marks = matches.Distinct().OrderBy(m => m.Start).ToList();
        var (start, end) = Window(text, marks, maxLength);

        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        var position = start;
        foreach (var (markStart, markEnd) in marks.Where(m => m.Start >= start && m.End <= end))
        {
            if (markStart < position)
            {
                continue;
            }

            html.Append(Encoder.Encode(text[position..markStart]))
                .Append("<mark>").Append(Encoder.Encode(text[markStart..markEnd])).Append("</mark>");
            position = markEnd;
        }

        html.Append(Encoder.Encode(text[position..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    private static (int Start, int End) Window(string text, List<(int Start, int End)> marks, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return (0, text.Length);
        }

        // Start a little before the mark that has the most other marks within reach.
        var best = 0;
        var bestCount = -1;
        foreach (var mark in marks)
        {
            var count = marks.Count(m => m.Start >= mark.Start && m.End <= mark.Start + maxLength);
            if (count > bestCount)
            {
                best = mark.Start;
                bestCount = count;
            }
        }

        var start = Math.Max(0, best - (maxLength / 5));
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < best ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + maxLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            end = space > start ? space : end;
        }

        return (start, end);
    }
}
