using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Raw_html_in_markdown_is_shown_as_text_not_run()
    {
        var html = _renderer.Render("Teksti <script>alert(1)</script> ja <b>lihava</b>.", Language.Fi).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[klikkaa](javascript:alert(1))")]
    [InlineData("[klikkaa](JaVaScRiPt:alert(1))")]
    [InlineData("[klikkaa](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[klikkaa](vbscript:msgbox)")]
    public void Script_links_are_removed_by_the_sanitiser(string markdown)
    {
        var html = _renderer.Render(markdown, Language.Fi).Html;

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("klikkaa", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_links_survive()
    {
        var html = _renderer.Render("[EUR-Lex](https://eur-lex.europa.eu/) ja [luku 2](/luku/oikeusperusteet#suostumus) ja [posti](mailto:kirjaamo@kuntaliitto.fi)", Language.Fi).Html;

        Assert.Contains("href=\"https://eur-lex.europa.eu/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/luku/oikeusperusteet#suostumus\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:kirjaamo@kuntaliitto.fi\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fi", "## Osio *korostettu* `koodi` & \"lainaus\" <b>\n\nTeksti [linkki](/luku/x#osio) ja tietosuoja-asetuksen 6 artikla[^1].\n\n### Alaosio </a> <a class=\"section-comment\">\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> ## Lainauksen otsikko\n>\n> Lainaus.\n\n- ## Listan otsikko\n\n[^1]: Alaviite.")]
    [InlineData("fi", "## Sama\n\n## Sama\n\n::: huomio\n## Laatikossa\n:::\n")]
    [InlineData("sv", "## Samtycke\n\nGrunden är artikel 6.1 e i dataskyddsförordningen.\n\n### Barn & unga\n")]
    [InlineData("fi", "Ei otsikoita lainkaan.")]
    public void A_body_rendered_with_comment_links_then_without_them_is_the_body_rendered_without(string code, string markdown)
    {
        Assert.True(Languages.TryParse(code, out var language));

        var direct = _renderer.Render(_renderer.Parse(markdown, language), language);
        var (body, commentable) = _renderer.RenderWithComments(_renderer.Parse(markdown, language), language, anchor => $"/kommentoi/luku?osio={anchor}&x=\"1\"");

        Assert.Equal(direct.Html, body.Html);
        Assert.Equal<Heading>(direct.Headings, body.Headings);
        var links = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(commentable).QuerySelectorAll("a.section-comment");
        Assert.Equal(direct.Headings.Length, links.Length);
        Assert.All(links, link => Assert.StartsWith("/kommentoi/luku?osio=", link.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Heading_anchors_depend_only_on_the_heading_text()
    {
        var first = _renderer.Render("## Kuka on rekisterinpitäjä?\n\nVersion 1 teksti.", Language.Fi);
        var second = _renderer.Render("Johdanto lisätty.\n\n## Uusi osio\n\n## Kuka on rekisterinpitäjä?\n\nVersion 2 teksti.", Language.Fi);

        Assert.Equal("kuka-on-rekisterinpitaja", first.Headings.Single().Anchor);
        Assert.Contains(second.Headings, h => h.Anchor == "kuka-on-rekisterinpitaja");
    }

    [Fact]
    public void Repeated_headings_get_unique_anchors()
    {
        var rendered = _renderer.Render("## Esimerkki\n\n## Esimerkki\n\n## Esimerkki", Language.Fi);

        var anchors = rendered.Headings.Select(h => h.Anchor).ToList();
        Assert.Equal(3, anchors.Distinct().Count());
        Assert.All(anchors, a => Assert.Contains($"id=\"{a}\"", rendered.Html, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_heading_has_a_visible_link_to_itself_in_the_document_language()
    {
        var finnish = _renderer.Render("## Suostumus", Language.Fi).Html;
        var swedish = _renderer.Render("## Samtycke", Language.Sv).Html;

        Assert.Contains("<a class=\"section-link\" href=\"#suostumus\">Linkki tähän kohtaan<span class=\"visually-hidden\">: Suostumus</span></a>", finnish, StringComparison.Ordinal);
        Assert.Contains("<a class=\"section-link\" href=\"#samtycke\">Länk till detta avsnitt<span class=\"visually-hidden\">: Samtycke</span></a>", swedish, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_top_level_section_is_wrapped_whole_and_the_text_before_the_first_is_not()
    {
        var html = _renderer.Render("Johdanto.\n\n## Ensimmäinen\n\nTeksti.\n\n### Alaosio\n\n- kohta\n\n::: huomio\n## Laatikossa\n:::\n\n## Toinen\n\nLoppu.[^1]\n\n[^1]: Alaviite.", Language.Fi).Html;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var sections = document.Body!.Children.Where(e => e.ClassList.Contains("chapter-section")).ToList();
        Assert.Equal(2, sections.Count);
        Assert.Equal("P", document.Body.FirstElementChild!.TagName);
        Assert.Equal("Johdanto.", document.Body.FirstElementChild.TextContent);
        Assert.Equal(["ensimmainen", "alaosio", "laatikossa"], sections[0].QuerySelectorAll("h2, h3").Select(h => h.Id));
        Assert.Equal(["toinen"], sections[1].QuerySelectorAll("h2, h3").Select(h => h.Id));
        Assert.Contains("Alaviite.", sections[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll(".chapter-section .chapter-section"));
    }

    [Fact]
    public void Headings_are_listed_with_level_and_plain_text()
    {
        var rendered = _renderer.Render("## Osio *korostettu* `koodi`\n\n### Alaosio\n\nTeksti.", Language.Fi);

        Assert.Equal<Heading>(
            [new Heading(2, "Osio korostettu koodi", "osio-korostettu-koodi"), new Heading(3, "Alaosio", "alaosio")],
            rendered.Headings);
    }

    [Fact]
    public void Tables_and_footnotes_render()
    {
        var html = _renderer.Render("| Peruste | Artikla |\n|---|---|\n| Suostumus | 6(1)(a) |\n\nTeksti[^1].\n\n[^1]: Alaviite.", Language.Fi).Html;

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Peruste</th>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"footnote-ref\"", html, StringComparison.Ordinal);
        Assert.Contains("Alaviite.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#fn:1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_scroll_sideways_in_a_named_focusable_region_instead_of_widening_the_page()
    {
        var html = _renderer.Render("| a | b |\n|---|---|\n| 1 | 2 |", Language.Sv).Html;

        Assert.Matches("^<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell, kan rullas i sidled\">\\s*<table>", html);
        Assert.Matches("</table>\\s*</div>\\s*$", html);
    }

    [Fact]
    public void Table_alignment_does_not_produce_inline_styles_that_the_csp_would_block()
    {
        var html = _renderer.Render("| a | b |\n|:--|--:|\n| 1 | 2 |", Language.Fi).Html;

        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }
}
