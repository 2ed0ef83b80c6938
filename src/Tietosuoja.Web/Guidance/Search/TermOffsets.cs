namespace Tietosuoja.Web.Guidance.Search;

/// <summary>Numbers for the terms of one language index, so that offsets are kept as integers.</summary>
internal sealed class TermIds
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    /// <summary>During the build only (one thread): the term's number, new ones numbered as they come.</summary>
    public int Add(string term)
    {
        if (!_ids.TryGetValue(term, out var id))
        {
            id = _ids.Count;
            _ids.Add(term, id);
        }

        return id;
    }

    /// <summary>After the build (read-only, so safe for concurrent searches): the numbers of the terms the index has.</summary>
    public int[] Of(IEnumerable<string> terms) =>
        [.. terms.Select(t => _ids.TryGetValue(t, out var id) ? id : -1).Where(id => id >= 0).Distinct()];
}

/// <summary>
/// Where each term of a text is, as the search analyzer (with compound parts) saw it: term numbers
/// sorted, with the characters each came from. A snippet marks the matched words from these
/// instead of analyzing the text again or reading term vectors from the index.
/// </summary>
internal sealed class TermOffsets
{
    private static readonly TermOffsets None = new([], [], []);

    private readonly int[] _terms;
    private readonly int[] _starts;
    private readonly int[] _ends;

    private TermOffsets(int[] terms, int[] starts, int[] ends)
    {
        _terms = terms;
        _starts = starts;
        _ends = ends;
    }

    public static TermOffsets Of(GuidanceAnalyzer analyzer, string text, TermIds ids)
    {
        if (text.Length == 0)
        {
            return None;
        }

        var tokens = analyzer.Tokens(text).Select(t => (Term: ids.Add(t.Term), t.Start, t.End)).Distinct().OrderBy(t => t.Term).ThenBy(t => t.Start).ToList();
        return new TermOffsets([.. tokens.Select(t => t.Term)], [.. tokens.Select(t => t.Start)], [.. tokens.Select(t => t.End)]);
    }

    /// <summary>
    /// The spans of the words that matched by one of <paramref name="stems"/> (the query words' own
    /// base forms or stems); only where none did, those that matched by any term, compound parts included.
    /// </summary>
    public List<(int Start, int End)> Marks(int[] stems, int[] all)
    {
        var marks = Spans(stems);
        return marks.Count > 0 || all.Length == stems.Length ? marks : Spans(all);
    }

    private List<(int Start, int End)> Spans(int[] terms)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var term in terms)
        {
            var i = Array.BinarySearch(_terms, term);
            if (i < 0)
            {
                continue;
            }

            while (i > 0 && _terms[i - 1] == term)
            {
                i--;
            }

            for (; i < _terms.Length && _terms[i] == term; i++)
            {
                spans.Add((_starts[i], _ends[i]));
            }
        }

        return spans;
    }
}
