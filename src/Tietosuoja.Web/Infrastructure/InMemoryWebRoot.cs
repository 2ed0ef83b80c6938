using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// wwwroot as MapStaticAssets reads it, with each small file's bytes kept in memory after the first
/// read. A file that has a physical path is sent by opening, statting and reading it for every
/// request (through the thread pool); a file without one is copied from its stream, which here is
/// the bytes already read. The published wwwroot never changes while the process runs (its files are
/// fingerprinted and the manifest that describes them is read once at start), so the first read
/// stays true. Directories, large files and everything else pass through to the real provider.
/// </summary>
public sealed class InMemoryWebRoot(IFileProvider inner) : IFileProvider
{
    /// <summary>
    /// Larger files (none today: the biggest asset is a few tens of kilobytes) go to the disk as
    /// before, so that a big download added to wwwroot does not grow the process by its size.
    /// </summary>
    public const long MaxFileBytes = 1024 * 1024;

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = inner.GetFileInfo(subpath);
        return file is { Exists: true, IsDirectory: false, Length: <= MaxFileBytes } ? new MemoryFile(file) : file;
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => inner.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => inner.Watch(filter);

    /// <summary>Serves wwwroot from memory; in Development the files are edited while the portal runs, so they are read as they are.</summary>
    public static void Use(IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && environment.WebRootFileProvider is not InMemoryWebRoot)
        {
            environment.WebRootFileProvider = new InMemoryWebRoot(environment.WebRootFileProvider);
        }
    }

    /// <summary>
    /// The file's metadata as the provider gave it, and its bytes read once, on first use. No
    /// physical path, so that the framework streams the bytes instead of opening the file.
    /// </summary>
    private sealed class MemoryFile(IFileInfo file) : IFileInfo
    {
        // PublicationOnly: a failed read is not remembered, the next request tries again.
        private readonly Lazy<byte[]> _bytes = new(() => Read(file), LazyThreadSafetyMode.PublicationOnly);

        public bool Exists => true;

        public bool IsDirectory => false;

        public long Length => file.Length;

        public string? PhysicalPath => null;

        public string Name => file.Name;

        public DateTimeOffset LastModified => file.LastModified;

        public Stream CreateReadStream() => new MemoryStream(_bytes.Value, writable: false);

        private static byte[] Read(IFileInfo file)
        {
            using var stream = file.CreateReadStream();
            using var copy = new MemoryStream((int)file.Length);
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
