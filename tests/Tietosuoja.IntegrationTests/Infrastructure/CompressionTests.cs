using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Tietosuoja.IntegrationTests.Comments;

namespace Tietosuoja.IntegrationTests.Infrastructure;

/// <summary>
/// Brotli and gzip as a browser negotiates them, the output cache storing one compressed entry per
/// encoding, and revalidation with ETags. A compressed page must be the very bytes of the plain one.
/// </summary>
public sealed class CompressionTests : IAsyncLifetime
{
    private readonly CommentingPortal _portal = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _client = _portal.NewClient();
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public static TheoryData<string> Urls() =>
    [
        "/", "/sv", "/luku/rekisterinpitaja", "/sv/kapitel/personuppgiftsansvarig", "/luku/kasittelyn-oikeusperusteet/versio/1.0",
        "/luku/rekisterinpitaja/historia", "/sanasto", "/koko-ohje", "/syote", "/haku?q=rekisterinpit%C3%A4j%C3%A4", "/sitemap.xml",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Brotli_and_gzip_decompress_to_the_same_bytes_as_the_plain_response(string url)
    {
        // Twice each: the first renders and stores, the second comes from the cache.
        for (var pass = 0; pass < 2; pass++)
        {
            var plain = await GetAsync(url, null);
            var brotli = await GetAsync(url, "gzip, deflate, br, zstd");
            var gzip = await GetAsync(url, "gzip");

            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
            Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
            Assert.All(new[] { plain, brotli, gzip }, response => Assert.Contains("Accept-Encoding", response.Headers.Vary));

            var expected = await plain.Content.ReadAsByteArrayAsync();
            Assert.Equal(expected, Decompress(new BrotliStream(await brotli.Content.ReadAsStreamAsync(), CompressionMode.Decompress)));
            Assert.Equal(expected, Decompress(new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress)));
            Assert.True(brotli.Content.Headers.ContentLength is null || brotli.Content.Headers.ContentLength < expected.Length / 2);
        }
    }

    [Fact]
    public async Task Stylesheet_and_script_are_served_compressed_under_their_fingerprinted_urls()
    {
        var page = await _client.GetPageAsync("/");
        foreach (var url in new[] { page.Href("link[rel=stylesheet]")!, page.Document.QuerySelector("script[src]")!.GetAttribute("src")! })
        {
            var plain = await GetAsync(url, null);
            var gzip = await GetAsync(url, "gzip");

            Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", gzip.Headers.Vary);
            Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), Decompress(new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress)));
        }
    }

    [Fact]
    public async Task A_client_that_refuses_every_encoding_gets_the_plain_page()
    {
        var response = await GetAsync("/luku/rekisterinpitaja", "br;q=0, gzip;q=0, identity");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_with_a_secret_is_never_compressed()
    {
        // The comment form carries an antiforgery token: BREACH needs a secret in a compressed response.
        var response = await GetAsync(CommentingPortal.FormUrl, "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_reload_of_a_content_page_is_answered_304_and_each_encoding_has_its_own_etag()
    {
        const string url = "/luku/rekisterinpitaja";
        var first = await GetAsync(url, "br");
        var etag = first.Headers.ETag;

        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.True(first.Headers.CacheControl.MustRevalidate);
        Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl.MaxAge);

        using var reload = new HttpRequestMessage(HttpMethod.Get, url);
        reload.Headers.AcceptEncoding.ParseAdd("br");
        reload.Headers.IfNoneMatch.Add(etag);
        var revalidated = await _client.SendAsync(reload);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());

        var gzip = await GetAsync(url, "gzip");
        Assert.NotEqual(etag, gzip.Headers.ETag);
        Assert.Equal(etag, (await GetAsync(url, "br")).Headers.ETag);
    }

    [Fact]
    public async Task A_missing_page_is_not_revalidated_or_kept()
    {
        var response = await GetAsync("/luku/ei-ole-olemassa", "br");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.False(response.Headers.CacheControl?.Public ?? false);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await _client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static byte[] Decompress(Stream stream)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
