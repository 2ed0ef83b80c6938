using System.Globalization;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// Where the official text of a cited provision is, in the reader's language: the GDPR in EUR-Lex
/// (article and recital anchors of its HTML text), national acts in Finlex's up-to-date legislation
/// (with a chapter-and-section anchor when the citation names the chapter; otherwise the act).
/// The one place to change if either service changes its addresses.
/// </summary>
public static class LegalSources
{
    private const string GdprCelex = "32016R0679";

    public static string Url(LegalReference reference, Language language)
    {
        var code = language == Language.Sv ? "SV" : "FI";
        return reference.Law switch
        {
            Law.Gdpr => $"https://eur-lex.europa.eu/legal-content/{code}/TXT/HTML/?uri=CELEX:{GdprCelex}" + (reference.Number is { } article ? Invariant($"#art_{article}") : string.Empty),
            Law.GdprRecital => $"https://eur-lex.europa.eu/legal-content/{code}/TXT/HTML/?uri=CELEX:{GdprCelex}" + (reference.Number is { } recital ? Invariant($"#rct_{recital}") : string.Empty),
            _ => FinlexUrl(reference, language),
        };
    }

    private static string FinlexUrl(LegalReference reference, Language language)
    {
        var (year, document) = reference.Law switch
        {
            Law.DataProtectionAct => ("2018", "20181050"),
            Law.LocalGovernmentAct => ("2015", "20150410"),
            Law.OpennessAct => ("1999", "19990621"),
            Law.InformationManagementAct => ("2019", "20190906"),
            Law.Constitution => ("1999", "19990731"),
            Law.CriminalCode => ("1889", "18890039001"),
            Law.AdministrativeProcedureAct => ("2003", "20030434"),
            _ => throw new ArgumentOutOfRangeException(nameof(reference), reference.Law, "no Finlex address for this act"),
        };
        var url = $"https://www.finlex.fi/{language.Code()}/laki/ajantasa/{year}/{document}";
        return reference.Chapter is { } chapter
            ? url + (reference.Number is { } section ? Invariant($"#L{chapter}P{section}") : Invariant($"#L{chapter}"))
            : url;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
