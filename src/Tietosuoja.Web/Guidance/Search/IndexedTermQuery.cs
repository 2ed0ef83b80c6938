using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// One term of one field of an immutable index, read once: its statistics and, for each segment,
/// the documents that have it with the term's frequency in each. Lucene's own
/// <see cref="TermQuery"/> seeks a terms enumerator and opens a postings enumerator (a clone of
/// the index input with its block buffers, some kilobytes) for every term of every search; a
/// question is 50–100 of them, and that garbage fed a large part of a search page's collections.
/// </summary>
internal sealed class IndexedTerm
{
    private IndexedTerm(Term term, TermStatistics statistics, int[][] docs, int[][] freqs, IndexReaderContext topContext)
    {
        Term = term;
        Statistics = statistics;
        Docs = docs;
        Freqs = freqs;
        TopContext = topContext;
    }

    public Term Term { get; }

    public TermStatistics Statistics { get; }

    /// <summary>Per segment (leaf ordinal): the documents with the term, ascending.</summary>
    public int[][] Docs { get; }

    /// <summary>Per segment: the term's frequency in each of <see cref="Docs"/>.</summary>
    public int[][] Freqs { get; }

    /// <summary>The reader these postings were read from; a searcher over any other must not use them.</summary>
    public IndexReaderContext TopContext { get; }

    public static IndexedTerm Read(IndexSearcher searcher, Term term)
    {
        var top = searcher.TopReaderContext;
        var context = TermContext.Build(top, term);
        var leaves = top.Leaves;
        var docs = new int[leaves.Count][];
        var freqs = new int[leaves.Count][];
        var foundDocs = new List<int>();
        var foundFreqs = new List<int>();
        foreach (var leaf in leaves)
        {
            foundDocs.Clear();
            foundFreqs.Clear();
            var terms = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (terms is not null && terms.SeekExact(term.Bytes))
            {
                // No accepted-documents filter here: the filter of each search is applied when it scores.
                var postings = terms.Docs(null, null, DocsFlags.FREQS);
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    foundDocs.Add(doc);
                    foundFreqs.Add(postings.Freq);
                }
            }

            docs[leaf.Ord] = [.. foundDocs];
            freqs[leaf.Ord] = [.. foundFreqs];
        }

        return new IndexedTerm(term, searcher.TermStatistics(term, context), docs, freqs, top);
    }
}

/// <summary>
/// A <see cref="TermQuery"/> over an <see cref="IndexedTerm"/>: the same weight, normalisation and
/// score for every document as Lucene's (the searcher's similarity computes them from the same
/// statistics), so results and their order are those of a <see cref="TermQuery"/>; only the
/// postings come from the arrays read once instead of from the index files on every search.
/// </summary>
internal sealed class IndexedTermQuery(IndexedTerm term, CollectionStatistics fieldStatistics) : Query
{
    public override Weight CreateWeight(IndexSearcher searcher)
    {
        if (searcher.TopReaderContext != term.TopContext)
        {
            throw new InvalidOperationException($"The postings of {term.Term} belong to another index reader.");
        }

        var similarity = searcher.Similarity.GetType() == typeof(DefaultSimilarity) ? KeptIdf.Instance : searcher.Similarity;
        return new IndexedTermWeight(this, similarity, similarity.ComputeWeight(Boost, fieldStatistics, term.Statistics));
    }

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(term.Term);

    public override string ToString(string field) =>
        (term.Term.Field == field ? string.Empty : term.Term.Field + ":") + term.Term.Text + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) => obj is IndexedTermQuery other && other.Boost == Boost && other.Term.Equals(Term);

    public override int GetHashCode() => HashCode.Combine(Boost, Term);

    private Term Term => term.Term;

    private IndexedTerm Indexed => term;

    private sealed class IndexedTermWeight(IndexedTermQuery query, Similarity similarity, Similarity.SimWeight stats) : Weight
    {
        public override Query Query => query;

        public override float GetValueForNormalization() => stats.GetValueForNormalization();

        public override void Normalize(float queryNorm, float topLevelBoost) => stats.Normalize(queryNorm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var docs = query.Indexed.Docs[context.Ord];
            // As TermWeight: no scorer where the segment lacks the term.
            return docs.Length == 0 ? null : new ArrayScorer(this, docs, query.Indexed.Freqs[context.Ord], acceptDocs, similarity.GetSimScorer(stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.Advance(doc) == doc)
            {
                float freq = scorer.Freq;
                var detail = similarity.GetSimScorer(stats, context).Explain(doc, new Explanation(freq, "termFreq=" + freq));
                var result = new ComplexExplanation
                {
                    Description = $"weight({query} in {doc}) [{similarity.GetType().Name}], result of:",
                    Value = detail.Value,
                    Match = true,
                };
                result.AddDetail(detail);
                return result;
            }

            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    /// <summary>
    /// Lucene's default similarity, whose inverse document frequency of a term, with the
    /// description Lucene writes for it (two strings and an array per term weight), is made once
    /// per term of the index rather than once per search: it depends only on the statistics, which
    /// are read once per index (<see cref="IndexedTerm.Statistics"/>, the key). The same
    /// arithmetic, so the same scores.
    /// </summary>
    private sealed class KeptIdf : DefaultSimilarity
    {
        public static readonly KeptIdf Instance = new();

        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TermStatistics, Explanation> _idf = new();

        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats)
        {
            if (!_idf.TryGetValue(termStats, out var idf))
            {
                // Two threads may both make it; they make the same.
                idf = base.IdfExplain(collectionStats, termStats);
                _idf.AddOrUpdate(termStats, idf);
            }

            return idf;
        }
    }

    /// <summary>Lucene's TermScorer over arrays: documents in order, those <c>acceptDocs</c> refuses skipped.</summary>
    private sealed class ArrayScorer(Weight weight, int[] docs, int[] freqs, IBits? acceptDocs, Similarity.SimScorer scorer) : Scorer(weight)
    {
        private int _index = -1;
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => freqs[_index];

        public override float GetScore() => scorer.Score(_doc, freqs[_index]);

        public override int NextDoc() => Accept(_index + 1);

        public override int Advance(int target)
        {
            var from = _index + 1;
            if (from < docs.Length && docs[from] < target)
            {
                var found = Array.BinarySearch(docs, from, docs.Length - from, target);
                from = found >= 0 ? found : ~found;
            }

            return Accept(from);
        }

        public override long GetCost() => docs.Length;

        private int Accept(int from)
        {
            for (_index = from; _index < docs.Length; _index++)
            {
                if (acceptDocs is null || acceptDocs.Get(docs[_index]))
                {
                    return _doc = docs[_index];
                }
            }

            return _doc = NO_MORE_DOCS;
        }
    }
}
