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

    /// <summary>The terms by number, for storing the index (<see cref="GuidanceSearchIndex"/>); read back with <see cref="Add"/> in this order.</summary>
    public IReadOnlyList<string> InOrder()
    {
        var terms = new string[_ids.Count];
        foreach (var (term, id) in _ids)
        {
            terms[id] = term;
        }

        return terms;
    }

    /// <summary>Whether the index has any of <paramref name="terms"/> (read-only after the build).</summary>
    public bool Any(IEnumerable<string> terms)
    {
        foreach (var term in terms)
        {
            if (_ids.ContainsKey(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After the build (read-only, so safe for concurrent searches): the numbers of the terms the index has.</summary>
    public int[] Of(IEnumerable<string> terms)
    {
        // A query has a few dozen terms at most: a list scan dedups them without a hash set per search.
        var ids = new List<int>();
        foreach (var term in terms)
        {
            if (_ids.TryGetValue(term, out var id) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }
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

    /// <param name="vocabulary">Receives the words as written, for "did you mean".</param>
    public static TermOffsets Of(GuidanceAnalyzer analyzer, string text, TermIds ids, Vocabulary vocabulary)
    {
        if (text.Length == 0)
        {
            return None;
        }

        var analyzed = analyzer.Tokens(text).ToList();
        foreach (var token in analyzed.Where(t => t.StartsWord))
        {
            vocabulary.Add(text[token.Start..token.End]);
        }

        var tokens = analyzed.Select(t => (Term: ids.Add(t.Term), t.Start, t.End)).Distinct().OrderBy(t => t.Term).ThenBy(t => t.Start).ToList();
        return new TermOffsets([.. tokens.Select(t => t.Term)], [.. tokens.Select(t => t.Start)], [.. tokens.Select(t => t.End)]);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_terms.Length);
        for (var i = 0; i < _terms.Length; i++)
        {
            writer.Write(_terms[i]);
            writer.Write(_starts[i]);
            writer.Write(_ends[i]);
        }
    }

    /// <param name="termCount">How many terms the index has: a stored number outside it is damage, and so is an offset past <paramref name="textLength"/>.</param>
    public static TermOffsets Read(BinaryReader reader, int termCount, int textLength)
    {
        var length = reader.ReadInt32();
        if (length == 0)
        {
            return None;
        }

        var (terms, starts, ends) = (new int[length], new int[length], new int[length]);
        for (var i = 0; i < length; i++)
        {
            (terms[i], starts[i], ends[i]) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            if ((uint)terms[i] >= (uint)termCount || (i > 0 && terms[i] < terms[i - 1]) || starts[i] < 0 || ends[i] < starts[i] || ends[i] > textLength)
            {
                throw new InvalidDataException("a term offset is out of order or range");
            }
        }

        return new TermOffsets(terms, starts, ends);
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
        // Where each term's run of entries is, found once: the runs' lengths size the list exactly,
        // as a common word can occur a hundred times in a long section.
        Span<(int First, int End)> runs = terms.Length <= 64 ? stackalloc (int, int)[terms.Length] : new (int, int)[terms.Length];
        var count = 0;
        for (var t = 0; t < terms.Length; t++)
        {
            var i = Array.BinarySearch(_terms, terms[t]);
            if (i < 0)
            {
                runs[t] = (0, 0);
                continue;
            }

            var first = i;
            while (first > 0 && _terms[first - 1] == terms[t])
            {
                first--;
            }

            var end = i + 1;
            while (end < _terms.Length && _terms[end] == terms[t])
            {
                end++;
            }

            runs[t] = (first, end);
            count += end - first;
        }

        var spans = new List<(int Start, int End)>(count);
        foreach (var (first, end) in runs)
        {
            for (var i = first; i < end; i++)
            {
                spans.Add((_starts[i], _ends[i]));
            }
        }

        return spans;
    }
}

/// <summary>
/// The words of an index as written, lower case, with how often each occurs: where no dictionary
/// can suggest a spelling, the nearest of these by edit distance is the suggestion, so a
/// suggestion always finds something.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>During the build only (one thread).</summary>
    public void Add(string word)
    {
        var lower = word.ToLowerInvariant();
        _counts[lower] = _counts.GetValueOrDefault(lower) + 1;
    }

    /// <summary>For storing the index: the words with their counts in this vocabulary's own order, which decides ties in <see cref="Nearest"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Counts() => [.. _counts];

    /// <summary>Reading a stored index (one thread): a word as <see cref="Counts"/> gave it.</summary>
    public void Add(string lower, int count) => _counts.Add(lower, count);

    /// <summary>The nearest word within two edits (one for words of up to five letters), the commoner one on a tie; null if none.</summary>
    public string? Nearest(string word)
    {
        var limit = word.Length <= 5 ? 1 : 2;
        string? best = null;
        var bestDistance = limit + 1;
        var bestCount = 0;
        foreach (var (candidate, count) in _counts)
        {
            if (Math.Abs(candidate.Length - word.Length) > limit || candidate == word)
            {
                continue;
            }

            var distance = Distance(word, candidate, bestDistance);
            if (distance < bestDistance || (distance == bestDistance && distance <= limit && count > bestCount))
            {
                (best, bestDistance, bestCount) = (candidate, distance, count);
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions), giving up past <paramref name="bound"/>.</summary>
    private static int Distance(string a, string b, int bound)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > bound)
            {
                return bound + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
