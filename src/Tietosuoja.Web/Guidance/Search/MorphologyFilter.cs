using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// Replaces each lower-case word by its terms at the word's position and with its offsets: the base
/// forms the dictionary gives and, with <c>includeParts</c>, the base forms of its compound parts.
/// A word the dictionary does not know (a name, an abbreviation, a new coinage) gets the two
/// fallback stems instead, Snowball's and Lucene's light stemmer's, so it still meets its inflections.
/// </summary>
internal sealed class MorphologyFilter : TokenFilter
{
    private readonly IMorphology _morphology;
    private readonly bool _includeParts;
    private readonly SnowballProgram _snowball;
    private readonly Func<char[], int, int> _lightStem;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly Queue<string> _pending = new();
    private State? _word;

    public MorphologyFilter(TokenStream input, IMorphology morphology, Language language, bool includeParts)
        : base(input)
    {
        _morphology = morphology;
        _includeParts = includeParts;
        if (language == Language.Sv)
        {
            _snowball = new Lucene.Net.Tartarus.Snowball.Ext.SwedishStemmer();
            var light = new SwedishLightStemmer();
            _lightStem = light.Stem;
        }
        else
        {
            _snowball = new Lucene.Net.Tartarus.Snowball.Ext.FinnishStemmer();
            var light = new FinnishLightStemmer();
            _lightStem = light.Stem;
        }

        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            RestoreState(_word);
            _term.SetEmpty().Append(_pending.Dequeue());
            _position.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.ToString();
        var terms = Terms(word);
        _word = CaptureState();
        _term.SetEmpty().Append(terms[0]);
        for (var i = 1; i < terms.Count; i++)
        {
            _pending.Enqueue(terms[i]);
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _word = null;
    }

    private List<string> Terms(string word)
    {
        // The guidance's words, unlike a query's, may be persisted (see AnalysisCache).
        var analysis = _morphology is ICachedMorphology cached ? cached.Analyze(word, fromContent: !AnalysisCache.InQuery) : _morphology.Analyze(word);
        if (analysis is not null)
        {
            var terms = new List<string>(analysis.BaseForms);
            if (_includeParts)
            {
                terms.AddRange(analysis.Parts);
            }

            return terms;
        }

        _snowball.SetCurrent(word);
        _snowball.Stem();
        var snowball = _snowball.Current;
        var buffer = word.ToCharArray();
        var light = new string(buffer, 0, _lightStem(buffer, buffer.Length));
        return snowball == light ? [snowball] : [snowball, light];
    }
}
