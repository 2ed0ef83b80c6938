using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

public class SiteUrlsTests
{
    [Theory]
    [InlineData("/", LinkKind.Home, "fi", null, null, null)]
    [InlineData("/sv", LinkKind.Home, "sv", null, null, null)]
    [InlineData("/luku/rekisterinpitaja", LinkKind.Chapter, "fi", "rekisterinpitaja", null, null)]
    [InlineData("/luku/rekisterinpitaja#yhteisrekisterinpitajyys", LinkKind.Chapter, "fi", "rekisterinpitaja", null, "yhteisrekisterinpitajyys")]
    [InlineData("/luku/rekisterinpitaja/versio/1.1", LinkKind.Version, "fi", "rekisterinpitaja", "1.1", null)]
    [InlineData("/luku/rekisterinpitaja/historia", LinkKind.History, "fi", "rekisterinpitaja", null, null)]
    [InlineData("/sv/kapitel/rattslig-grund/version/1.0#samtycke", LinkKind.Version, "sv", "rattslig-grund", "1.0", "samtycke")]
    [InlineData("/sv/kapitel/rattslig-grund/historik", LinkKind.History, "sv", "rattslig-grund", null, null)]
    [InlineData("/tietosuojaseloste", LinkKind.Page, "fi", "tietosuojaseloste", null, null)]
    [InlineData("/sv/dataskyddsbeskrivning/", LinkKind.Page, "sv", "dataskyddsbeskrivning", null, null)]
    [InlineData("#suostumus", LinkKind.SamePage, "fi", null, null, "suostumus")]
    public void Parses_portal_links(string url, LinkKind kind, string language, string? slug, string? version, string? anchor)
    {
        var link = SiteUrls.ParseInternal(url);

        Assert.NotNull(link);
        Assert.Equal(kind, link.Kind);
        Assert.Equal(language, link.Language.Code());
        Assert.Equal(slug, link.Slug);
        Assert.Equal(version, link.Version?.ToString());
        Assert.Equal(anchor, link.Anchor);
    }

    [Theory]
    [InlineData("https://finlex.fi/fi/laki/ajantasa/2018/20181050")]
    [InlineData("//example.org/x")]
    [InlineData("mailto:kirjaamo@kuntaliitto.fi")]
    public void External_links_are_not_internal(string url) => Assert.Null(SiteUrls.ParseInternal(url));

    [Fact]
    public void Generated_urls_parse_back_to_what_generated_them()
    {
        var number = VersionNumber.Parse("2.3");
        var version = new ChapterVersion("c", Language.Sv, number, "T", VersionStatus.Published, new DateOnly(2026, 1, 1), "S", new RenderedDocument("", []), "", [], "f");
        var chapter = new Chapter(
            "c",
            1,
            System.Collections.Immutable.ImmutableDictionary<Language, string>.Empty.Add(Language.Fi, "luku-fi").Add(Language.Sv, "kapitel-sv"),
            System.Collections.Immutable.ImmutableDictionary<Language, System.Collections.Immutable.ImmutableArray<ChapterVersion>>.Empty);

        var link = SiteUrls.ParseInternal(SiteUrls.Version(chapter, version));

        Assert.Equal(new InternalLink(LinkKind.Version, Language.Sv, "kapitel-sv", number, null), link);
        Assert.Equal(LinkKind.History, SiteUrls.ParseInternal(SiteUrls.History(chapter, Language.Fi))!.Kind);
    }

    [Theory]
    [InlineData("/", "fi")]
    [InlineData("/svenska", "fi")]
    [InlineData("/sv", "sv")]
    [InlineData("/SV/kapitel/x", "sv")]
    [InlineData(null, "fi")]
    public void Language_comes_from_the_first_path_segment(string? path, string expected) =>
        Assert.Equal(expected, SiteUrls.LanguageOf(path).Code());
}
