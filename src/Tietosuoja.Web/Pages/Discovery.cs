using System.Globalization;
using System.Text;
using System.Xml;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

/// <summary>
/// robots.txt and sitemap.xml: what search engines may crawl, and every chapter's current address
/// in both languages with the date of the version it shows. Both are rendered from the snapshot
/// under the content cache policy, so a content reload gives a new sitemap on the next request.
/// </summary>
public static class Discovery
{
    public const string RobotsPath = "/robots.txt";

    public const string SitemapPath = "/sitemap.xml";

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>Where crawlers must not go: the editor area and the private links of commenters and registrants, in both languages.</summary>
    public static IEnumerable<string> DisallowedPaths() =>
        Languages.All.SelectMany(language => new[] { EditorUrls.Home(language), SiteUrls.CommentLink(language, string.Empty), EventUrls.Registration(language, string.Empty) });

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RobotsPath, (PublicSite site) => Results.Text(Robots(site), "text/plain; charset=utf-8"))
            .CacheOutput(OutputCaching.ContentPolicy);
        endpoints.MapGet(SitemapPath, (ContentStore store, PublicSite site) => Results.Text(Sitemap(store.Current, site), "application/xml; charset=utf-8"))
            .CacheOutput(OutputCaching.ContentPolicy);
        return endpoints;
    }

    public static string Robots(PublicSite site)
    {
        var text = new StringBuilder("User-agent: *\n");
        foreach (var path in DisallowedPaths())
        {
            // Without the trailing slash of a link prefix, so /toimitus itself is covered too.
            text.Append("Disallow: ").Append(path.TrimEnd('/')).Append('\n');
        }

        return text.Append('\n').Append("Sitemap: ").Append(site.Absolute(SitemapPath).AbsoluteUri).Append('\n').ToString();
    }

    public static string Sitemap(ContentSnapshot snapshot, PublicSite site)
    {
        var urls = new List<(string Own, IReadOnlyDictionary<Language, string> Alternates, DateOnly? Modified)>();
        void Add(IReadOnlyDictionary<Language, string> alternates, Func<Language, DateOnly?> modified) =>
            urls.AddRange(alternates.Select(own => (own.Value, alternates, modified(own.Key))));

        DateOnly? Newest(Language language) => snapshot.Chapters.Max(chapter => chapter.Current(language)?.Date);
        Add(Languages.All.ToDictionary(l => l, SiteUrls.Home), Newest);
        foreach (var chapter in snapshot.Chapters)
        {
            // Each language's URL is dated by the version it shows; the dates differ while a translation lags.
            Add(Languages.All.Where(chapter.IsAvailableIn).ToDictionary(l => l, l => SiteUrls.Chapter(chapter, l)), l => chapter.Current(l)!.Date);
        }

        Add(Languages.All.ToDictionary(l => l, SiteUrls.WholeGuidance), Newest);
        if (!snapshot.Glossary.IsEmpty)
        {
            Add(Languages.All.ToDictionary(l => l, SiteUrls.Glossary), _ => null);
        }

        foreach (var group in snapshot.Pages.GroupBy(page => page.Key))
        {
            Add(group.ToDictionary(page => page.Language, SiteUrls.Page), _ => null);
        }

        // One <url> per language, each naming every language's version as an alternate (the sitemap form of hreflang).
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var (own, alternates, modified) in urls)
            {
                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, site.Absolute(own).AbsoluteUri);
                if (modified is { } date)
                {
                    xml.WriteElementString("lastmod", SitemapNamespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                if (alternates.Count > 1)
                {
                    foreach (var (language, url) in alternates)
                    {
                        xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", language.Code());
                        xml.WriteAttributeString("href", site.Absolute(url).AbsoluteUri);
                        xml.WriteEndElement();
                    }
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // XmlWriter over a StringBuilder declares UTF-16; the response is UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
