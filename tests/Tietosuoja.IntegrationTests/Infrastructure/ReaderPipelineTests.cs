using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Infrastructure;

/// <summary>
/// What a reader's request goes through: nothing that only an editor needs, and the stylesheet
/// from memory with every header and answer it had from the disk.
/// </summary>
public sealed class ReaderPipelineTests : IDisposable
{
    /// <summary>Per request path: whether anything in the pipeline authenticated it (the authentication middleware sets this feature).</summary>
    private readonly ConcurrentDictionary<string, bool> _authenticated = new();

    private readonly PortalFactory _portal;

    public ReaderPipelineTests()
    {
        var authenticated = _authenticated;
        _portal = new FixturePortal().WithServices(services => services.AddSingleton<IStartupFilter>(new AuthenticationProbe(authenticated)));
    }

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task A_reader_without_cookies_is_not_authenticated_and_one_with_a_cookie_is()
    {
        using var reader = _portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var stylesheet = (await reader.GetPageAsync("/")).Href("link[rel=stylesheet]")!;

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/luku/rekisterinpitaja", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(stylesheet, UriKind.Relative))).StatusCode);
        Assert.False(_authenticated["/"]);
        Assert.False(_authenticated["/luku/rekisterinpitaja"]);
        Assert.False(_authenticated[stylesheet]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/sanasto");
        request.Headers.Add("Cookie", "something=1");
        Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(request)).StatusCode);
        Assert.True(_authenticated["/sanasto"]);
    }

    [Fact]
    public async Task The_stylesheet_keeps_its_validators_conditional_answers_and_ranges()
    {
        using var client = _portal.CreateClient();
        var url = new Uri((await client.GetPageAsync("/")).Href("link[rel=stylesheet]")!, UriKind.Relative);

        var first = await client.GetAsync(url);
        var body = await first.Content.ReadAsByteArrayAsync();
        var again = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(body, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(body.Length, first.Content.Headers.ContentLength);
        Assert.Equal("text/css", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", first.Headers.CacheControl!.Extensions.Select(e => e.Name));
        Assert.NotNull(first.Content.Headers.LastModified);
        var etag = first.Headers.ETag!;

        using var reload = new HttpRequestMessage(HttpMethod.Get, url);
        reload.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(reload);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var part = new HttpRequestMessage(HttpMethod.Get, url);
        part.Headers.Range = new RangeHeaderValue(10, 99);
        var partial = await client.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(body[10..100], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(body.Length, partial.Content.Headers.ContentRange?.Length);
    }

    /// <summary>Outside the whole pipeline (startup filters wrap what WebApplication adds in front of it), so it sees every middleware's work.</summary>
    private sealed class AuthenticationProbe(ConcurrentDictionary<string, bool> authenticated) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                var path = context.Request.Path.Value!;
                await inner(context);
                authenticated[path] = context.Features.Get<IAuthenticationFeature>() is not null;
            });
            next(app);
        };
    }
}
