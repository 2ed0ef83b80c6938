using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tietosuoja.TestSupport;
using Tietosuoja.Web;
using Tietosuoja.Web.Infrastructure;

namespace Tietosuoja.UnitTests.Infrastructure;

/// <summary>The preloaded strings are the framework localizer's strings, in both languages, found and not found alike.</summary>
public sealed class PreloadedLocalizerTests
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    private static readonly IStringLocalizer Framework = Factory.Create(typeof(SharedResource));

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public void Every_string_reads_as_the_framework_localizer_reads_it(string language)
    {
        var keys = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Tietosuoja.Web", "Resources", "SharedResource.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        var preloaded = new PreloadedLocalizer(Factory);

        InCulture(language, () =>
        {
            Assert.All(keys, key => Assert.Equal(Framework[key].Value, preloaded[key].Value));
            Assert.All(keys, key => Assert.False(preloaded[key].ResourceNotFound));
        });
    }

    [Fact]
    public void Arguments_are_formatted_in_the_language_of_the_request()
    {
        var preloaded = new PreloadedLocalizer(Factory);

        InCulture("fi", () => Assert.Equal("74 osumaa haulle ”kunta”", preloaded["SearchHitCount", 74, "kunta"].Value));
        InCulture("sv", () => Assert.Equal("74 träffar för ”kunta”", preloaded["SearchHitCount", 74, "kunta"].Value));
    }

    [Fact]
    public void A_name_the_resources_lack_is_answered_as_the_framework_answers_it()
    {
        var preloaded = new PreloadedLocalizer(Factory);

        InCulture("sv", () =>
        {
            Assert.True(preloaded["No_such_string"].ResourceNotFound);
            Assert.Equal("No_such_string", preloaded["No_such_string"].Value);
            Assert.Equal(Framework["No_such_string {0}", 3].Value, preloaded["No_such_string {0}", 3].Value);
        });
    }

    private static void InCulture(string language, Action action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language == "sv" ? "sv-FI" : "fi-FI");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
