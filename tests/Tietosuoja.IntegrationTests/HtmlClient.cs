using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
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

    /// <summary>
    /// Posts a form of a fetched page as a browser would: its current values (ticked radio buttons
    /// included), overridden by <paramref name="fields"/>, to its action, or to <paramref name="handler"/>
    /// of the page's own address, like a button with formaction="?handler=…".
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, FetchedPage page, string formSelector, IDictionary<string, string> fields, string? handler = null)
    {
        var form = (IHtmlFormElement)page.Document.QuerySelector(formSelector)!;
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden], input[type=text], input[type=email], input[type=datetime-local], input[type=radio]:checked").OfType<IHtmlInputElement>())
        {
            values.TryAdd(input.Name!, input.Value);
        }

        foreach (var area in form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>())
        {
            values[area.Name!] = area.Value;
        }

        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>())
        {
            values[select.Name!] = select.Value ?? string.Empty;
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var pagePath = page.Response.RequestMessage!.RequestUri!.AbsolutePath;
        var action = handler is not null ? $"{pagePath}?handler={handler}" : form.GetAttribute("action") ?? page.Response.RequestMessage.RequestUri.PathAndQuery;
        if (action.StartsWith('?'))
        {
            action = pagePath + action;
        }

        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }
}
