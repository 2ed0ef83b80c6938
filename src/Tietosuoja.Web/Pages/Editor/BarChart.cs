using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Tietosuoja.Web.Pages.Editor;

public sealed record BarChartRow(string Label, int Count);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG, always shown with a table of the same
/// numbers: the table is what screen readers and copy-paste use, the picture is for the eye.
/// </summary>
public sealed record BarChart(string Id, string Title, string LabelHeader, IReadOnlyList<BarChartRow> Rows)
{
    public const int Width = 720;
    public const int LabelWidth = 300;
    public const int RowHeight = 28;
    public const int BarHeight = 18;

    public const int LineHeight = 16;

    /// <summary>Characters per label line: what fits the label column at the chart's font size.</summary>
    public const int LineLength = 36;

    public int Height => Rows.Sum(r => RowHeightOf(r)) + 8;

    public int Max => Rows.Count == 0 ? 0 : Rows.Max(r => r.Count);

    /// <summary>Bar length in SVG units; leaves room for the count after the longest bar.</summary>
    public double BarLength(int count) => Max == 0 ? 0 : (Width - LabelWidth - 60) * (double)count / Max;

    /// <summary>
    /// The picture. Built here rather than in Razor because Razor treats SVG's &lt;text&gt; as its own
    /// markup tag. Hidden from assistive technology: the table next to it carries the same numbers.
    /// </summary>
    public string Svg()
    {
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart__svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\">");
        var y = 4;
        foreach (var row in Rows)
        {
            var lines = Lines(row.Label);
            var length = BarLength(row.Count);
            // The bar sits level with the label's middle line, however many lines the label needs.
            var barY = y + (RowHeightOf(row) - 8 - BarHeight) / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<text y=\"{y + 14}\" text-anchor=\"end\" class=\"chart__label\">");
            for (var i = 0; i < lines.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{LabelWidth - 8}\" dy=\"{(i == 0 ? 0 : LineHeight)}\">{HtmlEncoder.Default.Encode(lines[i])}</tspan>");
            }

            svg.Append("</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{barY}\" width=\"{length:0.#}\" height=\"{BarHeight}\" class=\"chart__bar\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{barY + 14}\" class=\"chart__value\">{row.Count}</text>");
            y += RowHeightOf(row);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// A label wrapped at spaces into lines that fit the label column, never shortened: long Finnish
    /// status and section names are read whole. A word longer than a line is broken where it must be.
    /// </summary>
    public static IReadOnlyList<string> Lines(string label)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = LineLength - line.Length - (line.Length > 0 ? 1 : 0);
                if (rest.Length <= room)
                {
                    line.Append(line.Length > 0 ? " " : "").Append(rest);
                    rest = "";
                }
                else if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else
                {
                    lines.Add(rest[..LineLength]);
                    rest = rest[LineLength..];
                }
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private static int RowHeightOf(BarChartRow row) => Math.Max(RowHeight, (Lines(row.Label).Count * LineHeight) + 12);
}
