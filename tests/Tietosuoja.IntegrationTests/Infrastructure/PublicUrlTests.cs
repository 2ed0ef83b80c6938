using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Infrastructure;

/// <summary>Absolute URLs come from Site:BaseUrl: a forged Host or X-Forwarded-Host header appears on no page.</summary>
public sealed class PublicUrlTests : IAsyncLifetime
{
    private const string Evil = "evil.example";

    private readonly ContentFolderBuilder _content = new ContentFolderBuilder()
        .WithChapter("ensimmainen", "ensimmainen-luku", "forsta-kapitlet")
        .WithVersion("ensimmainen", "fi", "1.0")
        .WithVersion("ensimmainen", "fi", "1.1", body: "## Ensimmäinen osio\n\nMuutettu teksti.\n")
        .WithVersion("ensimmainen", "sv", "1.0", title: "Kapitel ensimmainen", body: "## Första avsnittet\n\nText.\n")
        .WithVersion("ensimmainen", "sv", "1.1", title: "Kapitel ensimmainen", body: "## Första avsnittet\n\nÄndrad text.\n");

    private readonly PortalFactory _factory;

    public PublicUrlTests() => _factory = new PortalFactory(_content.Root).WithSetting("Comments:MinimumFillTime", "00:00:00");

    public Task InitializeAsync() =>
        CommentingPortal.CreateRoundAsync(_factory, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7), ("ensimmainen", "1.1"));

    [Fact]
    public async Task A_forged_host_appears_on_no_public_or_editor_page()
    {
        var client = EvilClient();
        var formUrl = "/luku/ensimmainen-luku/versio/1.1/kommentoi";
        var form = await client.GetPageAsync(formUrl);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var token = CommentingPortal.TokenFrom(await client.PostFormAsync(form, "form.comment-form", CommentingPortal.ValidFields()));
        var signIn = await client.GetPageAsync("/toimitus/kirjaudu");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(signIn, "form.editor-form", new Dictionary<string, string> { ["Name"] = "Testi", ["Role"] = "Admin" })).StatusCode);

        var visited = await CrawlAsync(client, ["/", "/sv", "/syote", "/sv/flode", "/olematon-sivu", $"/kommentti/{token}", $"/sv/kommentar/{token}", "/toimitus", "/sv/redaktion"]);

        // Every kind of page was reached: reading, history and comparison, search, feeds, rounds, the form, the private page, the editor area.
        Assert.Contains(visited, url => url.Contains("/versio/1.0", StringComparison.Ordinal));
        Assert.Contains(visited, url => url.Contains("/historia", StringComparison.Ordinal));
        Assert.Contains(visited, url => url.Contains("/vertailu/", StringComparison.Ordinal));
        Assert.Contains(visited, url => url.StartsWith("/haku", StringComparison.Ordinal));
        Assert.Contains(visited, url => url.StartsWith("/kommentointikierrokset/", StringComparison.Ordinal));
        Assert.Contains(visited, url => url.StartsWith("/toimitus/kommentit/", StringComparison.Ordinal));
        Assert.Contains(formUrl, visited);
        Assert.True(visited.Count > 30, $"only {visited.Count} pages reached");
    }

    [Fact]
    public async Task The_feed_print_line_canonical_link_and_private_link_start_with_the_configured_address()
    {
        var client = EvilClient();

        var feed = await client.GetStringAsync(new Uri("/syote", UriKind.Relative));
        Assert.Contains("<id>http://localhost/syote</id>", feed, StringComparison.Ordinal);
        var version = await client.GetPageAsync("/luku/ensimmainen-luku/versio/1.1");
        Assert.Equal("http://localhost/luku/ensimmainen-luku", version.Href("link[rel=canonical]"));
        Assert.Equal("http://localhost/sv/kapitel/forsta-kapitlet/version/1.1", version.Href("link[rel=alternate][hreflang=sv]"));
        Assert.Contains("http://localhost/luku/ensimmainen-luku/versio/1.1", version.Document.QuerySelector(".print-only")!.TextContent, StringComparison.Ordinal);
    }

    private HttpClient EvilClient()
    {
        var client = _factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(), new ForgedHostHandler());
        return client;
    }

    /// <summary>Follows every link and form target on the site's own pages, with the forged headers on each request.</summary>
    private static async Task<List<string>> CrawlAsync(HttpClient client, IEnumerable<string> start)
    {
        var parser = new HtmlParser();
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var visited = new List<string>();
        while (queue.TryDequeue(out var url) && visited.Count < 400)
        {
            if (url.Contains("handler=Export", StringComparison.OrdinalIgnoreCase) || url.Contains("/kirjaudu-ulos", StringComparison.Ordinal))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            visited.Add(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(body.Contains(Evil, StringComparison.OrdinalIgnoreCase), $"{url} ({(int)response.StatusCode}) has the forged host in its body");
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                Assert.False(header.Value.Any(v => v.Contains(Evil, StringComparison.OrdinalIgnoreCase)), $"{url} has the forged host in {header.Key}");
            }

            var links = response.Headers.Location is { } location ? [location.OriginalString] : new List<string>();
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var document = await parser.ParseDocumentAsync(body);
                links.AddRange(document.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!));
                links.AddRange(document.QuerySelectorAll("form[method=get]").Select(f => (f.GetAttribute("action") ?? url) + "?q=osio"));
            }

            foreach (var link in links.Select(Local).OfType<string>().Where(seen.Add))
            {
                queue.Enqueue(link);
            }
        }

        return visited;
    }

    /// <summary>The site path of a link to the portal itself, absolute ones (from Site:BaseUrl) included; null for anything else.</summary>
    private static string? Local(string href)
    {
        if (href.StartsWith("http://localhost/", StringComparison.Ordinal))
        {
            href = href["http://localhost".Length..];
        }

        return href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/css/", StringComparison.Ordinal) && !href.StartsWith("/js/", StringComparison.Ordinal)
            ? href.Split('#')[0]
            : null;
    }

    private sealed class ForgedHostHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = Evil;
            request.Headers.Add("X-Forwarded-Host", Evil);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Referrer = new Uri($"https://{Evil}/");
            return base.SendAsync(request, cancellationToken);
        }
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _content.Dispose();
    }
}
