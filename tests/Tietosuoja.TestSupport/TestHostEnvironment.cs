using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Tietosuoja.TestSupport;

/// <summary>A host environment for services built without a web host: its content root is the folder relative paths start from.</summary>
public sealed class TestHostEnvironment(string contentRootPath, string environmentName = "Testing") : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;

    public string ApplicationName { get; set; } = "Tietosuoja.Web";

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
