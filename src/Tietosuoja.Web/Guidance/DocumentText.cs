using System.Collections.Immutable;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tietosuoja.Web.Guidance;

public enum TextBlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Quote,
    TableRow,

    /// <summary>A footnote's text; <see cref="TextBlock.Level"/> is its number as readers see it.</summary>
    Footnote,
}

/// <summary>
/// One block of a document's readable text, in document order. <see cref="SectionAnchor"/> is the
/// anchor of the heading it belongs to (for a heading, its own), or null before the first heading.
/// </summary>
public sealed record TextBlock(TextBlockKind Kind, int Level, string Text, string? SectionAnchor);

/// <summary>
/// The plain text of a parsed document as blocks: what search indexes and what the version
/// comparison diffs. Both therefore see the same words the reader sees, without Markdown syntax.
/// </summary>
public static class DocumentText
{
    public static ImmutableArray<TextBlock> Blocks(MarkdownDocument document)
    {
        var blocks = ImmutableArray.CreateBuilder<TextBlock>();
        var footnoteSections = new Dictionary<Footnote, string?>();
        string? anchor = null;
        Walk(document, TextBlockKind.Paragraph, blocks, footnoteSections, ref anchor);
        return blocks.ToImmutable();
    }

    /// <summary>
    /// Recursive, like the document: <see cref="MarkdownRenderer.NestingProblem"/> has refused any
    /// document nested deeper than <see cref="MarkdownRenderer.MaxNesting"/> before this runs.
    /// </summary>
    private static void Walk(ContainerBlock container, TextBlockKind context, ImmutableArray<TextBlock>.Builder blocks, Dictionary<Footnote, string?> footnoteSections, ref string? anchor)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                case ThematicBreakBlock:
                case LinkReferenceDefinitionGroup:
                case LinkReferenceDefinition:
                    break;
                case HeadingBlock heading:
                    anchor = heading.GetAttributes().Id ?? anchor;
                    Add(blocks, TextBlockKind.Heading, heading.Level, MarkdownRenderer.PlainText(heading.Inline), anchor);
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        var cells = row.OfType<TableCell>().Select(cell => string.Join(' ', cell.Descendants<LeafBlock>().Select(LeafText)));
                        Add(blocks, TextBlockKind.TableRow, 0, string.Join(" | ", cells), anchor);
                    }

                    break;
                case FootnoteGroup group:
                    // Markdig puts the notes at the end of the document, numbered in the order they are
                    // first referred to; each note belongs to the section that first refers to it.
                    foreach (var footnote in group.OfType<Footnote>().Where(f => f.Order > 0).OrderBy(f => f.Order))
                    {
                        var section = footnoteSections.GetValueOrDefault(footnote, anchor);
                        var text = string.Join(' ', footnote.Descendants<LeafBlock>().Select(LeafText));
                        Add(blocks, TextBlockKind.Footnote, footnote.Order, text, section);
                    }

                    break;
                case ListItemBlock item:
                    Walk(item, TextBlockKind.ListItem, blocks, footnoteSections, ref anchor);
                    break;
                case QuoteBlock quote:
                    Walk(quote, TextBlockKind.Quote, blocks, footnoteSections, ref anchor);
                    break;
                case ContainerBlock inner:
                    Walk(inner, context, blocks, footnoteSections, ref anchor);
                    break;
                case LeafBlock leaf:
                    NoteFootnotes(leaf, footnoteSections, anchor);
                    Add(blocks, context, 0, LeafText(leaf), anchor);
                    break;
                default:
                    break;
            }
        }
    }

    private static void NoteFootnotes(LeafBlock leaf, Dictionary<Footnote, string?> footnoteSections, string? anchor)
    {
        foreach (var link in leaf.Inline?.Descendants<FootnoteLink>() ?? [])
        {
            footnoteSections.TryAdd(link.Footnote, anchor);
        }
    }

    /// <summary>The leaf's inline text; a leaf without inlines (code) gives its lines, one without either nothing.</summary>
    private static string LeafText(LeafBlock leaf) =>
        leaf.Inline is not null
            ? MarkdownRenderer.PlainText(leaf.Inline)
            : leaf.Lines.Lines is null
                ? string.Empty
                : string.Join(' ', leaf.Lines.Lines.Take(leaf.Lines.Count).Select(line => line.ToString().Trim()));

    private static void Add(ImmutableArray<TextBlock>.Builder blocks, TextBlockKind kind, int level, string text, string? anchor)
    {
        var normalised = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (normalised.Length > 0)
        {
            blocks.Add(new TextBlock(kind, level, normalised, anchor));
        }
    }
}
