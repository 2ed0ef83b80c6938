using System.Collections.Concurrent;
using System.Collections.Immutable;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Tietosuoja.Web.Guidance.Search;

public enum SearchProblem
{
    Empty,
    TooLong,
    NoWords,
}

/// <summary>One section found: where it is, its heading and a snippet with the matched words in &lt;mark&gt;.</summary>
public sealed record SearchHit(Chapter Chapter, ChapterVersion Version, string? Anchor, string HeadingHtml, string SnippetHtml, bool IsLatest);

/// <summary>One page of results; <see cref="FirstRank"/> is the rank of its first hit (1-based).</summary>
/// <param name="Suggestion">The query with its unknown words spelled as the dictionary or the index would have them ("did you mean"), or null.</param>
public sealed record SearchResults(string Query, bool IncludeEarlier, SearchProblem? Problem, IReadOnlyList<SearchHit> Hits, int Total, int Page = 1, string? Suggestion = null)
{
    /// <summary>The pages on offer: never more than <see cref="GuidanceSearchIndex.MaxPages"/>.</summary>
    public Paging Paging => Paging.For(Math.Min(Total, GuidanceSearchIndex.MaxPages * GuidanceSearchIndex.PageSize), GuidanceSearchIndex.PageSize, Page);

    public int PageCount => Total == 0 ? 0 : Paging.PageCount;

    public int FirstRank => Paging.Skip + 1;

    public static SearchResults Refused(string query, bool includeEarlier, SearchProblem problem) => new(query, includeEarlier, problem, [], 0);
}

