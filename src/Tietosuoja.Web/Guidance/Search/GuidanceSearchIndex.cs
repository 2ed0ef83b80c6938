using System.Collections.Immutable;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Tietosuoja.Web.Guidance.Search;

public enum SearchProblem
{
    Empty,
    TooLong,
    NoWords,
}

/// <summary>One section found: where it is, its heading and a snippet with the matched words in &lt;mark&gt;.</summary>
public sealed record SearchHit(Chapter Chapter, ChapterVersion Version, string? Anchor, string HeadingHtml, string SnippetHtml, bool IsLatest);

public sealed record SearchResults(string Query, bool IncludeEarlier, SearchProblem? Problem, IReadOnlyList<SearchHit> Hits, int Total)
{
    public static SearchResults Refused(string query, bool includeEarlier, SearchProblem problem) => new(query, includeEarlier, problem, [], 0);
}

/// <summary>
/// A Lucene index over every section of every chapter version, one per language, built in memory
/// with the content snapshot it belongs to, so search and pages always show the same content.
/// A query is analyzed like the text and becomes one clause per word (any of its stems or parts,
/// in the chapter title, section heading or body); headings weigh most. No query syntax is
/// parsed, so quotes, operators and stray punctuation cannot cause an error.
/// </summary>
public sealed class GuidanceSearchIndex
{
    public const int MaxQueryLength = 200;
    public const int MaxResults = 30;
    private const int MaxWords = 32;
    private const string TitleField = "title";
    private const string HeadingField = "heading";
    private const string BodyField = "body";
    private const string EntryField = "entry";
    private const string LatestField = "latest";

    private static readonly (string Field, float Boost)[] WeightedFields = [(HeadingField, 4f), (TitleField, 2f), (BodyField, 1f)];

    private readonly ImmutableDictionary<Language, LanguageIndex> _indexes;

    private GuidanceSearchIndex(ImmutableDictionary<Language, LanguageIndex> indexes) => _indexes = indexes;

    public static GuidanceSearchIndex Build(IEnumerable<Chapter> chapters)
    {
        var list = chapters.ToList();
        return new GuidanceSearchIndex(Languages.All.ToImmutableDictionary(language => language, language => LanguageIndex.Build(list, language)));
    }

    public SearchResults Search(Language language, string? query, bool includeEarlier)
    {
        var text = (query ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return SearchResults.Refused(text, includeEarlier, SearchProblem.Empty);
        }

        if (text.Length > MaxQueryLength)
        {
            return SearchResults.Refused(text, includeEarlier, SearchProblem.TooLong);
        }

        var analyzer = GuidanceAnalyzer.For(language);
        var words = analyzer.TermsByWord(text).Take(MaxWords).ToList();
        if (words.Count == 0)
        {
            return SearchResults.Refused(text, includeEarlier, SearchProblem.NoWords);
        }

        var anyWord = new BooleanQuery();
        foreach (var terms in words)
        {
            var word = new DisjunctionMaxQuery(0.1f);
            foreach (var term in terms)
            {
                foreach (var (field, boost) in WeightedFields)
                {
                    word.Add(new TermQuery(new Term(field, term)) { Boost = boost });
                }
            }

            anyWord.Add(word, Occur.SHOULD);
        }

        var matched = words.SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        return _indexes[language].Search(text, anyWord, matched, analyzer, includeEarlier);
    }

    private sealed record Entry(Chapter Chapter, ChapterVersion Version, string? Anchor, string Heading, string Body, bool IsLatest);

    private sealed class LanguageIndex(IndexSearcher searcher, ImmutableArray<Entry> entries)
    {
        private static readonly Filter LatestOnly = new QueryWrapperFilter(new TermQuery(new Term(LatestField, "1")));

        public static LanguageIndex Build(List<Chapter> chapters, Language language)
        {
            var entries = ImmutableArray.CreateBuilder<Entry>();
            var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(GuidanceAnalyzer.MatchVersion, GuidanceAnalyzer.For(language))))
            {
                foreach (var chapter in chapters)
                {
                    var latest = chapter.LatestPublished(language);
                    // Newest first, so that equal scores list the newer version first.
                    foreach (var version in chapter.Versions(language).Reverse())
                    {
                        foreach (var section in Sections(version))
                        {
                            var entry = new Entry(chapter, version, section.Anchor, section.Heading, section.Body, version == latest);
                            var document = new Document
                            {
                                new StoredField(EntryField, entries.Count),
                                new StringField(LatestField, entry.IsLatest ? "1" : "0", Field.Store.NO),
                                new TextField(TitleField, version.Title, Field.Store.NO),
                                new TextField(HeadingField, section.Heading, Field.Store.NO),
                                new TextField(BodyField, section.Body, Field.Store.NO),
                            };
                            writer.AddDocument(document);
                            entries.Add(entry);
                        }
                    }
                }

                writer.Commit();
            }

            return new LanguageIndex(new IndexSearcher(DirectoryReader.Open(directory)), entries.ToImmutable());
        }

        public SearchResults Search(string text, Query query, HashSet<string> matched, GuidanceAnalyzer analyzer, bool includeEarlier)
        {
            var top = searcher.Search(query, includeEarlier ? null : LatestOnly, MaxResults);
            var hits = top.ScoreDocs.Select(scored =>
            {
                var entry = entries[searcher.Doc(scored.Doc).GetField(EntryField).GetInt32Value()!.Value];
                var heading = entry.Anchor is null ? entry.Version.Title : entry.Heading;
                return new SearchHit(
                    entry.Chapter,
                    entry.Version,
                    entry.Anchor,
                    Snippet.Highlight(heading, analyzer, matched, int.MaxValue),
                    Snippet.Highlight(entry.Body, analyzer, matched, Snippet.DefaultLength),
                    entry.IsLatest);
            }).ToList();
            return new SearchResults(text, includeEarlier, null, hits, top.TotalHits);
        }

        /// <summary>A version's text cut at its headings; text before the first heading is the introduction (no anchor).</summary>
        private static IEnumerable<(string? Anchor, string Heading, string Body)> Sections(ChapterVersion version)
        {
            string? anchor = null;
            var heading = string.Empty;
            var body = new List<string>();
            foreach (var block in version.Text)
            {
                if (block.Kind == TextBlockKind.Heading)
                {
                    if (anchor is not null || body.Count > 0)
                    {
                        yield return (anchor, heading, string.Join(' ', body));
                    }

                    anchor = block.SectionAnchor;
                    heading = block.Text;
                    body.Clear();
                }
                else
                {
                    body.Add(block.Text);
                }
            }

            if (anchor is not null || body.Count > 0)
            {
                yield return (anchor, heading, string.Join(' ', body));
            }
        }
    }
}
