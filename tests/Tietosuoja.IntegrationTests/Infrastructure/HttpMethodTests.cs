using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Tietosuoja.IntegrationTests.Editor;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.IntegrationTests.Infrastructure;

/// <summary>Every routed address with every method: an honest 405 with Allow for what it does not handle, never a 5xx.</summary>
public sealed class HttpMethodTests : IAsyncLifetime
{
    private static readonly HttpMethod[] Unhandled = [HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Trace];

    private static readonly HttpMethod[] Every = [HttpMethod.Get, HttpMethod.Head, HttpMethod.Post, HttpMethod.Options, .. Unhandled];

    private readonly CollectingSink _sink = new();
    private readonly EditorPortal _portal;

    public HttpMethodTests() =>
        _portal = new EditorPortal(factory => factory.WithServices(services => services.AddSingleton<ILogEventSink>(_sink)));

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_answers_every_method_without_a_server_error_and_with_405_and_Allow_for_methods_it_does_not_handle()
    {
        var urls = RoutedUrls();
        Assert.True(urls.Count >= 40, $"only {urls.Count} routed addresses found");
        var anonymous = _portal.NewClient();
        var admin = await _portal.SignedInAsync("Admin");
        var failures = new List<string>();

        foreach (var url in urls)
        {
            foreach (var client in new[] { anonymous, admin })
            {
                foreach (var method in Every)
                {
                    using var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(url, UriKind.Relative)));
                    var status = (int)response.StatusCode;
                    var allow = response.Content.Headers.Allow;
                    if (status >= 500)
                    {
                        failures.Add($"{method} {url}: {status}");
                    }
                    else if (Unhandled.Contains(method) && (response.StatusCode != HttpStatusCode.MethodNotAllowed || !allow.Contains("GET")))
                    {
                        failures.Add($"{method} {url}: {status}, Allow: {string.Join(", ", allow)}");
                    }
                    else if (response.StatusCode == HttpStatusCode.MethodNotAllowed && (allow.Count == 0 || allow.Contains(method.Method)))
                    {
                        failures.Add($"{method} {url}: 405 with Allow: {string.Join(", ", allow)}");
                    }
                    else if (method == HttpMethod.Options && allow.Count == 0)
                    {
                        failures.Add($"{method} {url}: {status} without Allow");
                    }
                }
            }
        }

        Assert.Empty(failures);
        Assert.DoesNotContain(_sink.Events, e => e.Level >= LogEventLevel.Error);
    }

    [Theory]
    [InlineData("/luku/kasittelyn-oikeusperusteet", "fi", "Pyyntötapaa ei tueta")]
    [InlineData("/sv/sok", "sv", "Metoden stöds inte")]
    public async Task A_405_names_the_allowed_methods_and_says_what_happened_in_the_language_of_the_address(string url, string language, string title)
    {
        using var response = await _portal.NewClient().SendAsync(new HttpRequestMessage(HttpMethod.Trace, new Uri(url, UriKind.Relative)));
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, page.Status);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Equal(language, page.Language);
        Assert.Equal(title, page.H1);
    }

    [Fact]
    public async Task A_page_with_post_handlers_allows_post_and_options_lists_the_methods()
    {
        var client = _portal.NewClient();
        using var options = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, new Uri("/luku/kasittelyn-oikeusperusteet/versio/1.2/kommentoi", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], options.Content.Headers.Allow);
    }

    /// <summary>
    /// Every route pattern the app has, with its parameters filled in from the content it serves
    /// (a real chapter, version, section and round, so GET reaches the page's own code).
    /// </summary>
    private List<string> RoutedUrls()
    {
        var snapshot = _portal.Factory.Services.GetRequiredService<ContentStore>().Current;
        var chapter = snapshot.Chapters.First(c => c.IsAvailableIn(Language.Fi) && c.IsAvailableIn(Language.Sv));
        string Value(string parameter, Language language) => parameter switch
        {
            "slug" => chapter.Slug(language),
            "version" or "from" or "to" => chapter.Versions(language)[^1].Version.ToString(),
            "section" => chapter.Versions(language)[^1].Body.Headings[0].Anchor,
            "roundId" => _portal.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "token" => new string('A', 43),
            "code" => "404",
            _ => "1",
        };

        return [.. _portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern)
            .Select(pattern =>
            {
                var language = pattern.RawText!.TrimStart('/').StartsWith("sv", StringComparison.Ordinal) ? Language.Sv : Language.Fi;
                return "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Value(parameter.Name, language),
                    _ => string.Empty,
                }))));
            })
            .Distinct()];
    }
}
