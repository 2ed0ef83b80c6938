using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.TokenAttributes;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// Swedish morphology from the Hunspell dictionary of Debian's hunspell-sv, read by Lucene.NET's
/// Hunspell <see cref="Dictionary"/> and <see cref="HunspellStemFilter"/>. Lucene's Hunspell has no compounding,
/// and Swedish writes its compounds as one word ("personuppgiftsansvarig"), so a word the
/// dictionary does not know is split against the same dictionary: a known first part, optionally
/// with the linking "s" ("personuppgift-s-"), then a known (inflected) rest, or a rest that splits
/// again. Lucene's Hunspell has no suggestions; "did you mean" in Swedish comes from the index's
/// own words (<see cref="GuidanceSearchIndex"/>).
/// </summary>
public sealed class HunspellMorphology : IMorphology
{
    private const int MinPart = 3;
    private const int MaxParts = 4;

    private readonly Analyzer _stemmer;
    private readonly HashSet<string> _listed;
    private readonly AnalysisCache _cache;

    private HunspellMorphology(Dictionary dictionary, HashSet<string> listed, string description)
    {
        // The filter is Lucene's public way to the stemmer; the analyzer keeps one per thread.
        _stemmer = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new KeywordTokenizer(reader);
            return new TokenStreamComponents(tokenizer, new HunspellStemFilter(tokenizer, dictionary, dedup: true));
        });
        _listed = listed;
        Description = description;
        _cache = new AnalysisCache(AnalyzeUncached);
    }

    public string Description { get; }

    /// <summary>Reads the first of the given .aff/.dic pairs that exists, or returns null with the reason.</summary>
    public static HunspellMorphology? TryLoad(IEnumerable<string> affixPaths, out string? problem)
    {
        var tried = new List<string>();
        foreach (var affix in affixPaths)
        {
            var words = Path.ChangeExtension(affix, ".dic");
            if (!File.Exists(affix) || !File.Exists(words))
            {
                tried.Add(affix);
                continue;
            }

            try
            {
                using var affixStream = File.OpenRead(affix);
                using var wordStream = File.OpenRead(words);
                var dictionary = new Dictionary(affixStream, [wordStream], ignoreCase: true);
                problem = null;
                return new HunspellMorphology(dictionary, ListedWords(words), $"Hunspell ({Path.GetFileNameWithoutExtension(affix)})");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or ArgumentException)
            {
                problem = $"{affix} could not be read: {exception.Message}";
                return null;
            }
        }

        problem = $"no Swedish Hunspell dictionary at {string.Join(", ", tried)}";
        return null;
    }

    public WordAnalysis? Analyze(string word) => word.Length == 0 ? null : _cache.Get(word);

    public IReadOnlyList<string> Suggest(string word) => [];

    private WordAnalysis? AnalyzeUncached(string word)
    {
        var stems = Stems(word);
        if (stems.Count > 0)
        {
            return new WordAnalysis(stems, DictionaryParts(stems[0]));
        }

        var split = Split(word, MaxParts);
        if (split is null)
        {
            return null;
        }

        // The compound's base form is its first parts as written and the base form of the last:
        // "personuppgiftsansvariga" is "personuppgiftsansvarig".
        var (head, last) = split.Value;
        var parts = head.Select(h => h.BaseForm).Concat(last).Distinct(StringComparer.Ordinal).ToList();
        var baseForms = last.Select(l => string.Concat(head.Select(h => h.Written)) + l).ToList();
        return new WordAnalysis(baseForms, [.. parts.Concat(parts.SelectMany(DictionaryParts)).Distinct(StringComparer.Ordinal).Except(baseForms)], IsGuess: true);
    }

    /// <summary>
    /// A word the dictionary lists whole but that is itself a compound of two listed words
    /// ("dataskydd": "data", "skydd"), so that the part finds it too. Short words are not split:
    /// their halves would match inside unrelated words.
    /// </summary>
    private List<string> DictionaryParts(string word)
    {
        for (var i = word.Length - 4; i >= 4; i--)
        {
            if (IsListed(word[..i]) && IsListed(word[i..]))
            {
                return [word[..i], word[i..]];
            }
        }

        return [];
    }

    private ((string Written, string BaseForm)[] Head, List<string> Last)? Split(string word, int maxParts)
    {
        if (maxParts < 2)
        {
            return null;
        }

        for (var i = word.Length - MinPart; i >= MinPart; i--)
        {
            var written = word[..i];
            var first = IsListed(written) ? written : written.Length > MinPart && written[^1] == 's' && IsListed(written[..^1]) ? written[..^1] : null;
            if (first is null)
            {
                continue;
            }

            var rest = word[i..];
            var last = Stems(rest);
            if (last.Count > 0)
            {
                return ([(written, first)], last);
            }

            if (Split(rest, maxParts - 1) is { } further)
            {
                return ([(written, first), .. further.Head], further.Last);
            }
        }

        return null;
    }

    /// <summary>
    /// The dictionary's entries (the part of each line before "/"), lower case, including those
    /// that occur only as the first part of a compound. The stem filter passes a word it does not
    /// know through unchanged, so a stem counts only if it is an entry.
    /// </summary>
    private static HashSet<string> ListedWords(string dictionaryFile)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(dictionaryFile).Skip(1))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            var word = (slash < 0 ? line : line[..slash]).Trim();
            if (word.Length > 0)
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words;
    }

    private bool IsListed(string word) => word.Length >= MinPart && _listed.Contains(word);

    private List<string> Stems(string word)
    {
        var stems = new List<string>();
        using var stream = _stemmer.GetTokenStream(string.Empty, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var stem = term.ToString().ToLowerInvariant();
            if (_listed.Contains(stem) && !stems.Contains(stem))
            {
                stems.Add(stem);
            }
        }

        stream.End();
        return stems;
    }
}
