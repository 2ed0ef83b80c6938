using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Tietosuoja.IntegrationTests;

/// <summary>A fetched page: status, headers and the parsed document, for asserting on what a reader gets.</summary>
public sealed record FetchedPage(HttpStatusCode Status, HttpResponseMessage Response, IDocument Document)
{
    public string Language => Document.DocumentElement.GetAttribute("lang") ?? string.Empty;

    public string H1 => Document.QuerySelectorAll("h1").Single().TextContent.Trim();

    public string Text => Document.Body!.TextContent;

    public string? Href(string selector) => Document.QuerySelector(selector)?.GetAttribute("href");

    public string LanguageSwitchHref => Href(".language-switch a")!;
}

public static class HtmlClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<FetchedPage> GetPageAsync(this HttpClient client, string url) =>
        await ParseAsync(await client.GetAsync(new Uri(url, UriKind.Relative)));

    /// <summary>A response already received, such as a form post that came back with errors.</summary>
    public static async Task<FetchedPage> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new FetchedPage(response.StatusCode, response, await Parser.ParseDocumentAsync(html));
    }
}
