using System.Globalization;
using System.Text;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.TestSupport;

/// <summary>
/// Builds a content folder in a temporary directory, valid unless a test makes it otherwise,
/// so each test states only what it is about. Deleted on dispose.
/// </summary>
public sealed class ContentFolderBuilder : IDisposable
{
    private readonly List<(string Id, string FiSlug, string SvSlug)> _chapters = [];

    public ContentFolderBuilder()
    {
        Root = Path.Combine(Path.GetTempPath(), "tietosuoja-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (key, fi, sv) in new[] { ("about", "tietoa", "om"), ("privacy", "tietosuojaseloste", "dataskyddsbeskrivning"), ("accessibility", "saavutettavuusseloste", "tillganglighetsutlatande") })
        {
            WithPage(key, "fi", fi, $"Sivu {key}", "Sivun teksti.");
            WithPage(key, "sv", sv, $"Sida {key}", "Sidans text.");
        }
    }

    public string Root { get; }

    /// <summary>A copy of the test fixture content (tests/fixtures/content), for tests that change files.</summary>
    public static ContentFolderBuilder CopyOfFixtureContent() => CopyOf(RepoPaths.FixtureContent);

    /// <summary>A copy of any content folder, to change without touching the original.</summary>
    public static ContentFolderBuilder CopyOf(string contentFolder)
    {
        var builder = new ContentFolderBuilder();
        Directory.Delete(builder.Root, recursive: true);
        ContentFolder.Copy(contentFolder, builder.Root);
        return builder;
    }

    public ContentFolderBuilder WithChapter(string id, string fiSlug, string svSlug)
    {
        _chapters.Add((id, fiSlug, svSlug));
        WriteSiteFile();
        return this;
    }

    public ContentFolderBuilder WithVersion(
        string chapterId,
        string language,
        string version,
        string status = "published",
        string body = "## Ensimmäinen osio\n\nTekstiä.\n",
        string? title = null,
        string date = "2026-01-15",
        string summary = "Muutokset.")
    {
        var text = new StringBuilder()
            .AppendLine("---")
            .AppendLine(CultureInfo.InvariantCulture, $"title: {title ?? $"Luku {chapterId}"}")
            .AppendLine(CultureInfo.InvariantCulture, $"version: \"{version}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"status: {status}")
            .AppendLine(CultureInfo.InvariantCulture, $"date: {date}")
            .AppendLine(CultureInfo.InvariantCulture, $"summary: {summary}")
            .AppendLine("---")
            .AppendLine()
            .Append(body)
            .ToString();
        return WithFile($"chapters/{chapterId}/{language}/{version}.md", text);
    }

    public ContentFolderBuilder WithPage(string key, string language, string slug, string title, string body) =>
        WithFile($"pages/{key}.{language}.md", $"---\ntitle: {title}\nslug: {slug}\n---\n\n{body}\n");

    public ContentFolderBuilder WithFile(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public ContentFolderBuilder WithoutFile(string relativePath)
    {
        File.Delete(PathOf(relativePath));
        return this;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A server still shutting down may hold a handle; the OS cleans temp folders.
        }
    }

    private void WriteSiteFile()
    {
        var text = new StringBuilder()
            .AppendLine("title:\n  fi: Testiohjeet\n  sv: Testanvisningar")
            .AppendLine("description:\n  fi: Ohjeiden kuvaus.\n  sv: Beskrivning av anvisningarna.")
            .AppendLine("chapters:");
        foreach (var (id, fi, sv) in _chapters)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - id: {id}\n    slug:\n      fi: {fi}\n      sv: {sv}");
        }

        WithFile("site.yml", text.ToString());
    }
}
