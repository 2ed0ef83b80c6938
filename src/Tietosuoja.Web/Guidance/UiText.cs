using System.Globalization;
using System.Resources;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// UI strings for code that renders outside a request (content loading), where the language is
/// given explicitly. Pages use IStringLocalizer over the same resource files.
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Resources =
        new("Tietosuoja.Web.Resources.SharedResource", typeof(UiText).Assembly);

    public static string Get(string key, Language language) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(language.Code()))
            ?? throw new KeyNotFoundException($"UI string '{key}' is missing from Resources/SharedResource.resx");
}
