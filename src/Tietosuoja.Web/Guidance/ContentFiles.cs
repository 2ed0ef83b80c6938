using System.Collections.Immutable;

namespace Tietosuoja.Web.Guidance;

/// <summary>
/// What the content loader reads: a content folder as relative paths with '/' separators. The
/// portal reads the folder itself; the draft check reads the same folder with the new version laid
/// over it (<see cref="OverlayContentFiles"/>), so a preview never copies or writes anything.
/// Hidden entries (names starting with '.') are editors' temporary files and lock files, not content.
/// </summary>
public interface IContentFiles
{
    bool FileExists(string path);

    bool FolderExists(string path);

    /// <summary>Names of the files directly in <paramref name="folder"/> whose names end in <paramref name="extension"/>, in ordinal order.</summary>
    IReadOnlyList<string> Files(string folder, string extension);

    /// <summary>Names of the folders directly in <paramref name="folder"/>, in ordinal order.</summary>
    IReadOnlyList<string> Folders(string folder);

    /// <exception cref="IOException">and any other exception the file system throws; the loader turns them into content errors.</exception>
    string ReadAllText(string path);
}

/// <summary>A content folder on disk.</summary>
public sealed class FolderContentFiles(string root) : IContentFiles
{
    public string Root { get; } = Path.GetFullPath(root);

    public bool FileExists(string path) => File.Exists(Full(path));

    public bool FolderExists(string path) => Directory.Exists(Full(path));

    public IReadOnlyList<string> Files(string folder, string extension) =>
        Directory.Exists(Full(folder))
            ? Visible(Directory.EnumerateFiles(Full(folder), "*" + extension).Where(f => f.EndsWith(extension, StringComparison.Ordinal)))
            : [];

    public IReadOnlyList<string> Folders(string folder) =>
        Directory.Exists(Full(folder)) ? Visible(Directory.EnumerateDirectories(Full(folder))) : [];

    public string ReadAllText(string path) => File.ReadAllText(Full(path));

    private string Full(string path) => path.Length == 0 ? Root : Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));

    private static ImmutableArray<string> Visible(IEnumerable<string> paths) =>
        [.. paths.Select(Path.GetFileName).OfType<string>().Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal)];
}

/// <summary>
/// Another set of content files with some files added or replaced, held in memory: what content/
/// would be after a publication, without writing it.
/// </summary>
public sealed class OverlayContentFiles(IContentFiles inner, IReadOnlyDictionary<string, string> files) : IContentFiles
{
    public bool FileExists(string path) => files.ContainsKey(path) || inner.FileExists(path);

    public bool FolderExists(string path) => inner.FolderExists(path) || files.Keys.Any(file => file.StartsWith(path + "/", StringComparison.Ordinal));

    public IReadOnlyList<string> Files(string folder, string extension) =>
        [.. inner.Files(folder, extension)
            .Union(files.Keys.Where(file => Parent(file) == folder && file.EndsWith(extension, StringComparison.Ordinal)).Select(Name))
            .Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Folders(string folder) =>
        [.. inner.Folders(folder)
            .Union(files.Keys.Select(file => ChildFolder(folder, file)).OfType<string>())
            .Order(StringComparer.Ordinal)];

    public string ReadAllText(string path) => files.TryGetValue(path, out var text) ? text : inner.ReadAllText(path);

    private static string Parent(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : string.Empty;

    private static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>The folder directly in <paramref name="folder"/> that <paramref name="file"/> lies in, if any.</summary>
    private static string? ChildFolder(string folder, string file)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        if (!file.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = file[prefix.Length..];
        return rest.IndexOf('/') is var slash and > 0 ? rest[..slash] : null;
    }
}
