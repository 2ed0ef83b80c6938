using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.UnitTests.Editing;

/// <summary>The editor area's publisher on a content folder, without a web host, at a fixed time.</summary>
internal static class TestPublisher
{
    public static ChapterPublisher On(string contentRoot, DateTimeOffset now)
    {
        var renderer = new MarkdownRenderer();
        var store = new ContentStore(new ContentLoader(renderer), Options.Create(new ContentOptions { Path = contentRoot }), new TestHostEnvironment(contentRoot), NullLogger<ContentStore>.Instance);
        return new ChapterPublisher(store, new ContentLoader(renderer), renderer, new FakeTimeProvider(now));
    }
}
