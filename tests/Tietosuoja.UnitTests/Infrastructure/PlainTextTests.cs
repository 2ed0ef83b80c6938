using System.Xml;

namespace Tietosuoja.UnitTests.Infrastructure;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u00A0")] // no-break space
    [InlineData("\u200B\u200B")] // zero width space
    [InlineData("\u3000")] // ideographic space
    [InlineData("\u2028\u2029")] // line and paragraph separators
    [InlineData("\uFEFF")] // byte order mark
    [InlineData("\u2060\u200D\u200C")] // word joiner, zero width joiner and non-joiner
    [InlineData("\u3164\u2800")] // Hangul filler, blank Braille pattern
    [InlineData("\u000B\u001F")] // control characters alone
    [InlineData("\U000E0020")] // a tag space, outside the Basic Multilingual Plane
    public void Text_a_reader_cannot_see_is_blank(string? value) => Assert.True(PlainText.IsBlank(value));

    [Theory]
    [InlineData("a")]
    [InlineData("\u200Bx\u200B")]
    [InlineData("–")]
    [InlineData("\U0001F600")]
    public void Text_with_anything_visible_is_not_blank(string value) => Assert.False(PlainText.IsBlank(value));

    [Theory]
    [InlineData("Rivi 1\nRivi 2\r\nRivi 3\tsarake")]
    [InlineData("äöå ÄÖÅ € – “” \u00A0\u2028")]
    [InlineData("\U0001F600 emoji as a surrogate pair")]
    [InlineData("\uFFFD replacement character")]
    public void Ordinary_text_is_showable(string value)
    {
        Assert.True(PlainText.IsShowable(value));
        Assert.Same(value, PlainText.Showable(value));
    }

    [Theory]
    [InlineData("Word\u000Bline break", "Wordline break")]
    [InlineData("\u0000nul", "nul")]
    [InlineData("unit\u001Fseparator\u007F", "unitseparator")]
    [InlineData("c1\u0085\u009F", "c1")]
    [InlineData("non\uFFFEcharacters\uFFFF", "noncharacters")]
    [InlineData("keeps \U0001F600 pairs\u000B", "keeps \U0001F600 pairs")]
    public void Unshowable_characters_are_found_and_removed(string value, string showable)
    {
        Assert.False(PlainText.IsShowable(value));
        Assert.Equal(showable, PlainText.Showable(value));
        Assert.True(PlainText.IsShowable(PlainText.Showable(value)));
    }

    /// <summary>Built in code: test case arguments would not survive xUnit's serialization with a lone surrogate in them.</summary>
    [Fact]
    public void Lone_surrogates_are_unshowable_but_not_blank_and_pairs_are_kept()
    {
        const char high = '\uD83D', low = '\uDE00';
        (string Value, string Showable)[] cases =
        [
            ($"lone {high} high", "lone  high"),
            ($"lone {low} low", "lone  low"),
            ($"reversed {low}{high} pair", "reversed  pair"),
            ($"ends with high {high}", "ends with high "),
            ($"{high}{high}{low}", $"{high}{low}"),
        ];
        foreach (var (value, showable) in cases)
        {
            Assert.False(PlainText.IsShowable(value), value);
            Assert.Equal(showable, PlainText.Showable(value));
        }

        Assert.False(PlainText.IsBlank(high.ToString()));
    }

    [Fact]
    public void What_Showable_returns_can_always_be_written_as_xml()
    {
        var everyUnit = new string([.. Enumerable.Range(0, 0x10000).Select(i => (char)i)]);
        var buffer = new StringWriter();
        using (var writer = XmlWriter.Create(buffer))
        {
            writer.WriteElementString("text", PlainText.Showable(everyUnit));
        }

        Assert.Contains("<text>", buffer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  otsikko  ", "otsikko")]
    [InlineData("\u200B\uFEFFotsikko\u00A0\u3000", "otsikko")]
    [InlineData("\U000E0020x\U000E0020", "x")]
    [InlineData("a b", "a b")]
    public void Trim_removes_every_invisible_character_at_the_ends(string value, string trimmed) =>
        Assert.Equal(trimmed, PlainText.Trim(value));

    [Fact]
    public void Blank_optional_text_becomes_null() => Assert.Null(PlainText.TrimToNull("\u200B "));

    [Theory]
    [InlineData("\u200B", true, "Error_Required")]
    [InlineData("\u200B", false, null)]
    [InlineData("otsikko\u000B", true, "Error_Unshowable")]
    [InlineData("otsikko\u000B", false, "Error_Unshowable")]
    [InlineData("12345", true, null)]
    [InlineData("123456", true, "Error_TooLongMax")]
    public void The_field_rule_reports_the_first_problem(string value, bool required, string? messageKey)
    {
        var problem = PlainText.Check("Title", value, maxLength: 5, required);

        Assert.Equal(messageKey, problem?.MessageKey);
        if (problem is not null)
        {
            Assert.Equal("Title", problem.Field);
        }
    }

    [Fact]
    public void A_too_long_text_names_the_limit()
    {
        var problem = PlainText.Check("Title", "123456", maxLength: 5);

        Assert.Equal([5], problem!.Arguments);
    }
}
