using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Tietosuoja.Web.Editing;

/// <summary>
/// Adds a chapter to site.yml. The file is read with YamlDotNet's representation model, so its
/// keys may come in any order and the list is found wherever it is; the new entry is then inserted
/// as text after the list's last entry, so the comments and layout people wrote stay as they are.
/// Only a file without a block list of chapters is written out again from the model.
/// </summary>
public static class SiteFileEditor
{
    private static readonly YamlScalarNode ChaptersKey = new("chapters");

    /// <exception cref="YamlDotNet.Core.YamlException">site.yml is not valid YAML.</exception>
    /// <exception cref="InvalidOperationException">site.yml is not a map, or the result would not list the chapter.</exception>
    public static string WithChapter(string siteFile, string id, string slugFi, string slugSv)
    {
        var root = Root(siteFile);
        var result = root.Children.TryGetValue(ChaptersKey, out var node) && node is YamlSequenceNode { Style: not YamlDotNet.Core.Events.SequenceStyle.Flow, Children.Count: > 0 } list
            ? Inserted(siteFile, list, id, slugFi, slugSv)
            : Rewritten(siteFile, id, slugFi, slugSv);
        if (!Chapters(Root(result)).Contains(id))
        {
            throw new InvalidOperationException($"adding chapter '{id}' did not give a valid chapter list");
        }

        return result;
    }

    private static string Inserted(string siteFile, YamlSequenceNode list, string id, string slugFi, string slugSv)
    {
        // The entry's last scalar ends on the entry's last line; insert after that line.
        YamlNode last = list.Children[^1];
        while (true)
        {
            if (last is YamlMappingNode { Children.Count: > 0 } map)
            {
                last = map.Children.Last().Value;
            }
            else if (last is YamlSequenceNode { Children.Count: > 0 } sequence)
            {
                last = sequence.Children[^1];
            }
            else
            {
                break;
            }
        }

        var lineEnd = siteFile.IndexOf('\n', (int)last.End.Index);
        var at = lineEnd < 0 ? siteFile.Length : lineEnd + 1;
        // Columns count from 1; the entry's content starts two columns after its "- ".
        var indent = new string(' ', Math.Max(0, (int)list.Children[0].Start.Column - 3));
        var entry = string.Create(CultureInfo.InvariantCulture, $"{indent}- id: {Plain(id)}\n{indent}  slug:\n{indent}    fi: {Plain(slugFi)}\n{indent}    sv: {Plain(slugSv)}\n");
        var before = siteFile[..at];
        return before + (before.EndsWith('\n') ? string.Empty : "\n") + entry + siteFile[at..];
    }

    private static string Rewritten(string siteFile, string id, string slugFi, string slugSv)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(siteFile));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var entry = new YamlMappingNode(
            new YamlScalarNode("id"), Quoted(id),
            new YamlScalarNode("slug"), new YamlMappingNode(new YamlScalarNode("fi"), Quoted(slugFi), new YamlScalarNode("sv"), Quoted(slugSv)));
        if (root.Children.TryGetValue(ChaptersKey, out var node) && node is YamlSequenceNode list)
        {
            list.Style = YamlDotNet.Core.Events.SequenceStyle.Block;
            list.Add(entry);
        }
        else
        {
            root.Children[ChaptersKey] = new YamlSequenceNode(entry);
        }

        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        {
            stream.Save(writer, assignAnchors: false);
        }

        // The model writes a document end marker ("...") that the loader does not need.
        return text.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// An id or slug (lower-case letters, digits, hyphens) as written by hand, in quotes only where
    /// YAML would read it as something other than text (null, a boolean, a number).
    /// </summary>
    private static string Plain(string value) =>
        value is "null" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" || value.All(char.IsAsciiDigit) ? $"\"{value}\"" : value;

    private static YamlScalarNode Quoted(string value) => new(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };

    private static YamlMappingNode Root(string siteFile)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(siteFile));
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new InvalidOperationException("site.yml must be a map of settings");
    }

    private static IEnumerable<string?> Chapters(YamlMappingNode root) =>
        root.Children.TryGetValue(ChaptersKey, out var node) && node is YamlSequenceNode list
            ? list.Children.OfType<YamlMappingNode>().Select(entry => entry.Children.TryGetValue(new YamlScalarNode("id"), out var value) ? (value as YamlScalarNode)?.Value : null)
            : [];
}
