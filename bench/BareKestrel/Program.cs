// Kestrel serving bytes captured from the portal, from memory, as fast as a static-file server
// can: no middleware, no routing, no logging below Warning. With a folder argument it serves what
// bench/reading.sh wrote there (index.tsv: path, content type, file name; the file, and its
// Brotli form as file.br), negotiating br like the portal; without one it answers "/" with a small
// page, which is all bench/startup.sh needs.
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

var folder = args.FirstOrDefault(a => !a.StartsWith('-') && Directory.Exists(a));
var pages = folder is null
    ? new Dictionary<string, Page> { ["/"] = new("text/html; charset=utf-8", Encoding.UTF8.GetBytes("<!doctype html><title>ok</title><p>ok"), null) }.ToFrozenDictionary()
    : File.ReadLines(Path.Combine(folder, "index.tsv"))
        .Select(line => line.Split('\t'))
        .ToFrozenDictionary(
            f => f[0],
            f => new Page(f[1], File.ReadAllBytes(Path.Combine(folder, f[2])), File.Exists(Path.Combine(folder, f[2] + ".br")) ? File.ReadAllBytes(Path.Combine(folder, f[2] + ".br")) : null));

app.Run(context =>
{
    var key = context.Request.Path.Value + context.Request.QueryString.Value;
    if (!pages.TryGetValue(key, out var page))
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    var headers = context.Response.Headers;
    headers.ContentType = page.ContentType;
    var body = page.Identity;
    if (page.Brotli is not null)
    {
        headers.Vary = HeaderNames.AcceptEncoding;
        if (context.Request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.Ordinal))
        {
            headers.ContentEncoding = "br";
            body = page.Brotli;
        }
    }

    headers.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare kestrel: {pages.Count} pages")));
app.Run();

internal sealed record Page(string ContentType, byte[] Identity, byte[]? Brotli);
