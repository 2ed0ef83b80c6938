using System.Globalization;
using System.Text.RegularExpressions;

namespace Tietosuoja.Web.Guidance;

/// <summary>The instruments that guidance text cites.</summary>
public enum Law
{
    /// <summary>EU General Data Protection Regulation (EU) 2016/679, by article.</summary>
    Gdpr,

    /// <summary>A recital of the GDPR.</summary>
    GdprRecital,

    /// <summary>Tietosuojalaki 1050/2018 · dataskyddslagen.</summary>
    DataProtectionAct,

    /// <summary>Kuntalaki 410/2015 · kommunallagen.</summary>
    LocalGovernmentAct,

    /// <summary>Laki viranomaisten toiminnan julkisuudesta 621/1999 · offentlighetslagen.</summary>
    OpennessAct,

    /// <summary>Laki julkisen hallinnon tiedonhallinnasta 906/2019 · informationshanteringslagen.</summary>
    InformationManagementAct,

    /// <summary>Perustuslaki 731/1999 · grundlagen.</summary>
    Constitution,

    /// <summary>Rikoslaki 39/1889 · strafflagen.</summary>
    CriminalCode,

    /// <summary>Hallintolaki 434/2003 · förvaltningslagen.</summary>
    AdministrativeProcedureAct,
}

/// <summary>
/// One provision cited in guidance text. For the GDPR: <see cref="Number"/> is the article,
/// <see cref="Paragraph"/> its paragraph (kohta; for article 4 the numbered definition) and
/// <see cref="Point"/> the lettered point (alakohta). For national acts: <see cref="Chapter"/>
/// (luku/kap.), <see cref="Number"/> the section (§), <see cref="Paragraph"/> the subsection
/// (momentti/mom.) and <see cref="Point"/> the numbered point (kohta/punkten).
/// </summary>
public sealed record LegalReference(Law Law, int? Chapter, int? Number, int? Paragraph, string? Point, string Text, int Index)
{
    public override string ToString()
    {
        var text = new System.Text.StringBuilder(Law.ToString());
        if (Chapter is { } chapter)
        {
            text.Append(CultureInfo.InvariantCulture, $" ch {chapter}");
        }

        if (Number is { } number)
        {
            text.Append(CultureInfo.InvariantCulture, $" {number}");
        }

        if (Paragraph is { } paragraph)
        {
            text.Append(CultureInfo.InvariantCulture, $"({paragraph})");
        }

        if (Point is { } point)
        {
            text.Append(CultureInfo.InvariantCulture, $"({point})");
        }

        return text.ToString();
    }
}

/// <summary>
/// Finds citations of provisions in Finnish and Swedish guidance text, in the forms the style
/// guide prescribes ("tietosuoja-asetuksen 6 artiklan 1 kohdan e alakohta", "artikel 6.1 e i
/// dataskyddsförordningen", "tietosuojalain 4 §:n 2 kohta", "4 § 2 punkten i dataskyddslagen"), and
/// the short forms "GDPR 6 art." and "GDPR art. 6" in either language.
/// Ranges ("15–22 artikla") and alternatives ("e tai f alakohta") yield one reference per provision.
/// </summary>
public static partial class LegalReferenceParser
{
    public static IReadOnlyList<LegalReference> Find(string text, Language language)
    {
        var found = new List<LegalReference>();
        if (language == Language.Fi)
        {
            foreach (Match match in FinnishArticle().Matches(text))
            {
                AddArticles(found, match);
            }

            foreach (Match match in GdprAbbreviated().Matches(text))
            {
                AddArticles(found, match);
            }

            foreach (Match match in FinnishRecital().Matches(text))
            {
                found.Add(new LegalReference(Law.GdprRecital, null, Int(match, "number"), null, null, match.Value, match.Index));
            }

            foreach (Match match in FinnishSection().Matches(text))
            {
                AddSection(found, match, FinnishLaw(match.Groups["law"].Value));
            }
        }
        else
        {
            foreach (Match match in SwedishArticle().Matches(text))
            {
                AddArticles(found, match);
            }

            foreach (Match match in GdprAbbreviated().Matches(text))
            {
                AddArticles(found, match);
            }

            foreach (Match match in SwedishSection().Matches(text))
            {
                AddSection(found, match, SwedishLaw(match.Groups["law"].Value));
            }

            foreach (Match match in SwedishGenitiveSection().Matches(text))
            {
                AddSection(found, match, SwedishLaw(match.Groups["law"].Value));
            }
        }

        return [.. found.OrderBy(r => r.Index)];
    }

    /// <summary>Where in the text a reference form starts (§ signs and article words), to spot citations the parser did not understand.</summary>
    public static IEnumerable<int> CitationMarkers(string text, Language language) =>
        (language == Language.Fi ? FinnishMarker() : SwedishMarker()).Matches(text).Select(m => m.Index);

    private static void AddArticles(List<LegalReference> found, Match match)
    {
        var from = Int(match, "from")!.Value;
        var to = Int(match, "to") ?? from;
        var paragraph = Int(match, "para");
        var points = new[] { match.Groups["point"], match.Groups["point2"] }.Where(g => g.Success).Select(g => g.Value.ToLowerInvariant()).ToList();
        for (var article = from; article <= to; article++)
        {
            if (points.Count == 0)
            {
                found.Add(new LegalReference(Law.Gdpr, null, article, paragraph, null, match.Value, match.Index));
            }

            foreach (var point in points)
            {
                // Article 4's definitions are numbered: "4 artiklan 7 alakohta" is 4(7), as "artikel 4.7".
                var numbered = int.TryParse(point, CultureInfo.InvariantCulture, out var number);
                found.Add(numbered && paragraph is null
                    ? new LegalReference(Law.Gdpr, null, article, number, null, match.Value, match.Index)
                    : new LegalReference(Law.Gdpr, null, article, paragraph, point, match.Value, match.Index));
            }
        }
    }

