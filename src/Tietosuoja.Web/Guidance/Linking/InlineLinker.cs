using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tietosuoja.Web.Guidance.Linking;

/// <summary>A span of a run of text to turn into a link.</summary>
public sealed record TextLink(int Start, int Length, string Url, string CssClass);

/// <summary>
/// Turns spans of running text into links, after parsing and before rendering. Guidance text is
/// wrapped, so a citation such as "tietosuoja-asetuksen\n6 artikla" is spread over several literal
/// inlines and soft line breaks; the linker joins each such run into one string for the finder,
/// then rebuilds the run with the found spans inside links. Headings, existing links and code are
/// left alone.
/// </summary>
public static class InlineLinker
{
    public static void Apply(MarkdownDocument document, Func<string, IEnumerable<TextLink>> find)
    {
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is not HeadingBlock && leaf.Inline is { } inline)
            {
                ApplyTo(inline, find);
            }
        }
    }

    private static void ApplyTo(ContainerInline container, Func<string, IEnumerable<TextLink>> find)
    {
        var children = container.ToList();
        var rebuilt = new List<Inline>();
        var run = new List<Inline>();
        var changed = false;
        foreach (var child in children)
        {
            if (child is LiteralInline || child is LineBreakInline { IsHard: false })
            {
                run.Add(child);
                continue;
            }

            changed |= LinkRun(run, find, rebuilt);
            run.Clear();
            if (child is ContainerInline inner and not LinkInline)
            {
                ApplyTo(inner, find);
            }

            rebuilt.Add(child);
        }

        changed |= LinkRun(run, find, rebuilt);
        if (!changed)
        {
            return;
        }

        // Re-append everything in order: Markdig walks inlines by both sibling links, and
        // AppendChild is what keeps them consistent.
        foreach (var child in children)
        {
            child.Remove();
        }

        foreach (var child in rebuilt)
        {
            container.AppendChild(child);
        }
    }

    /// <summary>Adds the run to <paramref name="output"/>, with found spans inside links; true when it linked anything.</summary>
    private static bool LinkRun(List<Inline> run, Func<string, IEnumerable<TextLink>> find, List<Inline> output)
    {
        if (run.Count == 0)
        {
            return false;
        }

        var text = string.Concat(run.Select(i => i is LiteralInline literal ? literal.Content.ToString() : "\n"));
        var links = new List<TextLink>();
        foreach (var link in find(text).OrderBy(l => l.Start))
        {
            if (link.Length > 0 && (links.Count == 0 || link.Start >= links[^1].Start + links[^1].Length))
            {
                links.Add(link);
            }
        }

        if (links.Count == 0)
        {
            output.AddRange(run);
            return false;
        }

        var position = 0;
        foreach (var link in links)
        {
            output.AddRange(Text(text[position..link.Start]));
            var inline = new LinkInline(link.Url, string.Empty) { IsClosed = true };
            inline.GetAttributes().AddClass(link.CssClass);
            foreach (var piece in Text(text.Substring(link.Start, link.Length)))
            {
                inline.AppendChild(piece);
            }

            output.Add(inline);
            position = link.Start + link.Length;
        }

        output.AddRange(Text(text[position..]));
        return true;
    }

    private static IEnumerable<Inline> Text(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                yield return new LineBreakInline { IsHard = false, NewLine = NewLine.LineFeed };
            }

            if (lines[i].Length > 0)
            {
                yield return new LiteralInline(lines[i]);
            }
        }
    }
}
