using System.Collections.Immutable;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Tietosuoja.Web.Guidance.Linking;

namespace Tietosuoja.Web.Guidance;

/// <summary>Why a Markdown text cannot be used, at a line of the text where known.</summary>
public sealed record MarkdownProblem(int? Line, string Message);

/// <summary>
/// The one Markdown pipeline of the portal, built once. Raw HTML in Markdown is disabled and the
/// output is sanitised as well, because disabling HTML alone still lets links such as
/// <c>[x](javascript:…)</c> through.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _finnish = CreatePipeline(Language.Fi);
    private readonly MarkdownPipeline _swedish = CreatePipeline(Language.Sv);
    // The first HtmlSanitizer sets up AngleSharp's CSS parser, a quarter of a second of CPU. A start
    // that reads its snapshot from the store (ADR 0020) renders nothing, so the sanitiser is made on
    // the first render, or by Prepare once the server has started (MarkdownRendererPreparation).
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(CreateSanitizer);

    /// <summary>Whether the sanitiser has been made: by a render or by <see cref="Prepare"/>.</summary>
    internal bool IsPrepared => _sanitizer.IsValueCreated;

    /// <summary>Makes the sanitiser now, so that the next render (a reload, a preview) does not wait for it.</summary>
    public void Prepare() => _ = _sanitizer.Value;

    private static MarkdownPipeline CreatePipeline(Language language)
    {
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            // ASCII-only ids derived from the heading text: stable across versions while the heading
            // text stays the same, readable in URLs, made unique per document by Markdig.
            .UseAutoIdentifiers(AutoIdentifierOptions.Default)
            .UsePipeTables()
            .UseGridTables()
            .UseFootnotes()
            .UseCustomContainers()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseAutoLinks()
            .DisableHtml();
        // Citations of provisions are read in the document's language and linked to their official text.
        builder.Extensions.AddIfNotAlready(new LegalReferenceLinkExtension(language));
        return builder.Build();
    }

    /// <summary>
    /// How deeply block quotes, lists, containers, emphasis and links may nest, counted together
    /// along any path through the document. Guidance needs a handful of levels; the bound keeps
    /// every recursive step after parsing (rendering, sanitising, plain text, linking) far from
    /// the stack's limit, and Markdig's own limit (128 levels, an exception) is never reached.
    /// </summary>
    public const int MaxNesting = 32;

    /// <summary>Parses a document the portal's own code may walk; see <see cref="Parse(string, Language, out MarkdownProblem?)"/>.</summary>
    public MarkdownDocument Parse(string markdown, Language language) =>
        Parse(markdown, language, out var problem) ?? throw new ArgumentException(problem!.Message, nameof(markdown));

    /// <summary>
    /// Parses a document, or explains why it cannot be used: nesting deeper than
    /// <see cref="MaxNesting"/>. Brackets, and quote and list markers at the start of a line, are
    /// counted in the text before parsing, because Markdig takes seconds to parse thousands of them
    /// before its own limit stops it.
    /// </summary>
    public MarkdownDocument? Parse(string markdown, Language language, out MarkdownProblem? problem)
    {
        problem = TextNestingProblem(markdown);
        if (problem is not null)
        {
            return null;
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline(language));
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit: "too deeply nested".
            problem = new MarkdownProblem(null, NestingMessage);
            return null;
        }

        problem = NestingProblem(document);
        return problem is null ? document : null;
    }

    private static readonly string NestingMessage =
        $"the text is nested more than {MaxNesting} levels deep (block quotes, lists, emphasis, links or brackets inside each other); flatten the structure";

    private static MarkdownProblem? TextNestingProblem(string markdown)
    {
        var depth = 0;
        var line = 1;
        var blank = true;
        for (var i = 0; i < markdown.Length; i++)
        {
            if ((i == 0 || markdown[i - 1] == '\n') && LeadingMarkers(markdown, i) > MaxNesting)
            {
                return new MarkdownProblem(line, NestingMessage);
            }

            var c = markdown[i];
            if (c == '\n')
            {
                // A blank line ends the paragraph, and no link can span it.
                depth = blank ? 0 : depth;
                line++;
                blank = true;
                continue;
            }

            blank &= char.IsWhiteSpace(c);
            if (c == '\\')
            {
                i++;
            }
            else if (c == '[' && ++depth > MaxNesting)
            {
                return new MarkdownProblem(line, NestingMessage);
            }
            else if (c == ']' && depth > 0)
            {
                depth--;
            }
        }

        return null;
    }

    /// <summary>How many block quote and list markers ("&gt;", "-", "*", "+", "1." or "1)") open the line at <paramref name="start"/>.</summary>
    private static int LeadingMarkers(string text, int start)
    {
        var count = 0;
        var i = start;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            var markerStart = i;
            while (i < text.Length && i - markerStart < 9 && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i > markerStart ? i < text.Length && text[i] is '.' or ')' : i < text.Length && text[i] is '>' or '-' or '*' or '+')
            {
                i++;
                count++;
            }
            else
            {
                break;
            }

            // A list marker needs a space after it; "**bold**" or "-1" is not one.
            if (text[i - 1] != '>' && (i >= text.Length || text[i] is not (' ' or '\t')))
            {
                count--;
                break;
            }
        }

        return count;
    }

    /// <summary>The first block or inline nested deeper than <see cref="MaxNesting"/>, found without recursion.</summary>
    private static MarkdownProblem? NestingProblem(MarkdownDocument document)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.TryPop(out var item))
        {
            if (item.Depth > MaxNesting)
            {
                return new MarkdownProblem(item.Node.Line + 1, NestingMessage);
            }

            switch (item.Node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, item.Depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, item.Depth));
                    break;
                case ContainerInline container:
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                    {
                        pending.Push((child, item.Depth + 1));
                    }

                    break;
                default:
                    break;
            }
        }

        return null;
    }

    private MarkdownPipeline Pipeline(Language language) => language == Language.Sv ? _swedish : _finnish;

    /// <summary>
    /// Renders a document. With <paramref name="commentUrl"/> (anchor → comment form URL) every
    /// heading also offers "comment on this section", for versions that are open for comments.
    /// </summary>
    public RenderedDocument Render(MarkdownDocument document, Language language, Func<string, string>? commentUrl = null)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline(language).Setup(renderer);
        renderer.ObjectRenderers.Replace<HeadingRenderer>(new SectionHeadingRenderer(UiText.Get("SectionLink", language), UiText.Get("CommentOnSection", language), commentUrl));
        renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollableTableRenderer(UiText.Get("ScrollableTable", language)));
        RenderInSections(renderer, document);
        writer.Flush();

        var headings = document.Descendants<HeadingBlock>()
            .Where(h => h.GetAttributes().Id is not null)
            .Select(h => new Heading(h.Level, PlainText(h.Inline), h.GetAttributes().Id!))
            .ToImmutableArray();
        return new RenderedDocument(_sanitizer.Value.Sanitize(writer.ToString()), headings);
    }

    public RenderedDocument Render(string markdown, Language language) => Render(Parse(markdown, language), language);

    /// <summary>
    /// Renders the document's blocks with each top-level section (a level-2 heading with an id and
    /// what follows it up to the next) in a <c>div.chapter-section</c> of its own, so that the
    /// stylesheet can let the browser lay out a section only when it comes near the screen (a long
    /// chapter's first frame is then the top of the page, not the whole text). The wrapper carries
    /// no meaning: headings, ids and the outline are as without it.
    /// </summary>
    private static void RenderInSections(HtmlRenderer renderer, MarkdownDocument document)
    {
        var open = false;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } heading && heading.GetAttributes().Id is not null)
            {
                if (open)
                {
                    renderer.EnsureLine().WriteLine("</div>");
                }

                renderer.Write("<div class=\"").Write(SectionClass).WriteLine("\">");
                open = true;
            }

            renderer.Render(block);
        }

        if (open)
        {
            renderer.EnsureLine().WriteLine("</div>");
        }
    }

    private const string SectionClass = "chapter-section";

    /// <summary>
    /// A chapter version both ways: the body as <see cref="Render(MarkdownDocument, Language, Func{string, string}?)"/>
    /// gives it without comment links, and the HTML with them. Rendered and sanitised once: the body
    /// is the commentable HTML with its "comment on this section" links taken out, which gives the
    /// same bytes as a second render because sanitising turns each link into one element of its own
    /// that nothing else depends on (MarkdownRendererTests holds the two ways equal).
    /// </summary>
    public (RenderedDocument Body, string CommentableHtml) RenderWithComments(MarkdownDocument document, Language language, Func<string, string> commentUrl)
    {
        var commentable = Render(document, language, commentUrl);
        return (commentable with { Html = WithoutCommentLinks(commentable.Html) }, commentable.Html);
    }

    private const string CommentLinkStart = "<a class=\"" + CommentLinkClass + "\"";
    private const string CommentLinkClass = "section-comment";

    /// <summary>
    /// Removes the comment links <see cref="SectionHeadingRenderer"/> wrote. Content cannot write
    /// that start tag itself (raw HTML is disabled, and no extension lets Markdown set a class on a
    /// link), and the link holds only escaped text, so its first end tag is its own.
    /// </summary>
    private static string WithoutCommentLinks(string html)
    {
        var start = html.IndexOf(CommentLinkStart, StringComparison.Ordinal);
        if (start < 0)
        {
            return html;
        }

        var text = new System.Text.StringBuilder(html.Length);
        var position = 0;
        while (start >= 0)
        {
            var close = html.IndexOf("</a>", start, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new InvalidOperationException("A comment link lost its end tag in sanitising.");
            }

            var end = close + "</a>".Length;
            text.Append(html, position, start - position);
            position = end;
            start = html.IndexOf(CommentLinkStart, position, StringComparison.Ordinal);
        }

        return text.Append(html, position, html.Length - position).ToString();
    }

    public static string PlainText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                default:
                    break;
            }
        }

        return text.ToString().Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        // Inline styles (Markdig's table alignment) would be blocked by our CSP anyway.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowDataAttributes = false;
        // Only for the scrollable table wrapper below; content itself cannot set attributes.
        sanitizer.AllowedAttributes.Add("tabindex");
        sanitizer.AllowedAttributes.Add("role");
        sanitizer.AllowedAttributes.Add("aria-label");
        return sanitizer;
    }

    /// <summary>
    /// Wraps each table in a region that scrolls sideways on narrow screens instead of widening the
    /// page; focusable and named so keyboard users can scroll it too (WCAG 2.1.1, 1.4.10).
    /// </summary>
    private sealed class ScrollableTableRenderer(string label) : HtmlObjectRenderer<Table>
    {
        private readonly HtmlTableRenderer _table = new();

        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.Write("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").WriteEscape(label).Write("\">");
            _table.Write(renderer, table);
            renderer.WriteLine("</div>");
        }
    }

    /// <summary>Renders each heading with a visible "link to this section" that works by keyboard and touch.</summary>
    private sealed class SectionHeadingRenderer(string linkLabel, string commentLabel, Func<string, string>? commentUrl) : HtmlObjectRenderer<HeadingBlock>
    {
        protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
        {
            var tag = "h" + heading.Level.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var id = heading.GetAttributes().Id;
            if (id is not null)
            {
                renderer.Write("<div class=\"section-heading\">");
            }

            renderer.Write('<').Write(tag).WriteAttributes(heading).Write('>');
            renderer.WriteLeafInline(heading);
            renderer.Write("</").Write(tag).Write('>');
            if (id is not null)
            {
                var headingText = PlainText(heading.Inline);
                renderer.Write("<a class=\"section-link\" href=\"#").WriteEscapeUrl(id).Write("\">")
                    .WriteEscape(linkLabel)
                    .Write("<span class=\"visually-hidden\">: ").WriteEscape(headingText).Write("</span></a>");
                if (commentUrl is not null)
                {
                    renderer.Write(CommentLinkStart).Write(" href=\"").WriteEscapeUrl(commentUrl(id)).Write("\">")
                        .WriteEscape(commentLabel)
                        .Write("<span class=\"visually-hidden\">: ").WriteEscape(headingText).Write("</span></a>");
                }

                renderer.Write("</div>");
            }

            renderer.EnsureLine();
        }
    }
}

/// <summary>
/// Makes the renderer's sanitiser when the background work's first pass begins
/// (<see cref="BackgroundStart"/>: seconds after the server has started), so that it is ready for
/// the first reload or preview without being part of the start.
/// </summary>
public sealed class MarkdownRendererPreparation(MarkdownRenderer renderer, BackgroundStart start) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.WaitAsync(stoppingToken);
        renderer.Prepare();
    }
}
