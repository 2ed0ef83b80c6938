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
/// own words (<see cref="GuidanceSearchIndex"/>). The dictionary is found at once and read in the
/// background; until it is read, only words in the analysis cache are answered without waiting (ADR 0017).
/// </summary>
public sealed class HunspellMorphology : ICachedMorphology
{
    private const int MinPart = 3;
    private const int MaxParts = 4;

    /// <summary>
    /// How long an analysis of the guidance's words (an index build, the glossary) waits for the
    /// dictionary still loading; past it, the word gets the fallback stems (and is analyzed again
    /// next time). Long, because a word analyzed without the dictionary stays so in that snapshot's
    /// index and links; a reader's query never waits (see <see cref="WaitForDictionary"/>).
    /// </summary>
    internal static readonly TimeSpan DefaultDictionaryWait = TimeSpan.FromMinutes(5);

    private readonly Lazy<Task<Loaded?>> _load;
    private readonly AnalysisCache _cache;
    private string? _loadProblem;

    internal HunspellMorphology(string description, string identity, Func<Loaded> load)
    {
        Description = description;
        Identity = identity;
        // The dictionary takes seconds of CPU to read (Lucene sorts the .dic and builds an FST of
        // it), so it loads beside the rest: started by the first word it must analyze or once the
        // server listens (SearchLanguageStartup), whichever comes first. On a thread of its own
        // (LongRunning), not a pool thread: the content load's pool threads may all be waiting
        // for it, and the pool adds threads only slowly.
        _load = new Lazy<Task<Loaded?>>(() => Task.Factory.StartNew<Loaded?>(() =>
        {
            try
            {
                return load();
            }
            catch (Exception exception)
            {
                // The boundary of a background load: a dictionary that cannot be read leaves Swedish on the fallback stems.
                _loadProblem = exception.Message;
                return null;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        _cache = new AnalysisCache(AnalyzeUncached);
    }

    public string Description { get; }

    public string Identity { get; }

    /// <summary>How long <see cref="Analyze(string)"/> waits for the dictionary still loading.</summary>
    internal TimeSpan DictionaryWait { get; init; } = DefaultDictionaryWait;

    /// <summary>Whether the dictionary has been read; until then only words in the cache are answered without waiting.</summary>
    public bool IsLoaded => _load.IsValueCreated && _load.Value.IsCompletedSuccessfully && _load.Value.Result is not null;

    /// <summary>Whether reading the dictionary has started.</summary>
    internal bool IsLoadStarted => _load.IsValueCreated;

    /// <summary>Why the dictionary could not be read, once it has failed; null while it loads or when it has loaded.</summary>
    public string? LoadProblem => _loadProblem;

    AnalysisCache ICachedMorphology.Cache => _cache;

    /// <summary>
    /// Finds the first of the given .aff/.dic pairs that exists, or returns null with the reason.
    /// The dictionary is read later (<see cref="StartLoading"/>).
    /// </summary>
    public static HunspellMorphology? Find(IEnumerable<string> affixPaths, out string? problem) => Find(affixPaths, out problem, loading: null);

    internal static HunspellMorphology? Find(IEnumerable<string> affixPaths, out string? problem, SwedishLoading? loading)
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

            problem = null;
            return new HunspellMorphology($"Hunspell ({Path.GetFileNameWithoutExtension(affix)})", FileIdentity(affix, words), () =>
            {
                loading?.BeforeRead();
                return Read(affix, words);
            })
            {
                DictionaryWait = loading?.Wait ?? DefaultDictionaryWait,
            };
        }

        problem = $"no Swedish Hunspell dictionary at {string.Join(", ", tried)}";
        return null;
    }

    /// <summary>Reads the first of the given .aff/.dic pairs that exists, or returns null with the reason.</summary>
    public static HunspellMorphology? TryLoad(IEnumerable<string> affixPaths, out string? problem)
    {
        var found = Find(affixPaths, out problem);
        found?.StartLoading().Wait();
        if (found?.LoadProblem is { } failed)
        {
            problem = failed;
            return null;
        }

        return found;
    }

    /// <summary>Starts reading the dictionary if it has not started; the task ends when it is read or has failed.</summary>
    public Task StartLoading() => _load.Value;

    public WordAnalysis? Analyze(string word) => Analyze(word, fromContent: false);

    public WordAnalysis? Analyze(string word, bool fromContent) => word.Length == 0 ? null : _cache.Get(word, fromContent);

    public IReadOnlyList<string> Suggest(string word) => [];

    internal sealed record Loaded(Analyzer Stemmer, HashSet<string> Listed);

    private static Loaded Read(string affix, string words)
    {
        try
        {
            using var affixStream = File.OpenRead(affix);
            using var wordStream = File.OpenRead(words);
            var dictionary = new Dictionary(affixStream, [wordStream], ignoreCase: true);
            // The filter is Lucene's public way to the stemmer; the analyzer keeps one per thread.
            var stemmer = Analyzer.NewAnonymous((_, reader) =>
            {
                var tokenizer = new KeywordTokenizer(reader);
                return new TokenStreamComponents(tokenizer, new HunspellStemFilter(tokenizer, dictionary, dedup: true));
            });
            return new Loaded(stemmer, ListedWords(words));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new IOException($"{affix} could not be read: {exception.Message}", exception);
        }
    }

    private static string FileIdentity(params string[] files) =>
        string.Join('\n', files.Select(f => new FileInfo(f)).Select(f => $"{f.FullName} {f.Length} {f.LastWriteTimeUtc.Ticks}"));

    /// <summary>
    /// The dictionary, waiting for it while it loads (at most <see cref="DictionaryWait"/>); null when
    /// it failed or took longer. A query's words (<see cref="AnalysisCache.InQuery"/>) never wait:
    /// they are analyzed on a request thread, and in the seconds after a start many Swedish searches
    /// waiting at once would hold the thread pool that every other request needs too. They get the
    /// fallback stems until the dictionary is read.
    /// </summary>
    private Loaded? WaitForDictionary()
    {
        var load = _load.Value;
        if (AnalysisCache.InQuery)
        {
            return load.IsCompletedSuccessfully ? load.Result : null;
        }

        return load.Wait(DictionaryWait) ? load.Result : null;
    }

    private WordAnalysis? AnalyzeUncached(string word)
    {
        // Without the dictionary the word gets the fallback stems this time, and its analysis is
        // neither kept nor persisted: the cache holds only what the dictionary said.
        if (WaitForDictionary() is not { } dictionary)
        {
            return AnalysisCache.NotNow;
        }

        var stems = Stems(dictionary, word);
        if (stems.Count > 0)
        {
            return new WordAnalysis(stems, DictionaryParts(dictionary, stems[0]));
        }

        var split = Split(dictionary, word, MaxParts);
        if (split is null)
        {
            return null;
        }

        // The compound's base form is its first parts as written and the base form of the last:
        // "personuppgiftsansvariga" is "personuppgiftsansvarig".
        var (head, last) = split.Value;
        var parts = head.Select(h => h.BaseForm).Concat(last).Distinct(StringComparer.Ordinal).ToList();
        var baseForms = last.Select(l => string.Concat(head.Select(h => h.Written)) + l).ToList();
        return new WordAnalysis(baseForms, [.. parts.Concat(parts.SelectMany(p => DictionaryParts(dictionary, p))).Distinct(StringComparer.Ordinal).Except(baseForms)], IsGuess: true);
    }

    /// <summary>
    /// A word the dictionary lists whole but that is itself a compound of two listed words
    /// ("dataskydd": "data", "skydd"), so that the part finds it too. Short words are not split:
    /// their halves would match inside unrelated words.
    /// </summary>
    private static List<string> DictionaryParts(Loaded dictionary, string word)
    {
        for (var i = word.Length - 4; i >= 4; i--)
        {
            if (IsListed(dictionary, word[..i]) && IsListed(dictionary, word[i..]))
            {
                return [word[..i], word[i..]];
            }
        }

        return [];
    }

    private static ((string Written, string BaseForm)[] Head, List<string> Last)? Split(Loaded dictionary, string word, int maxParts)
    {
        if (maxParts < 2)
        {
            return null;
        }

        for (var i = word.Length - MinPart; i >= MinPart; i--)
        {
            var written = word[..i];
            var first = IsListed(dictionary, written) ? written : written.Length > MinPart && written[^1] == 's' && IsListed(dictionary, written[..^1]) ? written[..^1] : null;
            if (first is null)
            {
                continue;
            }

            var rest = word[i..];
            var last = Stems(dictionary, rest);
            if (last.Count > 0)
            {
                return ([(written, first)], last);
            }

            if (Split(dictionary, rest, maxParts - 1) is { } further)
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

    private static bool IsListed(Loaded dictionary, string word) => word.Length >= MinPart && dictionary.Listed.Contains(word);

    private static List<string> Stems(Loaded dictionary, string word)
    {
        var stems = new List<string>();
        using var stream = dictionary.Stemmer.GetTokenStream(string.Empty, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var stem = term.ToString().ToLowerInvariant();
            if (dictionary.Listed.Contains(stem) && !stems.Contains(stem))
            {
                stems.Add(stem);
            }
        }

        stream.End();
        return stems;
    }
}
