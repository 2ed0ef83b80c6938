using System.Collections.Concurrent;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// What a dictionary says of one lower-case word: its base forms (more than one where the form is
/// ambiguous: "rekisteröidyn" is both "rekisteröity" and "rekisteröityä") and the base forms of the
/// parts of a compound ("henkilötietojen": "henkilö", "tieto"). <see cref="IsGuess"/> when the
/// dictionary does not list the word and it was read as a compound of words it does list.
/// </summary>
public sealed record WordAnalysis(IReadOnlyList<string> BaseForms, IReadOnlyList<string> Parts, bool IsGuess = false);

/// <summary>A language's dictionary: Voikko for Finnish, Hunspell for Swedish.</summary>
public interface IMorphology
{
    /// <summary>Where the dictionary came from, for the health report.</summary>
    string Description { get; }

    /// <summary>The analysis of a lower-case word, or null when the dictionary does not know it.</summary>
    WordAnalysis? Analyze(string word);

    /// <summary>Spellings the dictionary would accept for an unknown word, best first; empty when it has none to offer.</summary>
    IReadOnlyList<string> Suggest(string word);
}

/// <summary>A morphology whose analyses of the guidance's words can be kept across restarts (<see cref="PersistedAnalyses"/>).</summary>
internal interface ICachedMorphology : IMorphology
{
    /// <summary>The analyses in memory, including those of words seen only in queries, which are never written to disk.</summary>
    AnalysisCache Cache { get; }

    /// <summary>
    /// What the analyses depend on besides this portal's code: the dictionary files (paths, sizes,
    /// modification times) and the library's version. A cache written under another identity is not read.
    /// </summary>
    string Identity { get; }

    /// <summary>As <see cref="IMorphology.Analyze"/>; <paramref name="fromContent"/> when the word is the guidance's (not a query's), so its analysis may be persisted.</summary>
    WordAnalysis? Analyze(string word, bool fromContent);
}

/// <summary>
/// Analyses of words already seen. Guidance repeats its vocabulary, so an index build asks the
/// dictionary once per distinct word rather than once per occurrence. Bounded, because queries can
/// bring any number of new words: past the bound, new words are analyzed every time but not kept.
/// Each entry remembers whether the guidance has the word: only those are persisted, so that what
/// readers type never reaches the disk and the file stays the size of the guidance's vocabulary.
/// </summary>
internal sealed class AnalysisCache(Func<string, WordAnalysis?> analyze, int capacity = 200_000)
{
    /// <summary>Returned by the analyze function when it cannot answer yet (the dictionary is still loading): null now, not kept.</summary>
    public static readonly WordAnalysis NotNow = new([], []);

    private static readonly WordAnalysis Unknown = new([], []);

    [ThreadStatic]
    private static int _queryDepth;

    private readonly ConcurrentDictionary<string, Entry> _analyses = new(StringComparer.Ordinal);
    private int _contentAdded;

    /// <summary>Whether the words analyzed on this thread now are a query's (see <see cref="Query"/>).</summary>
    public static bool InQuery => _queryDepth > 0;

    /// <summary>Entries of the guidance's words added since the cache was last read or written.</summary>
    public int ContentAdded => Volatile.Read(ref _contentAdded);

    /// <summary>Marks, on this thread, the words analyzed until disposal as a query's: kept in memory, never persisted.</summary>
    public static QueryScope Query()
    {
        _queryDepth++;
        return default;
    }

    public WordAnalysis? Get(string word, bool fromContent = false)
    {
        if (_analyses.TryGetValue(word, out var known))
        {
            if (fromContent && !known.FromContent)
            {
                known.FromContent = true;
                Interlocked.Increment(ref _contentAdded);
            }

            return ReferenceEquals(known.Analysis, Unknown) ? null : known.Analysis;
        }

        var analysis = analyze(word);
        if (ReferenceEquals(analysis, NotNow))
        {
            return null;
        }

        if (_analyses.Count < capacity && _analyses.TryAdd(word, new Entry(analysis ?? Unknown) { FromContent = fromContent }) && fromContent)
        {
            Interlocked.Increment(ref _contentAdded);
        }

        return analysis;
    }

    /// <summary>Adds analyses read from disk, as the guidance's words.</summary>
    public void Seed(IEnumerable<KeyValuePair<string, WordAnalysis?>> analyses)
    {
        foreach (var (word, analysis) in analyses)
        {
            _analyses.TryAdd(word, new Entry(analysis ?? Unknown) { FromContent = true });
        }
    }

    /// <summary>The guidance's words and their analyses (null: unknown to the dictionary), and resets <see cref="ContentAdded"/>.</summary>
    public List<KeyValuePair<string, WordAnalysis?>> ContentWords()
    {
        Interlocked.Exchange(ref _contentAdded, 0);
        return [.. _analyses.Where(e => e.Value.FromContent).Select(e => KeyValuePair.Create(e.Key, ReferenceEquals(e.Value.Analysis, Unknown) ? null : e.Value.Analysis))];
    }

    public readonly struct QueryScope : IDisposable
    {
        public void Dispose() => _queryDepth--;
    }

    private sealed class Entry(WordAnalysis analysis)
    {
        private volatile bool _fromContent;

        public WordAnalysis Analysis { get; } = analysis;

        public bool FromContent
        {
            get => _fromContent;
            set => _fromContent = value;
        }
    }
}
