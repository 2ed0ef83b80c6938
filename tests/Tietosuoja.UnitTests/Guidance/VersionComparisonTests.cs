using System.Collections.Immutable;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

public sealed class VersionComparisonTests
{
    [Fact]
    public void An_edited_paragraph_shows_the_words_removed_and_added_and_rebuilds_both_texts()
    {
        const string older = "Kunta käsittelee tietoja lain perusteella, ja suostumus soveltuu harvoin.";
        const string newer = "Kunta käsittelee tietoja useimmiten lain perusteella, ja suostumus soveltuu vain harvoin.";

        var pieces = VersionComparison.WordDiff(older, newer);

        Assert.Equal(newer, string.Concat(pieces.Where(p => p.Change != Change.Removed).Select(p => p.Text)));
        Assert.Equal(older, string.Concat(pieces.Where(p => p.Change != Change.Added).Select(p => p.Text)));
        Assert.Equal(["useimmiten", "vain"], pieces.Where(p => p.Change == Change.Added).Select(p => p.Text.Trim()));
        Assert.DoesNotContain(pieces, p => p.Change == Change.Removed);
    }

    [Fact]
    public void A_replaced_word_is_removed_and_added_in_place()
    {
        var pieces = VersionComparison.WordDiff("Vastaus annetaan kuukauden kuluessa.", "Vastaus annetaan viikon kuluessa.");

        Assert.Equal(
            [("Vastaus annetaan ", Change.Unchanged), ("kuukauden", Change.Removed), ("viikon", Change.Added), (" kuluessa.", Change.Unchanged)],
            pieces.Select(p => (p.Text, p.Change)));
    }

    [Fact]
    public void Blocks_are_aligned_and_changed_sections_listed_in_text_order()
    {
        var from = Version("1.0",
            Block(TextBlockKind.Heading, "Johdanto", "johdanto", 2),
            Block(TextBlockKind.Paragraph, "Tämä kappale pysyy samana.", "johdanto"),
            Block(TextBlockKind.Heading, "Suostumus", "suostumus", 2),
            Block(TextBlockKind.Paragraph, "Suostumus soveltuu harvoin kunnan toimintaan.", "suostumus"),
            Block(TextBlockKind.Heading, "Vanha kohta", "vanha-kohta", 2),
            Block(TextBlockKind.Paragraph, "Tämä kohta poistetaan kokonaan uudesta versiosta.", "vanha-kohta"));
        var to = Version("1.1",
            Block(TextBlockKind.Heading, "Johdanto", "johdanto", 2),
            Block(TextBlockKind.Paragraph, "Tämä kappale pysyy samana.", "johdanto"),
            Block(TextBlockKind.Heading, "Suostumus", "suostumus", 2),
            Block(TextBlockKind.Paragraph, "Suostumus soveltuu vain harvoin kunnan toimintaan.", "suostumus"),
            Block(TextBlockKind.ListItem, "Kokonaan uusi luettelon kohta.", "suostumus"));

        var comparison = VersionComparison.Compare(from, to);

        Assert.Equal(
            [Change.Unchanged, Change.Unchanged, Change.Unchanged, Change.Modified, Change.Added, Change.Removed, Change.Removed],
            comparison.Blocks.Select(b => b.Change));
        Assert.Equal([("suostumus", false), ("vanha-kohta", true)], comparison.ChangedSections.Select(s => (s.Anchor!, s.Removed)));
        Assert.Equal(1, comparison.Count(Change.Modified));
        Assert.Equal(1, comparison.Count(Change.Added));
        Assert.Equal(2, comparison.Count(Change.Removed));
    }

    [Fact]
    public void An_unrelated_rewrite_is_shown_as_removed_and_added_rather_than_word_soup()
    {
        var from = Version("1.0", Block(TextBlockKind.Paragraph, "Rekisterinpitäjä vastaa käsittelyn lainmukaisuudesta.", null));
        var to = Version("1.1", Block(TextBlockKind.Paragraph, "Kunnan on nimettävä tietosuojavastaava ja ilmoitettava yhteystiedot.", null));

        var comparison = VersionComparison.Compare(from, to);

        Assert.Equal([Change.Removed, Change.Added], comparison.Blocks.Select(b => b.Change));
        Assert.Equal([(null, "", false)], comparison.ChangedSections.Select(s => (s.Anchor, s.Heading, s.Removed)));
    }

    [Fact]
    public void Identical_versions_have_no_changes()
    {
        var block = Block(TextBlockKind.Paragraph, "Sama teksti.", null);

        var comparison = VersionComparison.Compare(Version("1.0", block), Version("1.1", block));

        Assert.False(comparison.HasChanges);
        Assert.Empty(comparison.ChangedSections);
    }

    private static TextBlock Block(TextBlockKind kind, string text, string? anchor, int level = 0) => new(kind, level, text, anchor);

    private static ChapterVersion Version(string number, params TextBlock[] blocks) =>
        new("luku", Language.Fi, VersionNumber.Parse(number), "Luku", VersionStatus.Published, new DateOnly(2026, 1, 1), "S", new RenderedDocument("", []), "", [.. blocks], "f");
}
