using System.Globalization;
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

    // Room for a snippet of the default length with its marks and entities in one chunk, which
    // Clear keeps; a longer text (a rare long heading) only grows the buffer of that thread.
    private const int BufferCapacity = 1024;

    [ThreadStatic]
    private static StringWriter? _buffer;

    /// <summary>
    /// HTML-encoded text with &lt;mark&gt; around the matched words (their offsets come from the
    /// index's term vectors), at most about <paramref name="maxLength"/> characters.
    /// </summary>
    public static string Highlight(string text, IEnumerable<(int Start, int End)> matches, int maxLength)
    {
        var marks = Ordered(matches);
        var (start, end) = Window(text, marks, maxLength);

        // Encoded straight from the text into one buffer per thread, kept between snippets (twenty
        // a page): no substring per word or per mark, and no buffer per snippet.
        var html = _buffer ??= new StringWriter(new StringBuilder(BufferCapacity), CultureInfo.InvariantCulture);
        html.GetStringBuilder().Clear();
        if (start > 0)
        {
            html.Write('…');
        }

        var position = start;
        foreach (var (markStart, markEnd) in marks)
        {
            if (markStart < position || markStart < start || markEnd > end)
            {
                continue;
            }

            Encoder.Encode(html, text, position, markStart - position);
            html.Write("<mark>");
            Encoder.Encode(html, text, markStart, markEnd - markStart);
            html.Write("</mark>");
            position = markEnd;
        }

        Encoder.Encode(html, text, position, end - position);
        if (end < text.Length)
        {
            html.Write('…');
        }

        return html.ToString();
    }

    /// <summary>
    /// The matches once each, by where they start; matches that start at the same place keep the
    /// order they came in (as a stable sort would), since the first of them is the one marked.
    /// </summary>
    private static List<(int Start, int End)> Ordered(IEnumerable<(int Start, int End)> matches)
    {
        var all = matches as IReadOnlyList<(int Start, int End)> ?? [.. matches];
        // Start in the high half, arrival in the low: one primitive sort is a stable sort by start.
        Span<long> keys = all.Count <= 256 ? stackalloc long[all.Count] : new long[all.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)all[i].Start << 32) | (uint)i;
        }

        keys.Sort();
        var ordered = new List<(int Start, int End)>(keys.Length);
        var groupStart = 0;
        foreach (var key in keys)
        {
            var mark = all[(int)(key & uint.MaxValue)];
            if (ordered.Count == 0 || ordered[^1].Start != mark.Start)
            {
                groupStart = ordered.Count;
            }
            else if (ordered.IndexOf(mark, groupStart) >= 0)
            {
                continue;
            }

            ordered.Add(mark);
        }

        return ordered;
    }

    private static (int Start, int End) Window(string text, List<(int Start, int End)> marks, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return (0, text.Length);
        }

        // Start a little before the mark that has the most other marks within reach. Marks that
        // start at the same place reach the same marks, so each place is counted once.
        var best = 0;
        var bestCount = -1;
        for (var i = 0; i < marks.Count; i++)
        {
            if (i > 0 && marks[i].Start == marks[i - 1].Start)
            {
                continue;
            }

            var reach = marks[i].Start + maxLength;
            var count = 0;
            for (var j = i; j < marks.Count && marks[j].Start <= reach; j++)
            {
                if (marks[j].End <= reach)
                {
                    count++;
                }
            }

            if (count > bestCount)
            {
                best = marks[i].Start;
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
