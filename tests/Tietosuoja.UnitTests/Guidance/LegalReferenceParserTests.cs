using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

public class LegalReferenceParserTests
{
    [Theory]
    [InlineData("tietosuoja-asetuksen 6 artiklan 1 kohdan e alakohta", "Gdpr 6(1)(e)")]
    [InlineData("(tietosuoja-asetuksen 4 artiklan 7 alakohta)", "Gdpr 4(7)")]
    [InlineData("tietosuoja-asetuksen 12 artiklan 3 kohdassa", "Gdpr 12(3)")]
    [InlineData("tietosuoja-asetuksen 26 artikla", "Gdpr 26")]
    [InlineData("6 artiklan 1 kohdan e tai f alakohtaan", "Gdpr 6(1)(e);Gdpr 6(1)(f)")]
    [InlineData("tietosuoja-asetuksen 15–22 artiklassa", "Gdpr 15;Gdpr 16;Gdpr 17;Gdpr 18;Gdpr 19;Gdpr 20;Gdpr 21;Gdpr 22")]
    [InlineData("tietosuoja-asetuksen johdanto-osan 43 perustelukappale", "GdprRecital 43")]
    [InlineData("tietosuojalain 4 §:n 2 kohta", "DataProtectionAct 4(2)")]
    [InlineData("tietosuojalain 6 §:n 1 momentin 2 kohtaan", "DataProtectionAct 6(1)(2)")]
    [InlineData("Tietosuojalain 24 §:n 4 momentti", "DataProtectionAct 24(4)")]
    [InlineData("kuntalain 90 §", "LocalGovernmentAct 90")]
    [InlineData("julkisuuslain 13 §", "OpennessAct 13")]
    [InlineData("tiedonhallintalain 22 §", "InformationManagementAct 22")]
    [InlineData("perustuslain 118 §", "Constitution 118")]
    [InlineData("rikoslain 40 luku", "CriminalCode ch 40")]
    [InlineData("rikoslain 38 luvun 9 §", "CriminalCode ch 38 9")]
    [InlineData("GDPR 6 art.", "Gdpr 6")]
    [InlineData("GDPR:n 6 art. 1 k.", "Gdpr 6(1)")]
    [InlineData("GDPR art. 17", "Gdpr 17")]
    public void Finds_finnish_citations(string text, string expected) =>
        Assert.Equal(expected, string.Join(';', LegalReferenceParser.Find(text, Language.Fi)));

    [Theory]
    [InlineData("artikel 6.1 e i dataskyddsförordningen", "Gdpr 6(1)(e)")]
    [InlineData("artikel 6.1 i dataskyddsförordningen", "Gdpr 6(1)")]
    [InlineData("artikel 9.2 i i dataskyddsförordningen", "Gdpr 9(2)(i)")]
    [InlineData("artikel 4.7 i dataskyddsförordningen", "Gdpr 4(7)")]
    [InlineData("artikel 6.1 e eller f i dataskyddsförordningen", "Gdpr 6(1)(e);Gdpr 6(1)(f)")]
    [InlineData("artiklarna 15–22 i dataskyddsförordningen", "Gdpr 15;Gdpr 16;Gdpr 17;Gdpr 18;Gdpr 19;Gdpr 20;Gdpr 21;Gdpr 22")]
    [InlineData("4 § 2 punkten i dataskyddslagen", "DataProtectionAct 4(2)")]
    [InlineData("6 § 1 mom. 2 punkten i dataskyddslagen", "DataProtectionAct 6(1)(2)")]
    [InlineData("90 § i kommunallagen", "LocalGovernmentAct 90")]
    [InlineData("38 kap. 9 § i strafflagen", "CriminalCode ch 38 9")]
    [InlineData("40 kap. i strafflagen", "CriminalCode ch 40")]
    [InlineData("Dataskyddslagens 4 § kompletterar", "DataProtectionAct 4")]
    [InlineData("GDPR art. 6.1 e", "Gdpr 6(1)(e)")]
    [InlineData("enligt GDPR art. 15", "Gdpr 15")]
    public void Finds_swedish_citations(string text, string expected) =>
        Assert.Equal(expected, string.Join(';', LegalReferenceParser.Find(text, Language.Sv)));

    [Fact]
    public void Reports_where_a_citation_starts_even_when_it_cannot_be_read()
    {
        const string text = "Katso 6 art. 1 k. ja § 4.";

        Assert.Empty(LegalReferenceParser.Find(text, Language.Fi));
        Assert.Single(LegalReferenceParser.CitationMarkers(text, Language.Fi));
    }
}
