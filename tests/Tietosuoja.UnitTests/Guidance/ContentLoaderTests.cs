using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

public sealed class ContentLoaderTests : IDisposable
{
    private const string FinnishFile = "chapters/rekisterinpitaja/fi/1.1.md";
    private readonly ContentFolderBuilder _content = new ContentFolderBuilder()
        .WithChapter("rekisterinpitaja", "rekisterinpitaja", "personuppgiftsansvarig")
        .WithVersion("rekisterinpitaja", "fi", "1.0", date: "2026-01-10")
        .WithVersion("rekisterinpitaja", "fi", "1.1", date: "2026-03-02")
        .WithVersion("rekisterinpitaja", "sv", "1.1");

    private readonly ContentLoader _loader = new(new MarkdownRenderer());

    public void Dispose() => _content.Dispose();

    [Fact]
    public void Valid_content_becomes_a_snapshot_with_versions_in_order()
    {
        var result = _loader.Load(_content.Root, 7);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var chapter = Assert.Single(result.Snapshot!.Chapters);
        Assert.Equal(7, result.Snapshot.Generation);
        Assert.Equal(["1.0", "1.1"], chapter.Versions(Language.Fi).Select(v => v.Version.ToString()));
        Assert.Equal(new DateOnly(2026, 3, 2), chapter.Current(Language.Fi)!.Date);
        Assert.Equal("personuppgiftsansvarig", chapter.Slug(Language.Sv));
        Assert.Same(chapter, result.Snapshot.FindChapter(Language.Sv, "personuppgiftsansvarig"));
    }

    [Fact]
    public void The_chapter_url_shows_the_latest_published_version_not_a_newer_draft()
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.2", status: "consultation");

        var chapter = _loader.Load(_content.Root, 1).Snapshot!.Chapters[0];

