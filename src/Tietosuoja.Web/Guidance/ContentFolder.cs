namespace Tietosuoja.Web.Guidance;

/// <summary>Copies of a content folder: the candidate a publication is checked in, and the working copy a development run serves.</summary>
public static class ContentFolder
{
    /// <summary>
    /// Copies the folder, leaving out dot files and folders: the loader ignores them, and they are
    /// files still being written by hand (see docs/deployment.md).
    /// </summary>
    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            Copy(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    /// <summary>
    /// Creates <paramref name="target"/> as a copy of <paramref name="seed"/> unless it exists;
    /// returns whether it did. The copy is made beside the target and renamed into place, so a run
    /// stopped halfway never leaves a half-filled folder that the next run would take for the content.
    /// </summary>
    public static bool SeedIfMissing(string target, string seed)
    {
        if (Directory.Exists(target))
        {
            return false;
        }

        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(target))!;
        var partial = Path.Combine(parent, "." + Path.GetFileName(Path.TrimEndingDirectorySeparator(target)) + "-" + Guid.NewGuid().ToString("N"));
        Copy(seed, partial);
        try
        {
            Directory.Move(partial, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            // Another instance seeded it first; its copy is as good as ours.
            Directory.Delete(partial, recursive: true);
            return false;
        }

        return true;
    }
}
