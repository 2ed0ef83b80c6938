using System.Globalization;
using Tietosuoja.Web.Guidance;

/// <summary>The repository's content plus <c>copies</c> copies of every chapter (all versions, both languages) under new ids.</summary>
internal static class Corpus
{
    public static int Generate(string source, string target, int copies)
    {
        CopyFolder(source, target);
        var chapters = Path.Combine(target, ContentLoader.ChaptersFolder);
        var originals = Directory.GetDirectories(chapters).Select(Path.GetFileName).OfType<string>().ToList();
        using var siteFile = File.AppendText(Path.Combine(target, ContentLoader.SiteFileName));
        for (var copy = 1; copy <= copies; copy++)
        {
            foreach (var id in originals)
            {
                var newId = string.Create(CultureInfo.InvariantCulture, $"kopio{copy}-{id}");
                CopyFolder(Path.Combine(chapters, id), Path.Combine(chapters, newId));
                siteFile.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  - id: {newId}\n    slug:\n      fi: {newId}\n      sv: {newId}-sv"));
            }
        }

        return Directory.GetFiles(chapters, "*.md", SearchOption.AllDirectories).Length;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
