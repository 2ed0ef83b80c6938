namespace Tietosuoja.Web.Guidance.Search;

/// <summary>
/// The fallback's compound parts, used only where Voikko or hunspell-sv is missing (ADR 0016):
/// with them, "käsittelyperuste" is found by "peruste" and "personuppgiftsansvarig" by "ansvarig".
/// The dictionaries find the parts of every compound they know, so this list is frozen: writers
/// no longer extend it. Parts are at least four letters, because shorter ones match inside
/// unrelated words.
/// </summary>
public static class CompoundParts
{
    public static IReadOnlyList<string> For(Language language) => language == Language.Sv ? Swedish : Finnish;

    private static readonly string[] Finnish =
    [
        "tieto", "tiedot", "tietojen", "suoja", "henkilö", "rekisteri", "pitäjä", "pitäjän", "käsittely", "käsittelijä",
        "peruste", "perusteet", "oikeus", "oikeudet", "asetus", "laki", "lain", "sopimus", "sopimuksen", "suostumus",
        "valtuutettu", "vastaava", "vastuu", "tehtävä", "velvoite", "luovutus", "luovuttaminen", "käyttö", "tarkoitus",
        "seloste", "ilmoitus", "pyyntö", "rikkomus", "tietoturva", "arviointi", "vaikutus", "asiakas", "potilas",
        "oppilas", "työntekijä", "kunta", "palvelu", "järjestely", "valvonta", "kamera", "ryhmä", "poisto", "oikaisu",
        "kielto", "muutos", "hallinto", "julkisuus", "salassapito", "säilytys", "säilytysaika", "rajapinta", "päätös",
    ];

    private static readonly string[] Swedish =
    [
        "person", "uppgift", "uppgifter", "ansvarig", "ansvariga", "biträde", "behandling", "dataskydd", "skydd",
        "förordning", "lagen", "grund", "grunder", "samtycke", "avtal", "intresse", "ombud", "ombudsman", "myndighet",
        "utlämnande", "ändamål", "förteckning", "begäran", "anmälan", "incident", "säkerhet", "konsekvens",
        "bedömning", "klient", "patient", "elev", "anställd", "kommun", "tjänst", "arrangemang", "tillsyn",
        "kamera", "radering", "rättelse", "invändning", "ändring", "förvaltning", "offentlighet", "sekretess",
        "lagring", "gränssnitt", "beslut", "rättighet", "rättigheter",
    ];
}
