using AngleSharp.Html.Parser;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

/// <summary>Citations become links to the official text; the first use of a glossary term links to its definition.</summary>
public sealed class LinkingTests
{
    private static readonly MarkdownRenderer Renderer = new();
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("Peruste on tietosuoja-asetuksen 6 artiklan 1 kohdan e alakohta.", "6 artiklan 1 kohdan e alakohta", "https://eur-lex.europa.eu/legal-content/FI/TXT/HTML/?uri=CELEX:32016R0679#art_6")]
    [InlineData("Katso GDPR 17 art. tarkemmin.", "GDPR 17 art.", "https://eur-lex.europa.eu/legal-content/FI/TXT/HTML/?uri=CELEX:32016R0679#art_17")]
    [InlineData("Ks. johdanto-osan 43 perustelukappale.", "johdanto-osan 43 perustelukappale", "https://eur-lex.europa.eu/legal-content/FI/TXT/HTML/?uri=CELEX:32016R0679#rct_43")]
    [InlineData("Tietosuojalain 4 § koskee kuntaa.", "Tietosuojalain 4 §", "https://www.finlex.fi/fi/laki/ajantasa/2018/20181050")]
    [InlineData("Rangaistus on rikoslain 38 luvun 9 §:ssä.", "rikoslain 38 luvun 9 §:ssä", "https://www.finlex.fi/fi/laki/ajantasa/1889/18890039001#L38P9")]
    [InlineData("Kuntalain 90 § säätää asiasta.", "Kuntalain 90 §", "https://www.finlex.fi/fi/laki/ajantasa/2015/20150410")]
    public void Finnish_citations_link_to_the_official_text(string markdown, string linkText, string url)
    {
        var link = Assert.Single(Links(markdown, Language.Fi, "legal-link"));

        Assert.Equal(linkText, link.Text);
        Assert.Equal(url, link.Href);
    }

    [Theory]
    [InlineData("Grunden är artikel 6.1 e i dataskyddsförordningen.", "artikel 6.1 e", "https://eur-lex.europa.eu/legal-content/SV/TXT/HTML/?uri=CELEX:32016R0679#art_6")]
    [InlineData("Se GDPR art. 15 om rätten.", "GDPR art. 15", "https://eur-lex.europa.eu/legal-content/SV/TXT/HTML/?uri=CELEX:32016R0679#art_15")]
    [InlineData("Enligt 4 § 2 punkten i dataskyddslagen får kommunen.", "4 § 2 punkten i dataskyddslagen", "https://www.finlex.fi/sv/laki/ajantasa/2018/20181050")]
    [InlineData("Straffet finns i 38 kap. 9 § i strafflagen.", "38 kap. 9 § i strafflagen", "https://www.finlex.fi/sv/laki/ajantasa/1889/18890039001#L38P9")]
    public void Swedish_citations_link_to_the_official_text(string markdown, string linkText, string url)
    {
        var link = Assert.Single(Links(markdown, Language.Sv, "legal-link"));

        Assert.Equal(linkText, link.Text);
        Assert.Equal(url, link.Href);
    }

    [Fact]
    public void A_citation_wrapped_over_two_lines_is_one_link_and_the_text_around_it_stays()
    {
        var html = Renderer.Render("Käsittely perustuu tietosuoja-asetuksen 6\nartiklan 1 kohdan c alakohtaan, kuten\nedellä.", Language.Fi).Html;
        var paragraph = Parser.ParseDocument(html).QuerySelector("p")!;

        var link = Assert.Single(paragraph.QuerySelectorAll("a.legal-link"));
        Assert.Equal("6 artiklan 1 kohdan c alakohtaan", Normalise(link.TextContent));
        Assert.Equal("Käsittely perustuu tietosuoja-asetuksen 6 artiklan 1 kohdan c alakohtaan, kuten edellä.", Normalise(paragraph.TextContent));
    }

    [Fact]
    public void Linked_text_stays_whole_in_the_plain_text_that_search_and_comparison_read()
    {
        var document = Renderer.Parse("Suostumus (tietosuoja-asetuksen 6 artiklan 1 kohdan a alakohta) soveltuu\nkunnan toimintaan vain harvoin (GDPR 7 art.).\n", Language.Fi);

        var block = Assert.Single(DocumentText.Blocks(document));

        Assert.Equal("Suostumus (tietosuoja-asetuksen 6 artiklan 1 kohdan a alakohta) soveltuu kunnan toimintaan vain harvoin (GDPR 7 art.).", block.Text);
    }

    [Fact]
    public void Headings_existing_links_and_code_are_not_linked()
    {
        const string markdown = "## Tietosuojalain 4 §\n\n[tietosuojalain 4 §](https://example.fi) ja `tietosuojalain 4 §`.\n";

        Assert.Empty(Links(markdown, Language.Fi, "legal-link"));
    }

    [Fact]
    public void The_first_use_of_a_term_in_any_inflection_links_to_the_glossary_and_later_uses_do_not()
    {
        var snapshot = LoadWith("## Rekisterinpitäjä\n\nKunta on rekisterinpitäjän asemassa. Rekisterinpitäjälle kuuluu vastuu.\n\nToinen rekisterinpitäjä.\n");
        var html = snapshot.Chapters[0].Versions(Language.Fi)[0].Body.Html;

        var links = Parser.ParseDocument(html).QuerySelectorAll("a.term-link").ToList();

        var link = Assert.Single(links);
        Assert.Equal("rekisterinpitäjän", link.TextContent);
        Assert.Equal("/sanasto#rekisterinpitaja", link.GetAttribute("href"));
    }

    [Fact]
    public void A_term_of_two_words_wins_over_a_term_inside_it_and_a_compound_is_not_its_part()
    {
        var snapshot = LoadWith("## Osio\n\nKäsittelyperusteena voi olla laki. Henkilötietojen käsittelijälle annetaan ohjeet.\n");
        var html = snapshot.Chapters[0].Versions(Language.Fi)[0].Body.Html;

        var links = Parser.ParseDocument(html).QuerySelectorAll("a.term-link").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();

        Assert.Equal([("Henkilötietojen käsittelijälle", "/sanasto#kasittelija")], links);
    }

    [Fact]
    public void Where_the_longer_term_has_its_link_a_shorter_term_at_the_same_word_gets_one()
    {
        var snapshot = LoadWith("## Osio\n\nHenkilötietojen käsittelijälle annetaan ohjeet.\n\n- Henkilötietojen käsittelijä vastaa, ja rekisterinpitäjä valvoo.\n- Rekisterinpitäjän tehtävä.\n");
        var html = snapshot.Chapters[0].Versions(Language.Fi)[0].Body.Html;

        var links = Parser.ParseDocument(html).QuerySelectorAll("a.term-link").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();

        Assert.Equal(
            [("Henkilötietojen käsittelijälle", "/sanasto#kasittelija"), ("Henkilötietojen", "/sanasto#henkilotieto"), ("rekisterinpitäjä", "/sanasto#rekisterinpitaja")],
            links);
    }

    [Fact]
    public void Each_chapter_version_links_its_own_first_uses()
    {
        using var content = new Tietosuoja.TestSupport.ContentFolderBuilder()
            .WithChapter("luku", "luku", "kapitel")
            .WithVersion("luku", "fi", "1.0", body: "## Osio\n\nRekisterinpitäjä päättää.\n")
            .WithVersion("luku", "fi", "1.1", body: "## Osio\n\nKunta on rekisterinpitäjä.\n")
            .WithFile("glossary.yml", """
                terms:
                  - id: rekisterinpitaja
                    fi: { term: rekisterinpitäjä, definition: Määrittelee tarkoitukset ja keinot. }
                    sv: { term: personuppgiftsansvarig, definition: Bestämmer ändamålen och medlen. }
                """);
        var result = new ContentLoader(Renderer).Load(content.Root, 1);
        Assert.Empty(result.Errors.Select(e => e.ToString()));

        var linkTexts = result.Snapshot!.Chapters[0].Versions(Language.Fi)
            .Select(v => Parser.ParseDocument(v.Body.Html).QuerySelectorAll("a.term-link").Select(a => a.TextContent).Single())
            .ToList();

        Assert.Equal(["Rekisterinpitäjä", "rekisterinpitäjä"], linkTexts);
    }

    private static ContentSnapshot LoadWith(string body)
    {
        using var content = new Tietosuoja.TestSupport.ContentFolderBuilder()
            .WithChapter("luku", "luku", "kapitel")
            .WithVersion("luku", "fi", "1.0", body: body)
            .WithFile("glossary.yml", """
                terms:
                  - id: rekisterinpitaja
                    fi: { term: rekisterinpitäjä, definition: Määrittelee tarkoitukset ja keinot. }
                    sv: { term: personuppgiftsansvarig, definition: Bestämmer ändamålen och medlen. }
                  - id: henkilotieto
                    fi: { term: henkilötieto, definition: Tieto henkilöstä. }
                    sv: { term: personuppgift, definition: Uppgift om en person. }
                  - id: kasittely
                    fi: { term: käsittely, definition: Toiminto. }
                    sv: { term: behandling, definition: Åtgärd. }
                  - id: kasittelija
                    fi: { term: henkilötietojen käsittelijä, definition: Käsittelee rekisterinpitäjän lukuun. }
                    sv: { term: personuppgiftsbiträde, definition: Behandlar för den ansvariges räkning. }
                """);
        var result = new ContentLoader(Renderer).Load(content.Root, 1);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        return result.Snapshot!;
    }

    private static List<(string Text, string? Href)> Links(string markdown, Language language, string cssClass) =>
        Parser.ParseDocument(Renderer.Render(markdown, language).Html)
            .QuerySelectorAll($"a.{cssClass}")
            .Select(a => (Normalise(a.TextContent), a.GetAttribute("href")))
            .ToList();

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
