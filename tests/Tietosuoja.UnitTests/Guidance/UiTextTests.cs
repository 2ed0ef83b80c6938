using System.Xml.Linq;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Guidance;

public class UiTextTests
{
    private static readonly string Resources = Path.Combine(RepoPaths.Root, "src", "Tietosuoja.Web", "Resources");

    [Fact]
    public void Every_ui_string_exists_in_finnish_and_swedish()
    {
        var finnish = Keys("SharedResource.resx");
        var swedish = Keys("SharedResource.sv.resx");

        Assert.Equal(finnish.Order(), swedish.Order());
        Assert.All(finnish, key => Assert.NotEqual(UiText.Get(key, Language.Fi), key));
    }

    [Fact]
    public void Strings_are_read_in_the_language_asked_for()
    {
        Assert.Equal("Sisällys", UiText.Get("TableOfContents", Language.Fi));
        Assert.Equal("Innehåll", UiText.Get("TableOfContents", Language.Sv));
    }

    private static List<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];
}
