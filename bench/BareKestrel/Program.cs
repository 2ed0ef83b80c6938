// Kestrel serving bytes captured from the portal, from memory, as fast as a static-file server
// can: no middleware, no routing, no logging below Warning. With a folder argument it serves what
// bench/reading.sh wrote there (index.tsv: path, content type, file name; the file, and its
// Brotli form as file.br), negotiating br like the portal; without one it answers "/" with a small
// page, which is all bench/startup.sh and the floor of bench/lighthouse.sh need. When the folder also holds the portal's response
// headers (file.headers, file.br.headers, as curl -D wrote them), each response carries the same
// headers (security headers, Cache-Control, ETag, Vary), set from values prepared at start, so
// that the comparison measures the pipeline rather than header bytes; only Date and
// Content-Length are the server's own.
//
// With --static-files it is instead the baseline issue 17 names, a static-file app: the same
// captured files served from that folder on disk by the framework's static file middleware
// (UseStaticFiles: a stat and a read per request, its own ETag, Last-Modified and ranges). A
// request is pointed at its file by a rewrite of the path, as a web server's try_files would:
// "file.br" when the client accepts br and the portal sent a Brotli form, "file" otherwise. The
// captured headers (or, without them, Content-Type, Content-Encoding and Vary) are set when the
// middleware prepares the response; its ETag is replaced by the portal's.
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// As the portal: no Server header, so both send the same header bytes.
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
// The slim builder leaves https out; bench/lighthouse.sh serves its floor page over https (the
// certificate from Kestrel:Certificates:Default), as it serves the portal.
builder.WebHost.UseKestrelHttpsConfiguration();
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

if (folder is not null && args.Contains("--static-files"))
{
    var fileOf = File.ReadLines(Path.Combine(folder, "index.tsv")).Select(line => line.Split('\t')).ToFrozenDictionary(f => f[0], f => "/" + f[2]);
    // What each file on disk is: its page, and whether it is the page's Brotli form.
    var served = fileOf.SelectMany(f => new[] { KeyValuePair.Create(f.Value, (Page: pages[f.Key], Brotli: false)), KeyValuePair.Create(f.Value + ".br", (Page: pages[f.Key], Brotli: true)) })
        .ToFrozenDictionary();
    app.Use((context, next) =>
    {
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (pages.TryGetValue(key, out var page))
        {
            var brotli = page.Brotli is not null && context.Request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.Ordinal);
            context.Request.Path = fileOf[key] + (brotli ? ".br" : string.Empty);
            context.Request.QueryString = QueryString.Empty;
        }

        return next(context);
    });
    app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)),
        ContentTypeProvider = new CapturedContentTypes(served.ToFrozenDictionary(f => f.Key, f => f.Value.Page.ContentType)),
        OnPrepareResponse = prepared =>
        {
            if (served.TryGetValue(prepared.Context.Request.Path.Value!, out var file))
            {
                Apply(prepared.Context.Response.Headers, file.Page, file.Brotli);
            }
        },
    });
    app.Run(NotFound);
}
else
{
    app.Run(FromMemory);
}

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare kestrel: {pages.Count} pages")));
app.Run();

Task FromMemory(HttpContext context)
{
    var key = context.Request.Path.Value + context.Request.QueryString.Value;
    if (!pages.TryGetValue(key, out var page))
    {
        return NotFound(context);
    }

    var headers = context.Response.Headers;
    var brotli = page.Brotli is not null && context.Request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.Ordinal);
    var body = brotli ? page.Brotli! : page.Identity;
    Apply(headers, page, brotli);
    headers.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
}

static Task NotFound(HttpContext context)
{
    context.Response.StatusCode = 404;
    return Task.CompletedTask;
}

// The portal's captured headers for the page in that encoding, or the three that negotiation needs.
static void Apply(IHeaderDictionary headers, Page page, bool brotli)
{
    var captured = brotli ? page.BrotliHeaders : page.IdentityHeaders;
    if (captured is not null)
    {
        foreach (var (name, value) in captured)
        {
            headers[name] = value;
        }

        return;
    }

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

/// <summary>The captured page's Content-Type for its file and its file's Brotli form (their names have no meaningful extension).</summary>
internal sealed class CapturedContentTypes(FrozenDictionary<string, string> types) : IContentTypeProvider
{
    public bool TryGetContentType(string subpath, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string contentType) =>
        types.TryGetValue(subpath, out contentType);
}
