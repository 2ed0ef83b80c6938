using System.Globalization;
using System.Text.RegularExpressions;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>A chapter version such as 1.0 or 2.3. Compared numerically, so 1.10 comes after 1.9.</summary>
public readonly partial record struct VersionNumber(int Major, int Minor) : IComparable<VersionNumber>
{
    public static bool TryParse(string? text, out VersionNumber version)
    {
        version = default;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        version = new VersionNumber(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public static VersionNumber Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a version number such as 1.0");

    public int CompareTo(VersionNumber other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(VersionNumber left, VersionNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(VersionNumber left, VersionNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(VersionNumber left, VersionNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(VersionNumber left, VersionNumber right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    // Leading zeros are refused so that one version has exactly one spelling (and one URL).
    [GeneratedRegex(@"^(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
