using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.ContentLint;

/// <summary>
/// The provisions guidance text may cite, from shared/legal-facts.md. A citation outside this list
/// is either a typo ("6 artiklan 1 kohdan g alakohta") or a provision nobody has checked yet: check
/// it against the official text and add it here with the fact it supports.
/// Entries: "article", "article(paragraph)", "article(paragraph)(points)" where points is a letter
/// range such as "a-f"; for national acts "section", "section(subsection)", "section(subsection)(point)".
/// </summary>
public static class ValidLegalReferences
{
    private static readonly Dictionary<Law, string[]> Provisions = new()
    {
        [Law.Gdpr] =
        [
            "4(1)", "4(2)", "4(5)", "4(7)", "4(8)", "4(11)", "4(12)",
            "5(1)(a-f)", "5(2)",
            "6(1)(a-f)", "6(2)", "6(3)", "6(4)",
            "7", "7(1)", "7(3)", "8", "9(1)", "9(2)(a-j)", "10",
            "12(3)", "12(4)", "12(5)", "12(6)", "13", "13(1)(c)", "13(4)", "14", "14(1)(c)", "14(5)(a-d)", "15", "15(3)", "15(4)", "16",
            "17(1)(a)", "17(1)(d)", "17(3)(b)", "18", "19", "20(3)", "21", "21(1)", "21(2)", "22", "22(2)(b)", "23",
            "24", "25", "26(1)", "26(2)", "26(3)", "28(2)", "28(3)", "28(4)", "28(9)", "28(10)", "30", "32", "33", "34", "35", "36",
            "37(1)(a)", "37(3)", "38", "39", "77", "78", "78(2)", "79", "82", "83(7)", "86", "89",
        ],
        [Law.GdprRecital] = ["43", "46", "50"],
        [Law.DataProtectionAct] = ["4(1-4)", "5", "6(1)(2)", "6(2)", "7", "8", "21", "24(4)", "25", "26", "27", "28", "29", "31", "32", "33", "34"],
        // 85 stays only because the published versions 1.0 and 1.1 of chapter 1 cite it for elected
        // officials' liability, wrongly; CorrectionsChapter1And4Tests keeps it out of every latest version.
        [Law.LocalGovernmentAct] = ["7", "39", "85", "87(2)", "90", "91", "92"],
        [Law.OpennessAct] = ["1", "9", "11", "12", "13", "14(3)", "14(4)", "16(3)", "24", "26", "28", "29"],
        [Law.InformationManagementAct] = ["3(3)", "4", "5(3)", "13", "16", "17", "20", "22", "23", "24"],
        [Law.Constitution] = ["10", "118", "124"],
        [Law.CriminalCode] = ["ch40", "ch40:11", "ch38:9"],
        [Law.AdministrativeProcedureAct] = [],
    };

    private static readonly HashSet<string> Valid = Expand();

    /// <summary>True when the citation, at the depth it is given, exists in the list.</summary>
    public static bool IsValid(LegalReference reference)
    {
        if (reference.Number is null)
        {
            return reference.Chapter is null ? Provisions.ContainsKey(reference.Law) : Valid.Contains($"{reference.Law} ch{reference.Chapter}");
        }

        var prefix = reference.Chapter is { } chapter ? $"ch{chapter}:" : string.Empty;
        var key = $"{reference.Law} {prefix}{reference.Number}";
        if (reference.Paragraph is { } paragraph)
        {
            key += $"({paragraph})";
        }

        if (reference.Point is { } point)
        {
            key += $"({point})";
        }

        return Valid.Contains(key);
    }

    // Every listed provision and each of its ancestors ("6(1)(e)" makes "6(1)" and "6" valid too).
    private static HashSet<string> Expand()
    {
        var valid = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (law, provisions) in Provisions)
        {
            foreach (var provision in provisions)
            {
                var parts = provision.Split('(', StringSplitOptions.RemoveEmptyEntries).Select(p => p.TrimEnd(')')).ToList();
                var keys = new List<string> { $"{law} {parts[0]}" };
                if (parts[0].Contains(':', StringComparison.Ordinal))
                {
                    keys.Add($"{law} {parts[0].Split(':')[0]}");
                }

                var prefixes = new List<string> { $"{law} {parts[0]}" };
                foreach (var part in parts.Skip(1))
                {
                    var next = new List<string>();
                    foreach (var value in Range(part))
                    {
                        next.AddRange(prefixes.Select(p => $"{p}({value})"));
                    }

                    keys.AddRange(next);
                    prefixes = next;
                }

                valid.UnionWith(keys);
            }
        }

        return valid;
    }

    private static IEnumerable<string> Range(string part)
    {
        var bounds = part.Split('-');
        if (bounds.Length == 1)
        {
            return [part];
        }

        return char.IsDigit(bounds[0][0])
            ? Enumerable.Range(int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture) + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Enumerable.Range(bounds[0][0], bounds[1][0] - bounds[0][0] + 1).Select(c => ((char)c).ToString());
    }
}