    private static void AddSection(List<LegalReference> found, Match match, Law law) =>
        found.Add(new LegalReference(law, Int(match, "chapter"), Int(match, "section"), Int(match, "subsection"), match.Groups["point"].Success ? match.Groups["point"].Value : null, match.Value, match.Index));

    private static int? Int(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;

    private static Law FinnishLaw(string stem) => stem.ToLowerInvariant() switch
    {
        "tietosuojalai" => Law.DataProtectionAct,
        "kuntalai" => Law.LocalGovernmentAct,
        "julkisuuslai" => Law.OpennessAct,
        "tiedonhallintalai" => Law.InformationManagementAct,
        "perustuslai" => Law.Constitution,
        "rikoslai" => Law.CriminalCode,
        _ => Law.AdministrativeProcedureAct,
    };

    private static Law SwedishLaw(string name) => name.ToLowerInvariant() switch
    {
        "dataskyddslagen" => Law.DataProtectionAct,
        "kommunallagen" => Law.LocalGovernmentAct,
        "offentlighetslagen" => Law.OpennessAct,
        "informationshanteringslagen" => Law.InformationManagementAct,
        "grundlagen" => Law.Constitution,
        "strafflagen" => Law.CriminalCode,
        _ => Law.AdministrativeProcedureAct,
    };

    // "6 artiklan 1 kohdan e alakohta", "15–22 artiklassa", "4 artiklan 7 alakohta", "6 artiklan 1 kohdan e tai f alakohtaan".
    [GeneratedRegex(@"(?<from>\d+)(?:\s*[–-]\s*(?<to>\d+))?\s+artikla\w*(?:\s+(?<para>\d+)\s+koh[td]\w*)?(?:\s+(?<point>[a-z]|\d+)(?:\s*(?:–|-|tai|ja)\s*(?<point2>[a-z]|\d+))?\s+alakoh[td]\w*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FinnishArticle();

    // The short forms of notes and e-mails: "GDPR 6 art.", "GDPR:n 6 art. 1 k.", "GDPR art. 6", "GDPR art. 6.1 e".
    [GeneratedRegex(@"\bGDPR(?::n)?\s+(?:(?<from>\d+)\s*art\.(?:\s*(?<para>\d+)\s*k\.)?|art\.\s*(?<from>\d+)(?:\.(?<para>\d+))?(?:\s+(?<point>[a-j])(?![\wåäö]))?)", RegexOptions.CultureInvariant)]
    private static partial Regex GdprAbbreviated();

    [GeneratedRegex(@"johdanto-osan\s+(?<number>\d+)\s+perustelukappale\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FinnishRecital();

    // "tietosuojalain 6 §:n 1 momentin 2 kohta", "rikoslain 38 luvun 9 §", "rikoslain 40 luku".
    [GeneratedRegex(@"(?<law>tietosuojalai|kuntalai|julkisuuslai|tiedonhallintalai|perustuslai|rikoslai|hallintolai)n\s+(?:(?<chapter>\d+)\s+lu(?:vun|ku\w*)\b\s*)?(?:(?<section>\d+)\s*§(?::\w+)?(?:\s+(?<subsection>\d+)\s+moment\w*)?(?:\s+(?<point>\d+)\s+koh[td]\w*)?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FinnishSection();

    // "artikel 6.1 e", "artikel 4.7", "artiklarna 15–22", "artikel 6.1 e eller f". A lone "i" before
    // "dataskyddsförordningen" is the preposition, not point (i).
    [GeneratedRegex(@"artik(?:el|eln|larna)\s+(?<from>\d+)(?:\.(?<para>\d+))?(?:\s*[–-]\s*(?<to>\d+))?(?:\s+(?<point>[a-j])(?![\wåäö])(?!\s+dataskydds)(?:\s+(?:eller|och)\s+(?<point2>[a-j])(?![\wåäö])(?!\s+dataskydds))?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SwedishArticle();

    // "6 § 1 mom. 2 punkten i dataskyddslagen", "38 kap. 9 § i strafflagen", "40 kap. i strafflagen".
    [GeneratedRegex(@"(?:(?<chapter>\d+)\s+kap\.\s*)?(?:(?<section>\d+)\s*§(?:\s+(?<subsection>\d+)\s+mom\.)?(?:\s+(?<point>\d+)\s+punkten)?\s*)?i\s+(?<law>dataskyddslagen|kommunallagen|offentlighetslagen|informationshanteringslagen|grundlagen|strafflagen|förvaltningslagen)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SwedishSection();

    // "Dataskyddslagens 4 §".
    [GeneratedRegex(@"(?<law>dataskyddslagen|kommunallagen|offentlighetslagen|informationshanteringslagen|grundlagen|strafflagen|förvaltningslagen)s\s+(?<section>\d+)\s*§", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SwedishGenitiveSection();

    [GeneratedRegex(@"§|\bartikla\w*|\d+\s+luvun\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FinnishMarker();

    [GeneratedRegex(@"§|\bartik(?:el|eln|larna)\b|\bkap\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SwedishMarker();
}
