using System.Collections.Immutable;
using Markdig.Syntax;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.Web.Guidance.Linking;

/// <summary>
/// Links the first use of each glossary term in a chapter version to its definition. A term is
/// recognised in any inflected form the analyzer's stemmers unify ("rekisterinpitäjän",
/// "henkilötietojen käsittelijälle"), word by word; where two terms start at the same word the
/// longer one wins. Headings are not linked, so the link sits in the running text a reader meets.
/// </summary>
public sealed class GlossaryLinker
{
    public const string CssClass = "term-link";

    private readonly Language _language;
    private readonly ImmutableArray<(GlossaryEntry Entry, IReadOnlyList<IReadOnlyList<string>> Words)> _terms;

    public GlossaryLinker(IEnumerable<GlossaryEntry> glossary, Language language)
    {
        _language = language;
        var analyzer = GuidanceAnalyzer.WholeWordsFor(language);
        _terms = [.. glossary
            .Select(entry => (entry, analyzer.TermsByWord(entry.In(language).Term)))
            .Where(t => t.Item2.Count > 0)
            .OrderByDescending(t => t.Item2.Count)];
    }

    public void Apply(MarkdownDocument document)
    {
        if (_terms.IsEmpty)
        {
            return;
        }

        var linked = new HashSet<string>(StringComparer.Ordinal);
        InlineLinker.Apply(document, text => Find(text, linked));
    }

    private List<TextLink> Find(string text, HashSet<string> linked)
    {
        var words = Words(text);
        var links = new List<TextLink>();
        var next = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (i < next)
            {
                continue;
            }

            foreach (var (entry, termWords) in _terms)
            {
                if (linked.Contains(entry.Id) || !Matches(words, i, termWords))
                {
                    continue;
                }

                var start = words[i].Start;
                var end = words[i + termWords.Count - 1].End;
                links.Add(new TextLink(start, end - start, $"{SiteUrls.Glossary(_language)}#{entry.Id}", CssClass));
                linked.Add(entry.Id);
                next = i + termWords.Count;
                break;
            }
        }

        return links;
    }

    private static bool Matches(List<(int Start, int End, HashSet<string> Stems)> words, int at, IReadOnlyList<IReadOnlyList<string>> termWords)
    {
        if (at + termWords.Count > words.Count)
        {
            return false;
        }

        for (var j = 0; j < termWords.Count; j++)
        {
            if (!termWords[j].Any(words[at + j].Stems.Contains))
            {
                return false;
            }
        }

        return true;
    }

    private List<(int Start, int End, HashSet<string> Stems)> Words(string text) =>
        [.. GuidanceAnalyzer.WholeWordsFor(_language).Tokens(text).GroupWords()
            .Select(word => (word[0].Start, word[0].End, word.Select(t => t.Term).ToHashSet(StringComparer.Ordinal)))];
}
