using System.Globalization;
using System.Text.RegularExpressions;

namespace Tietosuoja.Web.Events;

/// <summary>
/// Checks a caption file against the authoring rules of W3C WebVTT that a browser relies on: the
/// "WEBVTT" signature line, blocks separated by blank lines, every cue's timing line
/// (<c>[hh:]mm:ss.ttt --&gt; [hh:]mm:ss.ttt</c> with optional settings) ending after it starts and
/// starting no earlier than the previous cue, and some text in every cue. A file that breaks them
/// would play without captions, which is exactly what publishing with captions must rule out.
/// </summary>
public static partial class WebVtt
{
    /// <summary>The problem with the file, naming the line (1-based) where it is; null for a valid file with at least one cue.</summary>
    public static FieldProblem? Validate(string field, string vtt)
    {
        var lines = vtt.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (!Signature().IsMatch(lines[0]))
        {
            return new FieldProblem(field, "Error_CaptionsSignature");
        }

        var index = 1;
        // The header may continue up to the first blank line.
        while (index < lines.Length && lines[index].Length > 0)
        {
            if (lines[index].Contains("-->", StringComparison.Ordinal))
            {
                return new FieldProblem(field, "Error_CaptionsBlankLine", index + 1);
            }

            index++;
        }

        var cues = 0;
        var previousStart = TimeSpan.Zero;
        while (index < lines.Length)
        {
            if (lines[index].Length == 0)
            {
                index++;
                continue;
            }

            var blockStart = index;
            var first = lines[index];
            if (IsNote(first) || (cues == 0 && first is "STYLE" or "REGION"))
            {
                // Comments anywhere, style and region blocks before the first cue: skipped to the next blank line.
                while (index < lines.Length && lines[index].Length > 0)
                {
                    index++;
                }

                continue;
            }

            // An optional cue identifier, then the timing line.
            if (!first.Contains("-->", StringComparison.Ordinal))
            {
                index++;
                if (index >= lines.Length || lines[index].Length == 0)
                {
                    return new FieldProblem(field, "Error_CaptionsTiming", blockStart + 1);
                }
            }

            var timing = Timing().Match(lines[index]);
            if (!timing.Success || Parse(timing.Groups["start"].Value) is not { } start || Parse(timing.Groups["end"].Value) is not { } end)
            {
                return new FieldProblem(field, "Error_CaptionsTiming", index + 1);
            }

            if (end <= start)
            {
                return new FieldProblem(field, "Error_CaptionsEndsBeforeStart", index + 1);
            }

            if (start < previousStart)
            {
                return new FieldProblem(field, "Error_CaptionsOrder", index + 1);
            }

            previousStart = start;
            var timingLine = index;
            index++;
            var text = 0;
            while (index < lines.Length && lines[index].Length > 0)
            {
                if (lines[index].Contains("-->", StringComparison.Ordinal))
                {
                    return new FieldProblem(field, "Error_CaptionsBlankLine", index + 1);
                }

                if (!PlainText.IsBlank(lines[index]))
                {
                    text++;
                }

                index++;
            }

            if (text == 0)
            {
                return new FieldProblem(field, "Error_CaptionsEmptyCue", timingLine + 1);
            }

            cues++;
        }

        return cues == 0 ? new FieldProblem(field, "Error_CaptionsNoCues") : null;
    }

    private static bool IsNote(string line) => line.StartsWith("NOTE", StringComparison.Ordinal) && (line.Length == 4 || line[4] is ' ' or '\t');

    private static TimeSpan? Parse(string timestamp)
    {
        var parts = timestamp.Split(':');
        var hours = parts.Length == 3 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(parts[^2], CultureInfo.InvariantCulture);
        var seconds = parts[^1].Split('.');
        var whole = int.Parse(seconds[0], CultureInfo.InvariantCulture);
        var milliseconds = int.Parse(seconds[1], CultureInfo.InvariantCulture);
        return minutes > 59 || whole > 59 ? null : new TimeSpan(0, hours, minutes, whole, milliseconds);
    }

    [GeneratedRegex(@"^WEBVTT([ \t].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Signature();

    // [0-9], not \d: \d also matches other scripts' digits, which int.Parse refuses.
    [GeneratedRegex(@"^(?<start>([0-9]{2,5}:)?[0-9]{2}:[0-9]{2}\.[0-9]{3})[ \t]+-->[ \t]+(?<end>([0-9]{2,5}:)?[0-9]{2}:[0-9]{2}\.[0-9]{3})([ \t]+.*)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Timing();
}
