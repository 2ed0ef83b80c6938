using Markdig;
using Markdig.Renderers;

namespace Tietosuoja.Web.Guidance.Linking;

/// <summary>
/// Markdig extension that links every citation the <see cref="LegalReferenceParser"/> understands
/// ("tietosuoja-asetuksen 6 artiklan 1 kohdan e alakohta", "GDPR 6 art.", "tietosuojalain 4 §",
/// "artikel 6.1 e i dataskyddsförordningen") to its official text (<see cref="LegalSources"/>).
/// A citation naming several provisions links to the first of them.
/// </summary>
public sealed class LegalReferenceLinkExtension(Language language) : IMarkdownExtension
{
    public const string CssClass = "legal-link";

    public void Setup(MarkdownPipelineBuilder pipeline) =>
        pipeline.DocumentProcessed += document => InlineLinker.Apply(document, Find);

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private IEnumerable<TextLink> Find(string text) =>
        LegalReferenceParser.Find(text, language)
            .GroupBy(r => r.Index)
            .Select(g => g.First())
            .Select(r => new TextLink(r.Index, r.Text.TrimEnd().Length, LegalSources.Url(r, language), CssClass));
}