/// <summary>
/// A Lucene index over every section of every chapter version, one per language, built in memory
/// with the content snapshot it belongs to, so search and pages always show the same content.
/// A query is analyzed like the text and becomes one clause per word (any of its stems or parts,
/// in the chapter title, section heading or body); headings weigh most, and a word found only as a
/// part of a compound weighs less than the word itself. No query syntax is
/// parsed, so quotes, operators and stray punctuation cannot cause an error.
/// </summary>
public sealed partial class GuidanceSearchIndex
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 10;

    /// <summary>Pages beyond this are not offered: nobody reads them, and each costs more than the last.</summary>
    public const int MaxPages = 20;
    private const int MaxWords = 32;
    private const string TitleField = "title";
    private const string HeadingField = "heading";
    private const string BodyField = "body";
    private const string HeadingPartsField = "heading-parts";
    private const string BodyPartsField = "body-parts";
    private const string EntryField = "entry";
    private const string LatestField = "latest";

    // Whole words weigh most in a heading. Compound parts find sections that would otherwise be
    // missed but barely affect the order: a word found only inside a compound ("kunta" in
    // "lautakunta") weighs far less than the word itself, or the commonest parts would flood the
    // results. A part of a query word is looked for only among the parts.
    private static readonly (string Field, float Boost)[] WordFields =
        [(HeadingField, 4f), (TitleField, 2f), (BodyField, 1f), (HeadingPartsField, 0.3f), (BodyPartsField, 0.1f)];

    private static readonly (string Field, float Boost)[] PartFields = [(HeadingPartsField, 0.1f), (BodyPartsField, 0.05f)];


    private readonly ImmutableDictionary<Language, LanguageIndex> _indexes;

    private readonly LanguageTools _tools;

    private GuidanceSearchIndex(ImmutableDictionary<Language, LanguageIndex> indexes, LanguageTools tools)
    {
        _indexes = indexes;
        _tools = tools;
    }

    /// <param name="tools">The dictionaries to analyze with (default: <see cref="LanguageTools.Default"/>, this machine's).</param>
    public static GuidanceSearchIndex Build(IEnumerable<Chapter> chapters, LanguageTools? tools = null)
    {
        var list = chapters.ToList();
        tools ??= LanguageTools.Default;
        // The languages' indexes share nothing but the (thread-safe) analysis caches: built side by side.
        var builds = Languages.All.Select(language => (language, Task.Run(() => LanguageIndex.Build(list, language, tools)))).ToList();
        var index = new GuidanceSearchIndex(builds.ToImmutableDictionary(b => b.language, b => b.Item2.GetAwaiter().GetResult()), tools);
        // Off the build's path: the next start reads these analyses instead of making them.
        _ = tools.PersistAnalysesAsync();
        return index;
    }

    public SearchResults Search(Language language, string? query, bool includeEarlier, int page = 1)
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

        // Every word analyzed from here on is the reader's, the "did you mean" check's included:
        // kept in memory only, and never waiting for a dictionary still loading.
        using var queryScope = AnalysisCache.Query();
        var words = _tools.Analyzer(language).QueryWords(text).Take(MaxWords).ToList();
        if (words.Count == 0)
        {
            return SearchResults.Refused(text, includeEarlier, SearchProblem.NoWords);
        }

        var index = _indexes[language];
        var anyWord = new BooleanQuery();
        foreach (var queryWord in words)
        {
            // One clause per word even when none of its terms is indexed: the coordination
            // factor counts the words of the query, as before the terms were pruned.
            var word = new DisjunctionMaxQuery(0.1f);
            AddClauses(word, queryWord.Stems, WordFields, index);
            AddClauses(word, queryWord.Parts, PartFields, index);
            anyWord.Add(word, Occur.SHOULD);
        }

        var results = index.Search(text, anyWord, words, includeEarlier, Math.Clamp(page, 1, MaxPages));
        return results with { Suggestion = Suggestion(language, text, words, index) };
    }

    /// <summary>
    /// The query with each word that neither the dictionary nor the index knows replaced by the
    /// likeliest spelling: in Finnish the first of Voikko's suggestions that the index has, else
    /// (Swedish, where Lucene's Hunspell has no suggestions, or without Voikko) the index's own word
    /// nearest by edit distance. Null when every word is known or nothing better is found.
    /// </summary>
    private string? Suggestion(Language language, string text, List<QueryWord> words, LanguageIndex index)
    {
        var morphology = _tools.For(language);
        string? corrected = null;
        foreach (var word in words)
        {
            var lower = word.Text.ToLowerInvariant();
            // A compound read from its parts is no proof of the spelling ("personuppgiftsansvarg" reads as "…sans" + "varg").
            if (index.Knows(word.Stems) || morphology?.Analyze(lower) is { IsGuess: false } || lower.Any(char.IsDigit))
            {
                continue;
            }

            var replacement = (morphology?.Suggest(lower) ?? []).Take(5)
                .FirstOrDefault(s => index.Knows(_tools.Analyzer(language).QueryWords(s).SelectMany(w => w.Stems)))
                ?? index.NearestWord(lower);
            if (replacement is not null)
            {
                corrected = (corrected ?? text).Replace(word.Text, replacement, StringComparison.Ordinal);
            }
        }

        return corrected;
    }

    /// <summary>
    /// A term query only for each field that has the term: a query word's stems and parts times five
    /// fields are some 50–100 term lookups, most of them misses, and the lookups were a third of a
    /// search. A missing term matches nothing, so leaving it out changes no score but the query
    /// norm, which scales every score alike and so keeps the order.
    /// </summary>
    private static void AddClauses(DisjunctionMaxQuery word, IEnumerable<string> terms, (string Field, float Boost)[] fields, LanguageIndex index)
    {
        foreach (var term in terms)
        {
            foreach (var (field, boost) in fields)
            {
                if (index.Has(field, term))
                {
                    var query = index.TermQuery(field, term);
                    query.Boost = boost;
                    word.Add(query);
                }
            }
        }
    }

    private sealed record Entry(Chapter Chapter, ChapterVersion Version, string? Anchor, string Heading, string Body, bool IsLatest, TermOffsets TitleTerms, TermOffsets HeadingTerms, TermOffsets BodyTerms);

    /// <param name="entryOf">Lucene document → index into <paramref name="entries"/> (no stored-field decompression per hit).</param>
    private sealed partial class LanguageIndex(IndexSearcher searcher, int[] entryOf, ImmutableArray<Entry> entries, TermIds termIds, Vocabulary vocabulary, Dictionary<string, int> fieldsOfTerm)
    {
        private static readonly string[] SearchedFields = [TitleField, HeadingField, BodyField, HeadingPartsField, BodyPartsField];

        public bool Knows(IEnumerable<string> terms) => termIds.Any(terms);

        /// <summary>Whether <paramref name="field"/> holds <paramref name="term"/> in any section (read-only after the build).</summary>
        public bool Has(string field, string term) =>
            fieldsOfTerm.TryGetValue(term, out var fields) && (fields & (1 << Array.IndexOf(SearchedFields, field))) != 0;

        // Each term's statistics and postings, read from the index once rather than on every
        // search (see IndexedTerm); at most one entry per indexed term and field, as the index is
        // immutable. Keyed by strings, so that a search makes no Term (and its UTF-8 bytes) per lookup.
        private readonly ConcurrentDictionary<(string Field, string Text), IndexedTerm> _terms = new();

        // A field's statistics are the same for every search of this index.
        private readonly ConcurrentDictionary<string, CollectionStatistics> _fieldStatistics = new(StringComparer.Ordinal);

        private Func<(string Field, string Text), IndexedTerm>? _readTerm;

        private Func<string, CollectionStatistics>? _readFieldStatistics;

        public IndexedTermQuery TermQuery(string field, string term) =>
            new(
                _terms.GetOrAdd((field, term), _readTerm ??= key => IndexedTerm.Read(searcher, new Term(key.Field, key.Text))),
                _fieldStatistics.GetOrAdd(field, _readFieldStatistics ??= searcher.CollectionStatistics));

        public string? NearestWord(string word) => vocabulary.Nearest(word);

        // Cached per index segment: the latest versions are the same for every search of this index.
        private readonly Filter _latestOnly = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(LatestField, "1"))));

        public static LanguageIndex Build(List<Chapter> chapters, Language language, LanguageTools tools)
        {
            var entries = ImmutableArray.CreateBuilder<Entry>();
            var termIds = new TermIds();
            var vocabulary = new Vocabulary();
            var analyzerWithParts = tools.Analyzer(language);
            var directory = new RAMDirectory();
            // Whole-word fields keep every word as written (stemmed); the parts fields also hold compound parts.
            var analyzer = new PerFieldAnalyzerWrapper(
                tools.WholeWords(language),
                new Dictionary<string, Analyzer> { [HeadingPartsField] = tools.Analyzer(language), [BodyPartsField] = tools.Analyzer(language) });
            // No compound file: in a RAMDirectory it saves nothing, and each term scorer of every
            // search would read its postings through a buffered slice of it, cloned with a 1 KiB
            // buffer of its own (a tenth of the garbage a search page made).
            var config = new IndexWriterConfig(GuidanceAnalyzer.MatchVersion, analyzer) { UseCompoundFile = false };
            config.MergePolicy.NoCFSRatio = 0;
            using (var writer = new IndexWriter(directory, config))
            {
                foreach (var chapter in chapters)
                {
                    var latest = chapter.LatestPublished(language);

                    // Newest first, so that equal scores list the newer version first.
                    foreach (var version in chapter.Versions(language).Reverse())
                    {
                        var titleTerms = TermOffsets.Of(analyzerWithParts, version.Title, termIds, vocabulary);
                        foreach (var section in Sections(version))
                        {
                            var entry = new Entry(
                                chapter,
                                version,
                                section.Anchor,
                                section.Heading,
                                section.Body,
                                version == latest,
                                titleTerms,
                                TermOffsets.Of(analyzerWithParts, section.Heading, termIds, vocabulary),
                                TermOffsets.Of(analyzerWithParts, section.Body, termIds, vocabulary));
                            var document = new Document
                            {
                                new NumericDocValuesField(EntryField, entries.Count),
                                new StringField(LatestField, entry.IsLatest ? "1" : "0", Field.Store.NO),
                                new TextField(TitleField, version.Title, Field.Store.NO),
                                new TextField(HeadingField, section.Heading, Field.Store.NO),
                                new TextField(BodyField, section.Body, Field.Store.NO),
                                new TextField(HeadingPartsField, section.Heading, Field.Store.NO),
                                new TextField(BodyPartsField, section.Body, Field.Store.NO),
                            };
                            writer.AddDocument(document);
                            entries.Add(entry);
                        }
                    }
                }

                // One segment: a search sets up a scorer per term and segment, and a bigger corpus
                // than the repository's is flushed in several. A no-op when it is one already.
                writer.ForceMerge(1);
                writer.Commit();
            }

            return Open(directory, entries.ToImmutable(), termIds, vocabulary);
        }

        /// <summary>The searcher over a finished index and what is read from it once: a fresh build's or a stored one's (<see cref="Restore"/>).</summary>
        private static LanguageIndex Open(Lucene.Net.Store.Directory directory, ImmutableArray<Entry> entries, TermIds termIds, Vocabulary vocabulary)
        {
            var reader = DirectoryReader.Open(directory);
            // Read once into an array: doc values objects are not safe to share between threads.
            var values = MultiDocValues.GetNumericValues(reader, EntryField);
            var entryOf = Enumerable.Range(0, reader.MaxDoc).Select(document => (int)values.Get(document)).ToArray();
            return new LanguageIndex(new IndexSearcher(reader), entryOf, entries, termIds, vocabulary, FieldsOfTerms(reader));
        }

        /// <summary>Every indexed term with a bit for each of <see cref="SearchedFields"/> that has it.</summary>
        private static Dictionary<string, int> FieldsOfTerms(IndexReader reader)
        {
            var fieldsOfTerm = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var field = 0; field < SearchedFields.Length; field++)
            {
                var terms = MultiFields.GetTerms(reader, SearchedFields[field])?.GetEnumerator();
                while (terms is not null && terms.MoveNext())
                {
                    var term = terms.Term.Utf8ToString();
                    fieldsOfTerm[term] = fieldsOfTerm.GetValueOrDefault(term) | (1 << field);
                }
            }

            return fieldsOfTerm;
        }

        public SearchResults Search(string text, Query query, IReadOnlyList<QueryWord> words, bool includeEarlier, int page)
        {
            var top = searcher.Search(query, includeEarlier ? null : _latestOnly, page * PageSize);
            // A page past the last one shows the last one.
            page = Paging.For(top.TotalHits, PageSize, page).Page;
            var stems = termIds.Of(words.SelectMany(w => w.Stems));
            var all = termIds.Of(words.SelectMany(w => w.AllTerms));
            // Snippets only for the hits of the page shown: the offsets of every section's terms
            // are kept beside the index, so a snippet costs a few binary searches and no analysis.
            var hits = top.ScoreDocs.Skip((page - 1) * PageSize).Select(scored =>
            {
                var entry = entries[entryOf[scored.Doc]];
                var (heading, headingTerms) = entry.Anchor is null ? (entry.Version.Title, entry.TitleTerms) : (entry.Heading, entry.HeadingTerms);
                return new SearchHit(
                    entry.Chapter,
                    entry.Version,
                    entry.Anchor,
                    Snippet.Highlight(heading, headingTerms.Marks(stems, all), int.MaxValue),
                    Snippet.Highlight(entry.Body, entry.BodyTerms.Marks(stems, all), Snippet.DefaultLength),
                    entry.IsLatest);
            }).ToList();
            return new SearchResults(text, includeEarlier, null, hits, top.TotalHits, page);
        }

        /// <summary>
        /// A version's text cut at its headings; text before the first heading is the introduction
        /// (no anchor). A block belongs to the section its anchor names, so footnotes, which come
        /// last, are found in the section that refers to them. Table rows are written out as
        /// sentences (<see cref="TableRowText"/>), so no table syntax reaches a snippet.
        /// </summary>
        private static IEnumerable<(string? Anchor, string Heading, string Body)> Sections(ChapterVersion version)
        {
            var sections = new List<(string? Anchor, string Heading, List<string> Body)>();
            string[]? columns = null;
            foreach (var block in version.Text)
            {
                var text = block.Text;
                if (block.Kind != TextBlockKind.TableRow)
                {
                    columns = null;
                }
                else if (columns is null)
                {
                    // The first row of a table is its header row.
                    columns = Cells(text);
                    text = string.Join(", ", columns) + ".";
                }
                else
                {
                    text = TableRowText(columns, Cells(text));
                }

                var index = block.Kind == TextBlockKind.Heading ? -1 : sections.FindLastIndex(s => s.Anchor == block.SectionAnchor);
                if (index < 0)
                {
                    sections.Add((block.SectionAnchor, block.Kind == TextBlockKind.Heading ? block.Text : string.Empty, []));
                    index = sections.Count - 1;
                }

                if (block.Kind != TextBlockKind.Heading)
                {
                    sections[index].Body.Add(text);
                }
            }

            return sections.Select(s => (s.Anchor, s.Heading, string.Join(' ', s.Body)));
        }

        private static string[] Cells(string row) => [.. row.Split(" | ").Select(c => c.Trim())];

        /// <summary>
        /// A data row as text that names, for each cell, its row (the first cell) and its column
        /// header: "Poistaminen – Suostumus: kyllä." A snippet cut from a cell thus says what the
        /// cell is about, which "| kyllä |" alone could not.
        /// </summary>
        internal static string TableRowText(string[] columns, string[] cells)
        {
            if (cells.Length < 2)
            {
                return string.Join(" ", cells);
            }

            var sentences = cells.Skip(1).Select((cell, i) =>
            {
                var column = i + 1 < columns.Length ? columns[i + 1] : string.Empty;
                return column.Length == 0 ? $"{cells[0]}: {cell}." : $"{cells[0]} – {column}: {cell}.";
            });
            return string.Join(" ", sentences);
        }
    }
}
