using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Pages.Editor;
using Tietosuoja.TestSupport;

namespace Tietosuoja.UnitTests.Editing;

/// <summary>The editor area's pure rules: spreadsheet cell escaping, version numbering, the front matter the portal writes, chart geometry.</summary>
public sealed class EditingRulesTests
{
    private static readonly ContentSnapshot Repository = new ContentLoader(new MarkdownRenderer()).Load(RepoPaths.FixtureContent, 1).Snapshot!;

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+358 40 123", "'+358 40 123")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tsisennys", "'\tsisennys")]
    [InlineData("\rrivi", "'\rrivi")]
    [InlineData("Kunta = rekisterinpitäjä", "Kunta = rekisterinpitäjä")]
    [InlineData("", "")]
    public void Cells_that_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe(string value, string expected) =>
        Assert.Equal(expected, CommentExport.Neutralize(value));

    [Fact]
    public void Finnish_versions_go_to_the_next_minor_or_major_and_swedish_ones_translate_an_untranslated_finnish_version()
    {
        Assert.Equal([new VersionNumber(1, 3), new VersionNumber(2, 0)], ChapterPublisher.VersionChoices(Repository, "oikeusperusteet", Language.Fi));
        // Finnish 1.0–1.2 exist; Swedish has 1.1 only.
        Assert.Equal([new VersionNumber(1, 2), new VersionNumber(1, 0)], ChapterPublisher.VersionChoices(Repository, "oikeusperusteet", Language.Sv));
        Assert.Equal([new VersionNumber(1, 0), new VersionNumber(0, 1)], ChapterPublisher.VersionChoices(Repository, "uusi-luku", Language.Fi));
        Assert.Empty(ChapterPublisher.VersionChoices(Repository, "uusi-luku", Language.Sv));
    }

    [Fact]
    public void The_front_matter_quotes_titles_so_colons_quotes_and_line_breaks_cannot_break_it()
    {
        using var content = ContentFolderBuilder.CopyOfFixtureContent();
        var text = new ChapterText("oikeusperusteet", Language.Fi, new VersionNumber(1, 3), VersionStatus.Consultation,
            "Perusteet: \"laki\" ja \\ sopimus", "Rivi yksi\nrivi kaksi", "## Osio\r\n\r\nTeksti.\r\n\r\n\r\n");

        var file = Publisher(content.Root).FileText(text);

        Assert.Equal(
            "---\ntitle: \"Perusteet: \\\"laki\\\" ja \\\\ sopimus\"\nversion: \"1.3\"\nstatus: consultation\ndate: 2026-11-20\nsummary: \"Rivi yksi rivi kaksi\"\n---\n\n## Osio\n\nTeksti.\n",
            file);
    }

    [Fact]
    public void A_check_runs_the_content_loader_and_never_writes_into_content()
    {
        using var content = ContentFolderBuilder.CopyOfFixtureContent();
        var before = Directory.GetFiles(content.Root, "*", SearchOption.AllDirectories).Length;
        var publisher = Publisher(content.Root);

        var bad = publisher.Check(new ChapterText("oikeusperusteet", Language.Fi, new VersionNumber(1, 3), VersionStatus.Published, "Otsikko", "Muutos.", "# Ei saa olla\n"));
        var traversal = publisher.Check(new ChapterText("../pages", Language.Fi, new VersionNumber(1, 3), VersionStatus.Published, "Otsikko", "Muutos.", "## Osio\n"));

        var problem = Assert.Single(bad.Problems);
        Assert.Equal(("Markdown", "Publish_ProblemAtLine", (object)1), (problem.Field, problem.MessageKey, problem.Arguments[0]));
        Assert.Null(bad.Preview);
        Assert.Contains(traversal.Problems, p => p.Field == "ChapterId");
        Assert.Equal(before, Directory.GetFiles(content.Root, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Bars_are_scaled_to_the_largest_count_and_labels_are_encoded_in_the_svg()
    {
        var chart = new BarChart("c", "Otsikko", "Kohta", [new("<Kunta & kaupunki>", 4), new("Ministeriö", 2), new("Muu", 0)]);

        Assert.Equal(chart.BarLength(4), 2 * chart.BarLength(2), precision: 6);
        Assert.Equal(0, chart.BarLength(0));
        var svg = chart.Svg();
        Assert.Contains("&lt;Kunta &amp; kaupunki&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("aria-hidden=\"true\"", svg, StringComparison.Ordinal);
        Assert.Equal(3, svg.Split("<rect", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public void An_upload_nested_too_deeply_to_parse_is_taken_whole_for_the_check_to_refuse()
    {
        using var content = new ContentFolderBuilder();
        var deep = new string('>', 10_000) + " syvällä";

        var (title, summary, body) = Publisher(content.Root).SplitFrontMatter(deep);

        Assert.Null(title);
        Assert.Null(summary);
        Assert.Equal(deep, body);
    }

    private static ChapterPublisher Publisher(string contentRoot) =>
        TestPublisher.On(contentRoot, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
}
