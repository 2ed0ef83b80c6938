using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages;

/// <summary>
/// The Atom feed of one language (/syote, /sv/flode): every published chapter version and every
/// commenting round that has opened, every event whose registration has opened and every
/// published event memo, newest first. Feed readers need absolute addresses: they
/// start with Site:BaseUrl, never with the request's Host header.
/// </summary>
[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class FeedModel(ContentStore store, IStringLocalizer<SharedResource> text, RoundCatalog rounds, EventCatalog events, PublicSite site) : PortalPageModel(store, text)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const int MaxEntries = 50;

    public override string PageTitle => T["FeedTitle", Snapshot.Site.Title(Language)];

    public IActionResult OnGet()
    {
        var feed = Build(site.BaseUrl);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return File(buffer.ToArray(), ContentType);
    }

    public SyndicationFeed Build(Uri baseUri)
    {
        Uri Absolute(string path) => new(baseUri, path.TrimStart('/'));

        // XML cannot carry control characters; text stored before the rules existed (or around
        // them) must not take the whole feed down, so every text is written in its showable form.
        static string Text(string value) => PlainText.Showable(value);

        var entries = new List<SyndicationItem>();
        foreach (var chapter in Snapshot.Chapters)
        {
            foreach (var version in chapter.Versions(Language).Where(v => v.Status == VersionStatus.Published))
            {
                var url = Absolute(SiteUrls.Version(chapter, version));
                var published = new DateTimeOffset(FinnishTime.ToUtc(version.Date.ToDateTime(TimeOnly.MinValue)), TimeSpan.Zero);
                entries.Add(new SyndicationItem(Text(T["FeedVersionEntry", chapter.Number, version.Title, version.Version]), Text(version.Summary), url, url.AbsoluteUri, published)
                {
                    PublishDate = published,
                });
            }
        }

        var now = rounds.UtcNow;
        foreach (var round in rounds.Rounds.Where(r => r.StateAt(now) != RoundState.Upcoming))
        {
            var url = Absolute(SiteUrls.Round(Language, round.Id));
            var opened = new DateTimeOffset(round.OpensAt, TimeSpan.Zero);
            var summary = $"{round.Description(Language)} {T["FeedRoundCloses", FinnishTime.Format(round.ClosesAt, Language)]}";
            entries.Add(new SyndicationItem(Text(T["FeedRoundEntry", round.Title(Language)]), Text(summary), url, url.AbsoluteUri, opened)
            {
                PublishDate = opened,
            });
        }

        // Events from the catalog's PublicEvent, which has no meeting link to leak into the feed.
        foreach (var item in events.Events.Where(e => e.RegistrationOpensAt <= now))
        {
            var url = Absolute(EventUrls.Event(Language, item.Id));
            var opened = new DateTimeOffset(item.RegistrationOpensAt, TimeSpan.Zero);
            var summary = $"{T[$"EventKind_{item.Kind}"]}, {EventTimes.Span(item.StartsAt, item.EndsAt, Language)}. {item.Description(Language)}";
            entries.Add(new SyndicationItem(Text(T["FeedEventEntry", item.Title(Language)]), Text(summary), url, url.AbsoluteUri, opened)
            {
                PublishDate = opened,
            });
            if (item.MemoPublishedAt is { } memoPublished)
            {
                var memoUrl = new Uri(url, "#event-memo");
                var at = new DateTimeOffset(memoPublished, TimeSpan.Zero);
                entries.Add(new SyndicationItem(Text(T["FeedEventMemoEntry", item.Title(Language)]), Text(T["FeedEventMemoSummary", item.Title(Language)]), memoUrl, memoUrl.AbsoluteUri, at)
                {
                    PublishDate = at,
                });
            }
        }

        var newest = entries.OrderByDescending(e => e.LastUpdatedTime).Take(MaxEntries).ToList();
        var feedUrl = Absolute(SiteUrls.Feed(Language));
        var feed = new SyndicationFeed(Text(PageTitle), Text(Snapshot.Site.Description(Language)), Absolute(SiteUrls.Home(Language)), feedUrl.AbsoluteUri, newest.Count > 0 ? newest[0].LastUpdatedTime : DateTimeOffset.UnixEpoch, newest)
        {
            Language = Language.Code(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = T["SiteOwner"] });
        feed.Links.Add(new SyndicationLink(feedUrl, "self", Text(PageTitle), "application/atom+xml", 0));
        return feed;
    }
}
