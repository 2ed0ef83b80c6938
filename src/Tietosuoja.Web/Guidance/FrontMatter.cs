using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// The YAML front matter of a content file, read as a flat map of scalar fields with the line of
/// each one, so that every validation error can point at the line to fix.
/// </summary>
internal sealed class FrontMatter
{
    private readonly Dictionary<string, (string Value, int Line)> _fields;

    private FrontMatter(Dictionary<string, (string Value, int Line)> fields, int line)
    {
        _fields = fields;
        Line = line;
    }

    /// <summary>The line of the opening <c>---</c>.</summary>
    public int Line { get; }

    public static FrontMatter? Read(MarkdownDocument document, string file, ICollection<ContentError> errors)
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null || block.Line != 0)
        {
            errors.Add(new ContentError(file, 1, ContentErrorCode.FrontMatterMissing));
            return null;
        }

        var firstLine = block.Line + 1;
        var fields = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        YamlStream stream;
        try
        {
            stream = new YamlStream();
            stream.Load(new StringReader(block.Lines.ToString()));
        }
        catch (YamlException e)
        {
            errors.Add(new ContentError(file, firstLine + (int)e.Start.Line, ContentErrorCode.FrontMatterInvalidYaml, Reason(e)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException)
        {
            // YamlDotNet's loader reports some mistakes (an anchor defined twice, say) without a position.
            errors.Add(new ContentError(file, firstLine, ContentErrorCode.FrontMatterInvalidYaml, e.Message.TrimEnd('.')));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            errors.Add(new ContentError(file, firstLine, ContentErrorCode.FrontMatterNotMap));
            return null;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var line = firstLine + (int)keyNode.Start.Line;
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                // "? [a, b]" and similar: YAML allows lists and maps as keys, a field name cannot be one.
                errors.Add(new ContentError(file, line, ContentErrorCode.FrontMatterKeyNotPlain));
                continue;
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                errors.Add(new ContentError(file, line, ContentErrorCode.FrontMatterValueNotSingle, key));
                continue;
            }

            fields[key] = (scalar.Value ?? string.Empty, line);
        }

        return new FrontMatter(fields, firstLine);
    }

    /// <summary>YamlDotNet's message without its "(Line: …, Col: …, Idx: …) - (…): " prefix, which repeats the line we report.</summary>
    private static string Reason(YamlException e)
    {
        var message = e.Message;
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith("(Line:", StringComparison.Ordinal) && start >= 0 ? message[(start + 3)..] : message).Trim().TrimEnd('.');
    }

    public int LineOf(string key) => _fields.TryGetValue(key, out var field) ? field.Line : Line;

    /// <summary>The trimmed value of a required field, or null after recording an error.</summary>
    public string? Require(string key, string file, ICollection<ContentError> errors)
    {
        if (_fields.TryGetValue(key, out var field) && !PlainText.IsBlank(field.Value))
        {
            return field.Value.Trim();
        }

        errors.Add(new ContentError(file, LineOf(key), ContentErrorCode.FieldRequired, key));
        return null;
    }

    public void RejectUnknown(IReadOnlyCollection<string> allowed, string file, ICollection<ContentError> errors)
    {
        foreach (var (key, field) in _fields)
        {
            if (!allowed.Contains(key))
            {
                errors.Add(new ContentError(file, field.Line, ContentErrorCode.FieldUnknown, key, string.Join(", ", allowed)));
            }
        }
    }
}
