using System.Collections.Immutable;
using Lucene.Net.Store;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// The index in a stored form (<see cref="PersistedSnapshot"/>, ADR 0020): per language the
/// Lucene index's files as the build left them, the term numbers, the vocabulary and every
/// section's term offsets, so that a restart on the same content and code reads the index instead
/// of analysing and inverting the guidance again. Read back, the files are the same bytes in the
/// same kind of directory, so every search scores and ranks as on a fresh build.
/// </summary>
public sealed partial class GuidanceSearchIndex
{
    internal void Write(BinaryWriter writer)
    {
        foreach (var language in Languages.All)
        {
            _indexes[language].Write(writer);
        }
    }

    /// <param name="chapters">The chapters of the snapshot the index was built for, read from the same store.</param>
    /// <exception cref="InvalidDataException">The stored index does not fit <paramref name="chapters"/>.</exception>
    internal static GuidanceSearchIndex Read(BinaryReader reader, IReadOnlyList<Chapter> chapters, LanguageTools tools)
    {
        var indexes = ImmutableDictionary.CreateBuilder<Language, LanguageIndex>();
        foreach (var language in Languages.All)
        {
            indexes[language] = LanguageIndex.Read(reader, chapters, language);
        }

        return new GuidanceSearchIndex(indexes.ToImmutable(), tools);
    }

    private sealed partial class LanguageIndex
    {
        public void Write(BinaryWriter writer)
        {
            var terms = termIds.InOrder();
            writer.Write(terms.Count);
            foreach (var term in terms)
            {
                writer.Write(term);
            }

            var words = vocabulary.Counts();
            writer.Write(words.Count);
            foreach (var (word, count) in words)
            {
                writer.Write(word);
                writer.Write(count);
            }

            writer.Write(entries.Length);
            foreach (var entry in entries)
            {
                entry.TitleTerms.Write(writer);
                entry.HeadingTerms.Write(writer);
                entry.BodyTerms.Write(writer);
            }

            var directory = ((Lucene.Net.Index.DirectoryReader)searcher.IndexReader).Directory;
            var files = directory.ListAll().Order(StringComparer.Ordinal).ToArray();
            writer.Write(files.Length);
            foreach (var file in files)
            {
                using var input = directory.OpenInput(file, IOContext.READ_ONCE);
                var bytes = new byte[checked((int)input.Length)];
                input.ReadBytes(bytes, 0, bytes.Length);
                writer.Write(file);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }
        }

        /// <summary>
        /// The entries are those <see cref="Build"/> makes, in its order, from the same chapters;
        /// only their term offsets are stored.
        /// </summary>
        public static LanguageIndex Read(BinaryReader reader, IReadOnlyList<Chapter> chapters, Language language)
        {
            var termIds = new TermIds();
            var termCount = reader.ReadInt32();
            for (var i = 0; i < termCount; i++)
            {
                if (termIds.Add(reader.ReadString()) != i)
                {
                    throw new InvalidDataException("a term is stored twice");
                }
            }

            var vocabulary = new Vocabulary();
            var wordCount = reader.ReadInt32();
            for (var i = 0; i < wordCount; i++)
            {
                vocabulary.Add(reader.ReadString(), reader.ReadInt32());
            }

            var entryCount = reader.ReadInt32();
            var entries = ImmutableArray.CreateBuilder<Entry>(entryCount);
            foreach (var chapter in chapters)
            {
                var latest = chapter.LatestPublished(language);
                foreach (var version in chapter.Versions(language).Reverse())
                {
                    foreach (var section in Sections(version))
                    {
                        if (entries.Count == entryCount)
                        {
                            throw new InvalidDataException("the content has more sections than the stored index");
                        }

                        var title = TermOffsets.Read(reader, termCount, version.Title.Length);
                        var heading = TermOffsets.Read(reader, termCount, section.Heading.Length);
                        var body = TermOffsets.Read(reader, termCount, section.Body.Length);
                        entries.Add(new Entry(chapter, version, section.Anchor, section.Heading, section.Body, version == latest, title, heading, body));
                    }
                }
            }

            if (entries.Count != entryCount)
            {
                throw new InvalidDataException("the content has fewer sections than the stored index");
            }

            var directory = new RAMDirectory();
            var fileCount = reader.ReadInt32();
            for (var i = 0; i < fileCount; i++)
            {
                var name = reader.ReadString();
                var bytes = reader.ReadBytes(reader.ReadInt32());
                using var output = directory.CreateOutput(name, IOContext.DEFAULT);
                output.WriteBytes(bytes, 0, bytes.Length);
            }

            return Open(directory, entries.MoveToImmutable(), termIds, vocabulary);
        }
    }
}
