using Markdig.Syntax;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.Web.Guidance.Linking;

/// <summary>
/// Links the first use of each glossary term in a chapter version to its definition. A term is
/// recognised in any inflected form the analyzer's stemmers unify ("rekisterinpitäjän",
/// "henkilötietojen käsittelijälle"), word by word; where two terms start at the same word the
/// longer one wins. Headings are not linked, so the link sits in the running text a reader meets.
/// </summary>
/// <remarks>
/// One pass over the words of the text: the terms are indexed by the stems of their first word, so
/// a word is compared only with the terms that can start at it, not with the whole glossary. Built
/// once per load and language; <see cref="Apply"/> keeps no state between documents.
/// </remarks>
public sealed class GlossaryLinker
{
    public const string CssClass = "term-link";

    private static readonly int[] NoCandidates = [];

    private readonly GuidanceAnalyzer _analyzer;

    /// <summary>The terms, longest first (glossary order among terms of one length): the first that matches at a word wins.</summary>
    private readonly Term[] _terms;

    /// <summary>Indexes into <see cref="_terms"/>, ascending, of the terms whose first word has the stem.</summary>
    private readonly Dictionary<string, int[]> _byFirstStem;

    private readonly int _distinctIds;

    public GlossaryLinker(IEnumerable<GlossaryEntry> glossary, Language language)
    {
        _analyzer = GuidanceAnalyzer.WholeWordsFor(language);
        _terms = [.. glossary
            .Select(entry => new Term(entry.Id, $"{SiteUrls.Glossary(language)}#{entry.Id}", _analyzer.TermsByWord(entry.In(language).Term)))
            .Where(term => term.Words.Count > 0)
            .OrderByDescending(term => term.Words.Count)];
        _byFirstStem = _terms
            .SelectMany((term, index) => term.Words[0].Select(stem => (Stem: stem, Index: index)))
            .GroupBy(pair => pair.Stem, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Index).Distinct().Order().ToArray(), StringComparer.Ordinal);
        _distinctIds = _terms.Select(term => term.Id).Distinct(StringComparer.Ordinal).Count();
    }

    public void Apply(MarkdownDocument document)
    {
        if (_terms.Length == 0)
        {
            return;
        }

        var linked = new HashSet<string>(StringComparer.Ordinal);
        InlineLinker.Apply(document, text => Find(text, linked));
    }

    private List<TextLink> Find(string text, HashSet<string> linked)
    {
        var links = new List<TextLink>();
        if (linked.Count == _distinctIds)
        {
            // Every term has had its link in this document: nothing further to look for.
            return links;
        }

        var tokens = _analyzer.Tokens(text) as IReadOnlyList<AnalyzedToken> ?? [.. _analyzer.Tokens(text)];
        var words = WordStarts(tokens);
        var candidates = new List<int>();
        for (var i = 0; i < words.Count - 1; i++)
        {
            candidates.Clear();
            for (var t = words[i]; t < words[i + 1]; t++)
            {
                candidates.AddRange(_byFirstStem.GetValueOrDefault(tokens[t].Term, NoCandidates));
            }

            if (candidates.Count == 0)
            {
                continue;
            }

            candidates.Sort();
            foreach (var index in candidates)
            {
                var term = _terms[index];
                if (linked.Contains(term.Id) || !Matches(tokens, words, i, term.Words))
                {
                    continue;
                }

                var start = tokens[words[i]].Start;
                var end = tokens[words[i + term.Words.Count - 1]].End;
                links.Add(new TextLink(start, end - start, term.Url, CssClass));
                linked.Add(term.Id);
                i += term.Words.Count - 1;
                break;
            }
        }

        return links;
    }

    /// <summary>Where each word's tokens begin (a word's stems and parts follow its first token), and the token count last.</summary>
    private static List<int> WordStarts(IReadOnlyList<AnalyzedToken> tokens)
    {
        var starts = new List<int>();
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].StartsWord || t == 0)
            {
                starts.Add(t);
            }
        }

        starts.Add(tokens.Count);
        return starts;
    }

    /// <summary>Whether each word of the term, from word <paramref name="at"/> on, shares a stem with the text's word.</summary>
    private static bool Matches(IReadOnlyList<AnalyzedToken> tokens, List<int> words, int at, IReadOnlyList<IReadOnlyList<string>> termWords)
    {
        if (at + termWords.Count > words.Count - 1)
        {
            return false;
        }

        for (var j = 0; j < termWords.Count; j++)
        {
            if (!HasStem(tokens, words[at + j], words[at + j + 1], termWords[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasStem(IReadOnlyList<AnalyzedToken> tokens, int from, int to, IReadOnlyList<string> stems)
    {
        for (var t = from; t < to; t++)
        {
            foreach (var stem in stems)
            {
                if (string.Equals(tokens[t].Term, stem, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed record Term(string Id, string Url, IReadOnlyList<IReadOnlyList<string>> Words);
}
