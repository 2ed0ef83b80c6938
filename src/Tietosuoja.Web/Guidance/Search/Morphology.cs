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

/// <summary>
/// Analyses of words already seen. Guidance repeats its vocabulary, so an index build asks the
/// dictionary once per distinct word rather than once per occurrence, which keeps building the
/// index about as fast as with the stemmers alone. Bounded, because queries can bring any number
/// of new words: past the bound, new words are analyzed every time but not kept.
/// </summary>
internal sealed class AnalysisCache(Func<string, WordAnalysis?> analyze, int capacity = 200_000)
{
    private static readonly WordAnalysis Unknown = new([], []);
    private readonly ConcurrentDictionary<string, WordAnalysis> _analyses = new(StringComparer.Ordinal);

    public WordAnalysis? Get(string word)
    {
        if (_analyses.TryGetValue(word, out var known))
        {
            return ReferenceEquals(known, Unknown) ? null : known;
        }

        var analysis = analyze(word);
        if (_analyses.Count < capacity)
        {
            _analyses.TryAdd(word, analysis ?? Unknown);
        }

        return analysis;
    }
}
