using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// What the portal accepts as text a person typed, and the rule every free-text field shares.
/// <para>
/// <b>Showable</b>: no control characters other than tab, line feed and carriage return, no lone
/// UTF-16 surrogates and no U+FFFE/U+FFFF. Those are exactly what XML (the Atom feed, the xlsx
/// export) cannot carry, what HTML renders as nothing or as a replacement mark, and what Word pastes
/// without anyone noticing (a vertical tab for a manual line break).
/// </para>
/// <para>
/// <b>Blank</b>: nothing a reader could see. White space in every Unicode sense (U+00A0, U+2028,
/// U+3000 …), format characters such as U+200B ZERO WIDTH SPACE and U+FEFF, control characters,
/// and the few letters that render as nothing (Hangul fillers, the blank Braille pattern).
/// </para>
/// </summary>
public static class PlainText
{
    /// <summary>The message key when a field holds characters that cannot be shown.</summary>
    public const string UnshowableMessage = "Error_Unshowable";

    /// <summary>True when a reader would see nothing: null, empty, or only invisible characters.</summary>
    public static bool IsBlank([NotNullWhen(false)] string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (!IsInvisible(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every character can be shown and written to XML (null counts as showable: there is nothing to show).</summary>
    public static bool IsShowable(string? value) => value is null || UnshowableAt(value) < 0;

    /// <summary>
    /// The text without the characters that cannot be shown: what the feed and the export write for
    /// text stored before the rule existed, and what a form shows back after refusing such text.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Showable(string? value)
    {
        if (value is null || UnshowableAt(value) is var first && first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        builder.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var length = ShowableLength(value, i);
            if (length > 0)
            {
                builder.Append(value, i, length);
                i += length - 1;
            }
        }

        return builder.ToString();
    }

    /// <summary>The text without invisible characters at either end (string.Trim leaves U+200B and U+FEFF).</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Trim(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var start = 0;
        while (start < value.Length && Rune.DecodeFromUtf16(value.AsSpan(start), out var rune, out var length) == OperationStatus.Done && IsInvisible(rune))
        {
            start += length;
        }

        var end = value.Length;
        while (end > start && Rune.DecodeLastFromUtf16(value.AsSpan(start, end - start), out var rune, out var length) == OperationStatus.Done && IsInvisible(rune))
        {
            end -= length;
        }

        return start == 0 && end == value.Length ? value : value[start..end];
    }

    /// <summary>The trimmed text, or null when it is blank: how optional fields are stored.</summary>
    public static string? TrimToNull(string? value) => IsBlank(value) ? null : Trim(value);

    /// <summary>
    /// The rule of one free-text field: present when required, showable, at most
    /// <paramref name="maxLength"/> characters. Returns the first problem, or null.
    /// </summary>
    public static FieldProblem? Check(
        string field,
        string? value,
        int maxLength,
        bool required = true,
        string requiredMessage = "Error_Required",
        string tooLongMessage = "Error_TooLongMax")
    {
        if (IsBlank(value))
        {
            return required ? new FieldProblem(field, requiredMessage) : null;
        }

        if (!IsShowable(value))
        {
            return new FieldProblem(field, UnshowableMessage);
        }

        return value.Length > maxLength ? new FieldProblem(field, tooLongMessage, maxLength) : null;
    }

    private static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control
        // Letters by category that every font draws as nothing, used to fake a filled-in field.
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    /// <summary>Index of the first character that cannot be shown, or -1.</summary>
    private static int UnshowableAt(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var length = ShowableLength(value, i);
            if (length == 0)
            {
                return i;
            }

            i += length - 1;
        }

        return -1;
    }

    /// <summary>How many UTF-16 units at <paramref name="index"/> form one showable character: 0 (not showable), 1, or 2 (a surrogate pair).</summary>
    private static int ShowableLength(string value, int index)
    {
        var c = value[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]) ? 2 : 0;
        }

        if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF')
        {
            return 0;
        }

        return c is '\t' or '\n' or '\r' || !char.IsControl(c) ? 1 : 0;
    }
}
