using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

public class VersionNumberTests
{
    [Theory]
    [InlineData("1.0", 1, 0)]
    [InlineData("0.1", 0, 1)]
    [InlineData("12.34", 12, 34)]
    public void Parses_major_and_minor(string text, int major, int minor)
    {
        Assert.True(VersionNumber.TryParse(text, out var version));
        Assert.Equal(new VersionNumber(major, minor), version);
        Assert.Equal(text, version.ToString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.0.0")]
    [InlineData("v1.0")]
    [InlineData("01.0")]
    [InlineData("1.00")]
    [InlineData("1,0")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_but_major_dot_minor(string? text) => Assert.False(VersionNumber.TryParse(text, out _));

    [Fact]
    public void Orders_numerically_not_as_text()
    {
        var versions = new[] { "1.10", "1.9", "2.0", "0.1" }.Select(VersionNumber.Parse);

        Assert.Equal(["0.1", "1.9", "1.10", "2.0"], versions.Order().Select(v => v.ToString()));
    }
}