        Assert.Equal("1.1", chapter.Current(Language.Fi)!.Version.ToString());
        Assert.Equal("1.2", chapter.Upcoming(Language.Fi)!.Version.ToString());
    }

    [Fact]
    public void A_chapter_with_only_drafts_shows_its_latest_draft()
    {
        _content.WithChapter("jatkokaytto", "jatkokaytto", "vidareanvandning")
            .WithVersion("jatkokaytto", "fi", "0.1", status: "draft")
            .WithVersion("jatkokaytto", "fi", "0.2", status: "draft");

        var chapter = _loader.Load(_content.Root, 1).Snapshot!.FindChapterById("jatkokaytto")!;

        Assert.Equal("0.2", chapter.Current(Language.Fi)!.Version.ToString());
        Assert.False(chapter.IsAvailableIn(Language.Sv));
    }

    [Fact]
    public void A_missing_field_is_reported_with_file_line_and_field()
    {
        _content.WithFile(FinnishFile, "---\ntitle: Otsikko\nversion: \"1.1\"\nstatus: published\ndate: 2026-03-02\n---\n\nTeksti.\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal(new ContentError(FinnishFile, 1, ContentErrorCode.FieldRequired, "summary"), error);
        Assert.Equal("required field 'summary' is missing or empty", error.Message);
        Assert.Equal($"{FinnishFile}:1: required field 'summary' is missing or empty", error.ToString());
    }

    [Theory]
    [InlineData("version: \"1\"", 3, "version '1' is malformed")]
    [InlineData("version: v1.1", 3, "version 'v1.1' is malformed")]
    [InlineData("status: valmis", 4, "status 'valmis' is not one of: draft, consultation, published")]
    [InlineData("date: 2.3.2026", 5, "date '2.3.2026' is not a date in the form YYYY-MM-DD")]
    [InlineData("author: Matti", 7, "unknown field 'author'")]
    // Only invisible characters (zero-width and ideographic space): blank by the rule every form uses.
    [InlineData("title: \"\\u200B\\u3000\"", 2, "required field 'title' is missing or empty")]
    public void A_bad_field_value_is_reported_on_its_line(string field, int line, string message)
    {
        var fields = new Dictionary<string, string>
        {
            ["title"] = "title: Otsikko",
            ["version"] = "version: \"1.1\"",
            ["status"] = "status: published",
            ["date"] = "date: 2026-03-02",
            ["summary"] = "summary: Muutokset.",
        };
        var name = field.Split(':')[0];
        var lines = fields.Values.ToList();
        if (fields.ContainsKey(name))
        {
            lines[fields.Keys.ToList().IndexOf(name)] = field;
        }
        else
        {
            lines.Add(field);
        }

        _content.WithFile(FinnishFile, $"---\n{string.Join('\n', lines)}\n---\n\nTeksti.\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);
        Assert.Equal(FinnishFile, error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        _content.WithFile(FinnishFile, "---\ntitle: Otsikko\nversion: \"1.1\n---\n\nTeksti.\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal(FinnishFile, error.File);
        Assert.StartsWith("front matter is not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line!.Value, 2, 4);
    }

    [Fact]
    public void A_file_without_front_matter_is_refused()
    {
        _content.WithFile(FinnishFile, "## Osio\n\nTeksti ilman otsaketietoja.\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal(1, error.Line);
        Assert.StartsWith("front matter is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_version_names_both_files()
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.1").WithFile(
            "chapters/rekisterinpitaja/fi/1.1-korjaus.md",
            File.ReadAllText(_content.PathOf(FinnishFile)));

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Contains("duplicate version 1.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.1-korjaus.md", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(FinnishFile, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_without_a_finnish_chapter_is_refused()
    {
        _content.WithChapter("oikeusperusteet", "oikeusperusteet", "rattslig-grund")
            .WithVersion("oikeusperusteet", "sv", "1.0");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal("chapters/oikeusperusteet", error.File);
        Assert.Contains("a translation whose chapter does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_of_a_version_the_finnish_chapter_does_not_have_is_refused()
    {
        _content.WithVersion("rekisterinpitaja", "sv", "2.0");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal("chapters/rekisterinpitaja/sv/2.0.md", error.File);
        Assert.Contains("there is no Finnish version 2.0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[luku](/luku/olematon)", "there is no chapter 'olematon' in fi")]
    [InlineData("[osio](/luku/rekisterinpitaja#olematon-osio)", "there is no section '#olematon-osio'")]
    [InlineData("[versio](/luku/rekisterinpitaja/versio/9.9)", "the chapter has no version 9.9 in fi")]
    [InlineData("[sivu](/olematon-sivu)", "there is no page 'olematon-sivu' in fi")]
    [InlineData("[tässä](#ei-ole)", "there is no section '#ei-ole'")]
    [InlineData("[kapitel](/sv/kapitel/rekisterinpitaja)", "there is no chapter 'rekisterinpitaja' in sv")]
    public void A_broken_internal_link_is_reported_on_its_line(string link, string problem)
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.1", body: $"## Ensimmäinen osio\n\nEnsimmäinen kappale.\n\nKatso {link}.\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal(FinnishFile, error.File);
        Assert.Equal(13, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Working_internal_links_are_accepted()
    {
        _content.WithVersion(
            "rekisterinpitaja",
            "fi",
            "1.1",
            body: "## Ensimmäinen osio\n\n[ylös](#ensimmainen-osio), [ruotsiksi](/sv/kapitel/personuppgiftsansvarig#ensimmainen-osio), [vanha](/luku/rekisterinpitaja/versio/1.0), [historia](/luku/rekisterinpitaja/historia), [seloste](/tietosuojaseloste), [etusivu](/), [ulos](https://finlex.fi/)\n");

        var result = _loader.Load(_content.Root, 1);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public void A_level_one_heading_in_a_chapter_is_refused_because_the_title_is_the_only_h1()
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.1", body: "## Osio\n\n# Toinen otsikko\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal(11, error.Line);
        Assert.Contains("level-1 heading", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chapter_folder_missing_from_the_site_file_is_refused()
    {
        _content.WithVersion("unohtunut", "fi", "1.0");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal("chapters/unohtunut", error.File);
        Assert.Contains("not listed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listed_chapter_without_versions_is_refused()
    {
        _content.WithChapter("tuleva", "tuleva", "kommande");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal("chapters/tuleva", error.File);
        Assert.Contains("no versions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_site_page_is_refused()
    {
        _content.WithoutFile("pages/privacy.sv.md");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal("pages/privacy.sv.md", error.File);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_site_file_is_refused()
    {
        _content.WithoutFile("site.yml");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal("site.yml", error.File);
    }

    [Fact]
    public void A_site_file_without_a_swedish_title_is_refused()
    {
        _content.WithFile("site.yml", "title:\n  fi: Ohjeet\ndescription:\n  fi: Kuvaus\n  sv: Beskrivning\nchapters:\n  - id: rekisterinpitaja\n    slug:\n      fi: rekisterinpitaja\n      sv: personuppgiftsansvarig\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal("'title' needs a value for 'sv'", error.Message);
    }

    [Fact]
    public void Editors_temporary_files_are_not_content()
    {
        _content.WithFile("chapters/rekisterinpitaja/fi/.1.2.md.tmp", "keskeneräinen").WithFile("chapters/rekisterinpitaja/fi/.1.2.md", "keskeneräinen");

        Assert.True(_loader.Load(_content.Root, 1).Succeeded);
    }

    [Fact]
    public void All_errors_are_reported_at_once()
    {
        _content.WithVersion("rekisterinpitaja", "fi", "1.1", status: "valmis")
            .WithVersion("rekisterinpitaja", "sv", "1.1", date: "eilen");

        var errors = _loader.Load(_content.Root, 1).Errors;

        Assert.Equal(2, errors.Length);
    }

    [Fact]
    public void Glossary_terms_load_in_both_languages()
    {
        _content.WithFile("glossary.yml", "terms:\n  - id: rekisterinpitaja\n    fi:\n      term: rekisterinpitäjä\n      definition: Määrittelee tarkoitukset ja keinot.\n      reference: tietosuoja-asetuksen 4 artiklan 7 alakohta\n    sv:\n      term: personuppgiftsansvarig\n      definition: Bestämmer ändamålen och medlen.\n");

        var entry = Assert.Single(_loader.Load(_content.Root, 1).Snapshot!.Glossary);

        Assert.Equal("personuppgiftsansvarig", entry.In(Language.Sv).Term);
        Assert.Equal("tietosuoja-asetuksen 4 artiklan 7 alakohta", entry.In(Language.Fi).Reference);
        Assert.Null(entry.In(Language.Sv).Reference);
    }

    [Fact]
    public void A_glossary_term_without_its_swedish_definition_is_refused()
    {
        _content.WithFile("glossary.yml", "terms:\n  - id: suostumus\n    fi:\n      term: suostumus\n      definition: Vapaaehtoinen tahdonilmaisu.\n    sv:\n      term: samtycke\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Equal(new ContentError("glossary.yml", null, ContentErrorCode.GlossaryTermIncomplete, "suostumus", "sv"), error);
        Assert.Equal("term 'suostumus' needs a 'sv' term and definition", error.Message);
    }

    [Fact]
    public void A_glossary_reference_that_is_not_a_citation_is_refused()
    {
        _content.WithFile("glossary.yml", "terms:\n  - id: suostumus\n    fi:\n      term: suostumus\n      definition: Tahdonilmaisu.\n      reference: GDPR art 7\n    sv:\n      term: samtycke\n      definition: Viljeyttring.\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Contains("reference 'GDPR art 7' (fi) is not a citation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_glossary_term_that_does_not_exist_is_refused()
    {
        _content.WithFile("glossary.yml", "terms:\n  - id: suostumus\n    fi:\n      term: suostumus\n      definition: Tahdonilmaisu.\n    sv:\n      term: samtycke\n      definition: Viljeyttring.\n")
            .WithVersion("rekisterinpitaja", "fi", "1.1", body: "## Osio\n\n[suostumus](/sanasto#suostumus) ja [etu](/sanasto#oikeutettu-etu)\n");

        var error = Assert.Single(_loader.Load(_content.Root, 1).Errors);

        Assert.Contains("the glossary has no term '#oikeutettu-etu'", error.Message, StringComparison.Ordinal);
    }
}
