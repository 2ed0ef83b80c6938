using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace Tietosuoja.Web.Guidance;

public enum Change
{
    Unchanged,
    Added,
    Removed,
    Modified,
}

/// <summary>A run of words that is the same in both versions, only in the newer one (added) or only in the older one (removed).</summary>
public sealed record DiffPiece(string Text, Change Change);

/// <summary>One block of the comparison: a block of the newer version, or a removed block of the older one.</summary>
public sealed record ComparedBlock(TextBlock Block, Change Change, ImmutableArray<DiffPiece> Pieces);

/// <summary>A section with changes, named by its heading (null anchor: the introduction before the first heading).</summary>
public sealed record ChangedSection(string? Anchor, string Heading, bool Removed);

/// <summary>
/// What changed between two versions of a chapter, computed from their plain text (what readers
/// see, not the Markdown source): blocks are aligned with DiffPlex, and a paragraph that was edited
/// rather than replaced is compared word by word.
/// </summary>
public sealed partial class VersionComparison
{
    // Blocks sharing fewer words than this are shown as one removed and one added block: a
    // word-level diff of two unrelated paragraphs is harder to read than both paragraphs.
    private const double EditedParagraphSimilarity = 0.4;

    private VersionComparison(ChapterVersion from, ChapterVersion to, ImmutableArray<ComparedBlock> blocks)
    {
        From = from;
        To = to;
        Blocks = blocks;
        ChangedSections = FindChangedSections(blocks);
    }

    public ChapterVersion From { get; }

    public ChapterVersion To { get; }

    public ImmutableArray<ComparedBlock> Blocks { get; }

    public ImmutableArray<ChangedSection> ChangedSections { get; }

    public int Count(Change change) => Blocks.Count(b => b.Change == change);

    public bool HasChanges => Blocks.Any(b => b.Change != Change.Unchanged);

    public static VersionComparison Compare(ChapterVersion from, ChapterVersion to)
    {
        var older = from.Text;
        var newer = to.Text;
        var diff = Differ.Instance.CreateDiffs(
            string.Join('\n', older.Select(Key)),
            string.Join('\n', newer.Select(Key)),
            ignoreWhiteSpace: false,
            ignoreCase: false,
            new LineChunker());

        var blocks = ImmutableArray.CreateBuilder<ComparedBlock>();
        var nextNew = 0;
        foreach (var region in diff.DiffBlocks)
        {
            for (; nextNew < region.InsertStartB; nextNew++)
            {
                blocks.Add(Same(newer[nextNew]));
            }

            var removed = older.Skip(region.DeleteStartA).Take(region.DeleteCountA).ToList();
            var added = newer.Skip(region.InsertStartB).Take(region.InsertCountB).ToList();
            AddRegion(blocks, removed, added);
            nextNew = region.InsertStartB + region.InsertCountB;
        }

        for (; nextNew < newer.Length; nextNew++)
        {
            blocks.Add(Same(newer[nextNew]));
        }

        return new VersionComparison(from, to, blocks.ToImmutable());
    }

    /// <summary>
    /// Pairs edited blocks in a changed region; what cannot be paired is removed or added whole.
    /// Added text is placed before a removed heading, so it reads under the section it belongs to.
    /// </summary>
    private static void AddRegion(ImmutableArray<ComparedBlock>.Builder blocks, List<TextBlock> removed, List<TextBlock> added)
    {
        var r = 0;
        var a = 0;
        while (r < removed.Count || a < added.Count)
        {
            if (r < removed.Count && a < added.Count && IsEdit(removed[r], added[a]))
            {
                blocks.Add(new ComparedBlock(added[a], Change.Modified, WordDiff(removed[r].Text, added[a].Text)));
                r++;
                a++;
            }
            else if (r < removed.Count && (a >= added.Count || !added.Skip(a).Any(x => IsEdit(removed[r], x)))
                && !(a < added.Count && removed[r].Kind == TextBlockKind.Heading && added[a].Kind != TextBlockKind.Heading))
            {
                blocks.Add(new ComparedBlock(removed[r], Change.Removed, [new DiffPiece(removed[r].Text, Change.Removed)]));
                r++;
            }
            else
            {
                blocks.Add(new ComparedBlock(added[a], Change.Added, [new DiffPiece(added[a].Text, Change.Added)]));
                a++;
            }
        }
    }

    private static bool IsEdit(TextBlock older, TextBlock newer)
    {
        if (older.Kind != newer.Kind)
        {
            return false;
        }

        var olderWords = Words(older.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var newerWords = Words(newer.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var shared = olderWords.Intersect(newerWords, StringComparer.OrdinalIgnoreCase).Count();
        return shared >= EditedParagraphSimilarity * Math.Max(olderWords.Count, newerWords.Count);
    }

    /// <summary>Word-level changes inside one edited block; spaces and punctuation are their own tokens, so the text is rebuilt exactly.</summary>
    public static ImmutableArray<DiffPiece> WordDiff(string older, string newer)
    {
        var olderTokens = Tokens(older);
        var newerTokens = Tokens(newer);
        var diff = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, new CustomFunctionChunker(Tokens));

        var pieces = new List<DiffPiece>();
        var nextNew = 0;
        foreach (var region in diff.DiffBlocks)
        {
            Append(pieces, newerTokens[nextNew..region.InsertStartB], Change.Unchanged);
            Append(pieces, olderTokens[region.DeleteStartA..(region.DeleteStartA + region.DeleteCountA)], Change.Removed);
            Append(pieces, newerTokens[region.InsertStartB..(region.InsertStartB + region.InsertCountB)], Change.Added);
            nextNew = region.InsertStartB + region.InsertCountB;
        }

        Append(pieces, newerTokens[nextNew..], Change.Unchanged);
        return [.. pieces];
    }

    private static void Append(List<DiffPiece> pieces, string[] tokens, Change change)
    {
        if (tokens.Length == 0)
        {
            return;
        }

        var text = string.Concat(tokens);
        if (pieces.Count > 0 && pieces[^1].Change == change)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(text, change));
        }
    }

    private static ComparedBlock Same(TextBlock block) => new(block, Change.Unchanged, [new DiffPiece(block.Text, Change.Unchanged)]);

    private static string Key(TextBlock block) => $"{block.Kind}:{block.Level}:{block.Text}";

    private static string[] Tokens(string text) => TokenPattern().Matches(text).Select(m => m.Value).ToArray();

    private static IEnumerable<string> Words(string text) => TokenPattern().Matches(text).Select(m => m.Value).Where(t => char.IsLetterOrDigit(t[0]));

    private static ImmutableArray<ChangedSection> FindChangedSections(ImmutableArray<ComparedBlock> blocks)
    {
        var sections = new List<ChangedSection>();
        ComparedBlock? heading = null;
        var listed = false;
        foreach (var block in blocks)
        {
            if (block.Block.Kind == TextBlockKind.Heading)
            {
                heading = block;
                listed = false;
            }

            if (block.Change != Change.Unchanged && !listed)
            {
                sections.Add(new ChangedSection(heading?.Block.SectionAnchor, heading?.Block.Text ?? string.Empty, heading?.Change == Change.Removed));
                listed = true;
            }
        }

        return [.. sections];
    }

    [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
