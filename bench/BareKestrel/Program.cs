// Kestrel serving bytes captured from the portal, from memory, as fast as a static-file server
// can: no middleware, no routing, no logging below Warning. With a folder argument it serves what
// bench/reading.sh wrote there (index.tsv: path, content type, file name; the file, and its
// Brotli form as file.br), negotiating br like the portal; without one it answers "/" with a small
// page, which is all bench/startup.sh needs. When the folder also holds the portal's response
// headers (file.headers, file.br.headers, as curl -D wrote them), each response carries the same
// headers (security headers, Cache-Control, ETag, Vary), set from values prepared at start, so
// that the comparison measures the pipeline rather than header bytes; only Date and
// Content-Length are the server's own.
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// As the portal: no Server header, so both send the same header bytes.
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
var app = builder.Build();

var folder = args.FirstOrDefault(a => !a.StartsWith('-') && Directory.Exists(a));
var pages = folder is null
    ? new Dictionary<string, Page> { ["/"] = new("text/html; charset=utf-8", Encoding.UTF8.GetBytes("<!doctype html><title>ok</title><p>ok"), null, null, null) }.ToFrozenDictionary()
    : File.ReadLines(Path.Combine(folder, "index.tsv"))
        .Select(line => line.Split('\t'))
        .ToFrozenDictionary(
            f => f[0],
            f => new Page(
                f[1],
                File.ReadAllBytes(Path.Combine(folder, f[2])),
                File.Exists(Path.Combine(folder, f[2] + ".br")) ? File.ReadAllBytes(Path.Combine(folder, f[2] + ".br")) : null,
                CapturedHeaders(Path.Combine(folder, f[2] + ".headers")),
                CapturedHeaders(Path.Combine(folder, f[2] + ".br.headers"))));

app.Run(context =>
{
    var key = context.Request.Path.Value + context.Request.QueryString.Value;
    if (!pages.TryGetValue(key, out var page))
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    var headers = context.Response.Headers;
    var brotli = page.Brotli is not null && context.Request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.Ordinal);
    var body = brotli ? page.Brotli! : page.Identity;
    var captured = brotli ? page.BrotliHeaders : page.IdentityHeaders;
    if (captured is not null)
    {
        foreach (var (name, value) in captured)
        {
            headers[name] = value;
        }
    }
    else
    {
        headers.ContentType = page.ContentType;
        if (page.Brotli is not null)
        {
            headers.Vary = HeaderNames.AcceptEncoding;
            if (brotli)
            {
                headers.ContentEncoding = "br";
            }
        }
    }

    headers.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare kestrel: {pages.Count} pages")));
app.Run();

// The header lines of a curl -D file, without the status line and what the server sets itself.
static KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[]? CapturedHeaders(string path)
{
    if (!File.Exists(path))
    {
        return null;
    }

    string[] own = ["date", "content-length", "transfer-encoding", "connection", "keep-alive", "server"];
    return File.ReadLines(path)
        .Skip(1)
        .Select(line => line.TrimEnd('\r'))
        .Where(line => line.Contains(':', StringComparison.Ordinal))
        .Select(line => (Name: line[..line.IndexOf(':', StringComparison.Ordinal)].Trim(), Value: line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
        .Where(h => !own.Contains(h.Name.ToLowerInvariant()))
        .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
        .Select(g => KeyValuePair.Create(g.Key, new Microsoft.Extensions.Primitives.StringValues([.. g.Select(h => h.Value)])))
        .ToArray();
}

internal sealed record Page(
    string ContentType,
    byte[] Identity,
    byte[]? Brotli,
    KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[]? IdentityHeaders,
    KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[]? BrotliHeaders);
