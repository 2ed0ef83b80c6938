using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Editing;

/// <summary>The editor area's publisher on a content folder, without a web host, at a fixed time.</summary>
internal static class TestPublisher
{
    public static ChapterPublisher On(string contentRoot, DateTimeOffset now)
    {
        var renderer = new MarkdownRenderer();
        var store = new ContentStore(new ContentLoader(renderer), Options.Create(new ContentOptions { Path = contentRoot }), new TestEnvironment(contentRoot), NullLogger<ContentStore>.Instance);
        return new ChapterPublisher(store, new ContentLoader(renderer), renderer, new FakeTimeProvider(now));
    }

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Tietosuoja.Web";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
