using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.UnitTests.Guidance.Search;

/// <summary>
/// The snippet cut from a section: the same passage and the same marks as the plain way of doing
/// it (every mark counted against every other), written out here as the reference, for texts and
/// marks of every shape: repeated, overlapping, starting at the same place, near the ends.
/// </summary>
public sealed class SnippetTests
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_snippet_is_the_passage_with_the_most_marks_whatever_the_marks(int seed)
    {
        var random = new Random(seed);
        var words = new[] { "kunta", "käsittelee", "<tietoja>", "&", "rekisterinpitäjänä", "ja", "”suostumus”", "å", "tieto" };
        for (var round = 0; round < 300; round++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 120)).Select(_ => words[random.Next(words.Length)]));
            var marks = Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
            {
                var start = random.Next(text.Length);
                return (start, Math.Min(text.Length, start + random.Next(1, 12)));
            }).ToList();
            // Some marks twice, as when a word matched both by itself and by a compound part.
            marks.AddRange(marks.Where((_, i) => i % 3 == 0).ToList());
            var length = random.Next(2) == 0 ? Snippet.DefaultLength : random.Next(20, 400);

            Assert.Equal(Reference(text, marks, length), Snippet.Highlight(text, marks, length));
        }
    }

    [Fact]
    public void Of_two_marks_from_one_place_the_first_given_is_marked()
    {
        Assert.Equal("<mark>rekisterinpitäjä</mark>n tehtävät", Snippet.Highlight("rekisterinpitäjän tehtävät", [(0, 16), (0, 17)], 240));
        Assert.Equal("<mark>rekisterinpitäjän</mark> tehtävät", Snippet.Highlight("rekisterinpitäjän tehtävät", [(0, 17), (0, 16)], 240));
    }

    private static string Reference(string text, IEnumerable<(int Start, int End)> matches, int maxLength)
    {
        var marks = matches.Distinct().OrderBy(m => m.Start).ToList();
        var (start, end) = (0, text.Length);
        if (text.Length > maxLength)
        {
            var best = 0;
            var bestCount = -1;
            foreach (var mark in marks)
            {
                var count = marks.Count(m => m.Start >= mark.Start && m.End <= mark.Start + maxLength);
                if (count > bestCount)
                {
                    (best, bestCount) = (mark.Start, count);
                }
            }

            start = Math.Max(0, best - (maxLength / 5));
            if (start > 0)
            {
                var space = text.IndexOf(' ', start);
                start = space >= 0 && space < best ? space + 1 : start;
            }

            end = Math.Min(text.Length, start + maxLength);
            if (end < text.Length)
            {
                var space = text.LastIndexOf(' ', end);
                end = space > start ? space : end;
            }
        }

        var html = new StringBuilder(start > 0 ? "…" : string.Empty);
        var position = start;
        foreach (var (markStart, markEnd) in marks.Where(m => m.Start >= start && m.End <= end))
        {
            if (markStart < position)
            {
                continue;
            }

            html.Append(Encoder.Encode(text[position..markStart])).Append("<mark>").Append(Encoder.Encode(text[markStart..markEnd])).Append("</mark>");
            position = markEnd;
        }

        return html.Append(Encoder.Encode(text[position..end])).Append(end < text.Length ? "…" : string.Empty).ToString();
    }
}
