using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// The dictionary analyses of the guidance's words in a file per language, written after an index
/// build and read at the next start, so that a restart with the same content and dictionaries
/// analyzes nothing and needs the (slow to load) Swedish dictionary only for query words it has not
/// seen. The file's first line holds a hash of everything the analyses depend on: this format, the
/// portal's code (the module version id of this assembly, which every change to the analyzers
/// changes) and the dictionary's <see cref="ICachedMorphology.Identity"/>; under another hash the
/// file is not read. One line per word: the word, "k" (known), "g" (guess) or "-" (unknown), base
/// forms and parts separated by "|"; the last line counts the words, so a cut-off file is refused.
/// </summary>
internal static class PersistedAnalyses
{
    private const string Magic = "tietosuoja-analyses";
    private const int FormatVersion = 1;

    public static string FileName(Language language) => $"analyses-{language.ToString().ToLowerInvariant()}.txt";

    /// <summary>The hash a file written for <paramref name="morphology"/> by this build of the portal carries.</summary>
    public static string Key(ICachedMorphology morphology)
    {
        var code = typeof(PersistedAnalyses).Assembly.ManifestModule.ModuleVersionId;
        var lucene = typeof(Lucene.Net.Analysis.Hunspell.Dictionary).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var text = $"{FormatVersion}\n{code}\n{lucene}\n{morphology.GetType().Name}\n{morphology.Identity}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Result of <see cref="Read"/>: the analyses, or null with whether the file was absent, stale (another key) or unreadable.</summary>
    public sealed record ReadResult(List<KeyValuePair<string, WordAnalysis?>>? Analyses, string? Problem, bool Stale = false);

    public static ReadResult Read(string file, string key)
    {
        if (!File.Exists(file))
        {
            return new ReadResult(null, null);
        }

        try
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            var header = reader.ReadLine()?.Split(' ');
            if (header is not [Magic, var format, var fileKey] || format != FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return new ReadResult(null, "not an analysis cache of this format");
            }

            if (fileKey != key)
            {
                return new ReadResult(null, null, Stale: true);
            }

            var analyses = new List<KeyValuePair<string, WordAnalysis?>>();
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith("end ", StringComparison.Ordinal))
                {
                    return int.TryParse(line.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture, out var count) && count == analyses.Count && reader.ReadLine() is null
                        ? new ReadResult(analyses, null)
                        : new ReadResult(null, "the word count at its end does not match");
                }

                analyses.Add(Parse(line) ?? throw new FormatException($"line {analyses.Count + 2} is malformed"));
            }

            return new ReadResult(null, "it ends before its word count (cut off)");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or DecoderFallbackException)
        {
            return new ReadResult(null, exception.Message);
        }
    }

    /// <summary>Writes beside the target and renames, so that a reader (another replica on a shared volume) sees the old file or the new one, never half of one.</summary>
    public static void Write(string file, string key, IEnumerable<KeyValuePair<string, WordAnalysis?>> analyses)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                writer.Write($"{Magic} {FormatVersion} {key}\n");
                var count = 0;
                foreach (var (word, analysis) in analyses.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    if (Format(word, analysis) is { } line)
                    {
                        writer.Write(line);
                        writer.Write('\n');
                        count++;
                    }
                }

                writer.Write($"end {count}\n");
            }

            File.Move(temporary, file, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string? Format(string word, WordAnalysis? analysis)
    {
        var strings = analysis is null ? [word] : analysis.BaseForms.Concat(analysis.Parts).Append(word);
        // Tokens never hold these, but a word that did could not be read back: it is analyzed again instead.
        if (strings.Any(s => s.Length == 0 || s.AsSpan().IndexOfAny("\t\n\r|") >= 0))
        {
            return null;
        }

        return analysis is null
            ? $"{word}\t-"
            : $"{word}\t{(analysis.IsGuess ? 'g' : 'k')}\t{string.Join('|', analysis.BaseForms)}\t{string.Join('|', analysis.Parts)}";
    }

    private static KeyValuePair<string, WordAnalysis?>? Parse(string line)
    {
        var fields = line.Split('\t');
        switch (fields)
        {
            case [var word, "-"] when word.Length > 0:
                return KeyValuePair.Create(word, (WordAnalysis?)null);
            case [var word, "k" or "g", var baseForms, var parts] when word.Length > 0 && baseForms.Length > 0:
                return KeyValuePair.Create(word, (WordAnalysis?)new WordAnalysis(baseForms.Split('|'), parts.Length == 0 ? [] : parts.Split('|'), IsGuess: fields[1] == "g"));
            default:
                return null;
        }
    }
}
