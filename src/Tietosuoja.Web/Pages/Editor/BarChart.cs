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

    public int Height => Math.Max(1, Rows.Count) * RowHeight + 8;

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
        for (var i = 0; i < Rows.Count; i++)
        {
            var y = i * RowHeight + 4;
            var length = BarLength(Rows[i].Count);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\" class=\"chart__label\">{HtmlEncoder.Default.Encode(Shorten(Rows[i].Label))}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarHeight}\" class=\"chart__bar\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + 14}\" class=\"chart__value\">{Rows[i].Count}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Labels longer than the label column are shortened in the picture; the table has them whole.</summary>
    public static string Shorten(string label) => label.Length <= 42 ? label : label[..41] + "…";
}
