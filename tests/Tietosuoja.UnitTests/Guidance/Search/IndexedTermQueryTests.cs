using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Tietosuoja.Web.Guidance.Search;

namespace Tietosuoja.UnitTests.Guidance.Search;

/// <summary>
/// The search's term queries read their postings once per index; every hit, score and order must
/// be what Lucene's own <see cref="TermQuery"/> gives, in the query shapes the search builds
/// (boosted terms in a disjunction per word, the words in a Boolean query), with and without the
/// latest-versions filter, over several segments and with deleted documents.
/// </summary>
public sealed class IndexedTermQueryTests
{
    private static readonly string[] Words = ["kunta", "tieto", "rekisteri", "oikeus", "pyyntö", "suostumus", "asiakirja", "laki", "peruste", "käsittely"];

    [Fact]
    public void Hits_and_scores_are_those_of_Lucenes_term_query()
    {
        using var directory = new RAMDirectory();
        var random = new Random(16);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(GuidanceAnalyzer.MatchVersion, new WhitespaceAnalyzer(GuidanceAnalyzer.MatchVersion))))
        {
            for (var i = 0; i < 600; i++)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
                    new StringField("latest", random.Next(3) == 0 ? "0" : "1", Field.Store.NO),
                    new TextField("heading", Text(random, 1 + random.Next(4)), Field.Store.NO),
                    new TextField("body", Text(random, random.Next(60)), Field.Store.NO),
                });
                if (i % 150 == 149)
                {
                    // Several segments, as a bigger corpus than the repository's may be flushed in.
                    writer.Commit();
                }
            }

            writer.DeleteDocuments(new Term("id", "7"), new Term("id", "301"), new Term("id", "555"));
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 1);
        Assert.True(reader.HasDeletions);
        var searcher = new IndexSearcher(reader);
        var latest = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term("latest", "1"))));
        var indexed = new Dictionary<Term, IndexedTerm>();

        for (var round = 0; round < 40; round++)
        {
            var words = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => Words[random.Next(Words.Length)]).ToList();
            var lucene = Question(words, (field, word) => new TermQuery(new Term(field, word)));
            var ours = Question(words, (field, word) =>
            {
                var term = new Term(field, word);
                if (!indexed.TryGetValue(term, out var postings))
                {
                    indexed[term] = postings = IndexedTerm.Read(searcher, term);
                }

                return new IndexedTermQuery(postings, searcher.CollectionStatistics(field));
            });

            foreach (var filter in new Filter?[] { null, latest })
            {
                var expected = searcher.Search(lucene, filter, 50);
                var actual = searcher.Search(ours, filter, 50);

                Assert.Equal(expected.TotalHits, actual.TotalHits);
                Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
            }
        }
    }

    private static BooleanQuery Question(List<string> words, Func<string, string, Query> term)
    {
        var question = new BooleanQuery();
        foreach (var word in words)
        {
            var disjunction = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in new[] { ("heading", 4f), ("body", 1f) })
            {
                var query = term(field, word);
                query.Boost = boost;
                disjunction.Add(query);
            }

            question.Add(disjunction, Occur.SHOULD);
        }

        return question;
    }

    private static string Text(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
}
