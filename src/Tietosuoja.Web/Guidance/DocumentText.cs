using System.Collections.Immutable;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Tietosuoja.Web.Guidance;

public enum TextBlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Quote,
    TableRow,
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
        string? anchor = null;
        Walk(document, TextBlockKind.Paragraph, blocks, ref anchor);
        return blocks.ToImmutable();
    }

    private static void Walk(ContainerBlock container, TextBlockKind context, ImmutableArray<TextBlock>.Builder blocks, ref string? anchor)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                case ThematicBreakBlock:
                    break;
                case HeadingBlock heading:
                    anchor = heading.GetAttributes().Id ?? anchor;
                    Add(blocks, TextBlockKind.Heading, heading.Level, MarkdownRenderer.PlainText(heading.Inline), anchor);
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        var cells = row.OfType<TableCell>().Select(cell => string.Join(' ', cell.OfType<LeafBlock>().Select(LeafText)));
                        Add(blocks, TextBlockKind.TableRow, 0, string.Join(" | ", cells), anchor);
                    }

                    break;
                case ListItemBlock item:
                    Walk(item, TextBlockKind.ListItem, blocks, ref anchor);
                    break;
                case QuoteBlock quote:
                    Walk(quote, TextBlockKind.Quote, blocks, ref anchor);
                    break;
                case ContainerBlock inner:
                    Walk(inner, context, blocks, ref anchor);
                    break;
                case LeafBlock leaf:
                    Add(blocks, context, 0, LeafText(leaf), anchor);
                    break;
                default:
                    break;
            }
        }
    }

    private static string LeafText(LeafBlock leaf) =>
        leaf.Inline is not null
            ? MarkdownRenderer.PlainText(leaf.Inline)
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
