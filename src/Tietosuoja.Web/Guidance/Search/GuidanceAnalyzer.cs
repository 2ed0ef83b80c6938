using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// How guidance text and queries are broken into searchable terms, per language: Lucene's standard
/// tokenizer, lower case, the language's stop words, then each word's terms at its position.
/// With the language's dictionary (<see cref="LanguageTools"/>: Voikko for Finnish, Hunspell for
/// Swedish) a word's terms are its base forms and, for compounds, the base forms of its parts
/// ("henkilötietojen": "henkilötieto", parts "henkilö" and "tieto"); a word the dictionary does not
/// know gets the stems below. Without the dictionary, every word gets today's fallback: compound
/// parts from <see cref="CompoundParts"/> and two stems per word, Snowball's and Lucene's light
/// stemmer (neither alone unifies all the inflections that matter here).
/// One instance per language and dictionary is shared: Lucene analyzers are thread-safe.
/// </summary>
public sealed class GuidanceAnalyzer : Analyzer
{
    public static readonly LuceneVersion MatchVersion = LuceneVersion.LUCENE_48;

    private readonly Language _language;
    private readonly bool _forSearch;
    private readonly IMorphology? _morphology;
    private readonly Func<GuidanceAnalyzer> _wholeWords;
    private readonly CharArraySet _stopWords;
    private readonly CharArraySet _compoundParts;

    internal GuidanceAnalyzer(Language language, bool forSearch, IMorphology? morphology, Func<GuidanceAnalyzer> wholeWords)
    {
        _language = language;
        _forSearch = forSearch;
        _morphology = morphology;
        _wholeWords = wholeWords;
        _stopWords = language == Language.Sv ? SwedishAnalyzer.DefaultStopSet : FinnishAnalyzer.DefaultStopSet;
        _compoundParts = new CharArraySet(MatchVersion, CompoundParts.For(language), ignoreCase: true);
    }

    /// <summary>Whether words are analyzed with the language's dictionary rather than by the fallback stemmers alone.</summary>
    public bool HasDictionary => _morphology is not null;

    /// <summary>The analyzer of the search index and of queries, with the dictionaries this machine has.</summary>
    public static GuidanceAnalyzer For(Language language) => LanguageTools.Default.Analyzer(language);

    /// <summary>
    /// The same stems, but every word kept whole and none dropped: for matching a term word by word
    /// in running text (glossary links), where "käsittelyperusteena" must not count as "käsittely".
    /// </summary>
    public static GuidanceAnalyzer WholeWordsFor(Language language) => LanguageTools.Default.WholeWords(language);

    /// <summary>The terms of a text, grouped by word: each group holds the stems and compound parts of one word.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TermsByWord(string text)
    {
        return [.. Tokens(text).GroupWords().Select(word => (IReadOnlyList<string>)[.. word.Select(t => t.Term).Distinct(StringComparer.Ordinal)])];
    }

    /// <summary>
    /// The words of a query, each with the stems of the word itself and, apart, the terms of the
    /// compound parts found in it, so that a part can be given less weight than the word.
    /// </summary>
    public IReadOnlyList<QueryWord> QueryWords(string text)
    {
        // What a reader types is analyzed like the guidance but never persisted with its analyses.
        using var query = AnalysisCache.Query();
        var whole = _wholeWords();
        var words = new List<QueryWord>();
        foreach (var group in Tokens(text).GroupWords())
        {
            var stems = whole.TermsByWord(text[group[0].Start..group[0].End]).SelectMany(w => w).ToList();
            var parts = group.Select(t => t.Term).Distinct(StringComparer.Ordinal).Except(stems, StringComparer.Ordinal).ToList();
            words.Add(new QueryWord(text[group[0].Start..group[0].End], stems, parts));
        }

        return words;
    }

    /// <summary>Every term of a text with the characters it came from.</summary>
    public IEnumerable<AnalyzedToken> Tokens(string text)
    {
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var tokens = new List<AnalyzedToken>();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, position.PositionIncrement > 0));
        }

        stream.End();
        return tokens;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(MatchVersion, reader);
        TokenStream stream = new LowerCaseFilter(MatchVersion, tokenizer);
        if (_forSearch)
        {
            stream = new StopFilter(MatchVersion, stream, _stopWords);
        }

        if (_morphology is not null)
        {
            return new TokenStreamComponents(tokenizer, new MorphologyFilter(stream, _morphology, _language, includeParts: _forSearch));
        }

        if (_forSearch)
        {
            stream = new DictionaryCompoundWordTokenFilter(MatchVersion, stream, _compoundParts, minWordSize: 6, minSubwordSize: 4, maxSubwordSize: 20, onlyLongestMatch: false);
        }

        // Each word twice at one position: Snowball stems one copy, the light stemmer the other
        // (both leave keyword-marked tokens alone), then identical stems collapse into one.
        stream = new KeywordRepeatFilter(stream);
        stream = _language == Language.Sv
            ? new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.SwedishStemmer())
            : new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.FinnishStemmer());
        stream = new SwapKeywordFilter(stream);
        stream = _language == Language.Sv ? new SwedishLightStemFilter(stream) : new FinnishLightStemFilter(stream);
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>Turns the copy that the first stemmer skipped into the one the second stemmer works on, and back.</summary>
    private sealed class SwapKeywordFilter : TokenFilter
    {
        private readonly IKeywordAttribute _keyword;

        public SwapKeywordFilter(TokenStream input)
            : base(input)
        {
            _keyword = AddAttribute<IKeywordAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            _keyword.IsKeyword = !_keyword.IsKeyword;
            return true;
        }
    }
}

/// <summary>A term with the span of text it was made from; <see cref="StartsWord"/> is false for a word's further stems and parts.</summary>
public readonly record struct AnalyzedToken(string Term, int Start, int End, bool StartsWord);

/// <summary>One word of a query as written, the stems (or base forms) of the word, and the terms of its compound parts.</summary>
public sealed record QueryWord(string Text, IReadOnlyList<string> Stems, IReadOnlyList<string> Parts)
{
    public IEnumerable<string> AllTerms => Stems.Concat(Parts);
}

public static class AnalyzedTokens
{
    /// <summary>Tokens grouped by the word they came from, in order.</summary>
    public static List<List<AnalyzedToken>> GroupWords(this IEnumerable<AnalyzedToken> tokens)
    {
        var words = new List<List<AnalyzedToken>>();
        foreach (var token in tokens)
        {
            if (token.StartsWord || words.Count == 0)
            {
                words.Add([]);
            }

            words[^1].Add(token);
        }

        return words;
    }
}
