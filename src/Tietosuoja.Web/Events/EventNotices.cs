using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Events;

/// <summary>What subscribers of <see cref="SubscriptionTopics.Events"/> hear: a new event whose registration opened, a published memo.</summary>
public sealed class EventNotices(SubscriberNotices notices, PublicSite site)
{
    public Task RegistrationOpenedAsync(PortalEvent portalEvent, CancellationToken cancellationToken) =>
        notices.NotifyAsync(SubscriptionTopics.Events, [.. portalEvent.Chapters.Select(c => c.ChapterId)], Languages.All, language =>
        (
            UiText.Get("Mail_EventOpened_Subject", language).Replace("{0}", EventMails.Title(portalEvent, language), StringComparison.Ordinal),
            [
                new MailBlock.Paragraph(UiText.Get("Mail_EventOpened_Intro", language)
                    .Replace("{0}", UiText.Get($"EventKind_{portalEvent.Kind}", language), StringComparison.Ordinal)
                    .Replace("{1}", EventMails.Title(portalEvent, language), StringComparison.Ordinal)
                    .Replace("{2}", FinnishTime.Format(portalEvent.StartsAt, language), StringComparison.Ordinal)
                    .Replace("{3}", FinnishTime.Format(portalEvent.RegistrationClosesAt, language), StringComparison.Ordinal)),
                new MailBlock.Paragraph(language == Language.Sv && !PlainText.IsBlank(portalEvent.DescriptionSv) ? portalEvent.DescriptionSv : portalEvent.DescriptionFi),
                new MailBlock.Link(UiText.Get("Mail_EventOpened_Link", language), site.Absolute(EventUrls.Event(language, portalEvent.Id))),
            ]), cancellationToken);

    public Task MemoPublishedAsync(PortalEvent portalEvent, CancellationToken cancellationToken) =>
        notices.NotifyAsync(SubscriptionTopics.Events, [.. portalEvent.Chapters.Select(c => c.ChapterId)], Languages.All, language =>
        (
            UiText.Get("Mail_EventMemo_Subject", language).Replace("{0}", EventMails.Title(portalEvent, language), StringComparison.Ordinal),
            [
                new MailBlock.Paragraph(UiText.Get("Mail_EventMemoSubscriber_Intro", language).Replace("{0}", EventMails.Title(portalEvent, language), StringComparison.Ordinal)),
                new MailBlock.Link(UiText.Get("Mail_EventMemo_Link", language), site.Absolute(EventUrls.Event(language, portalEvent.Id))),
            ]), cancellationToken);
}

/// <summary>
/// Tells subscribers of an event when its registration opens. Opening is a moment in time, not an
/// editor's action, so every instance looks; the one whose conditional update sets
/// <see cref="PortalEvent.AnnouncedAt"/> writes the mails, in the same transaction.
/// </summary>
public sealed class EventAnnouncer(PortalDbContext db, EventNotices notices, TimeProvider clock)
{
    public async Task<int> AnnounceOpenedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var opened = await db.Events.AsNoTracking().Include(e => e.Chapters)
            .Where(e => e.AnnouncedAt == null && e.RegistrationOpensAt <= now && e.RegistrationClosesAt > now).ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var portalEvent in opened)
        {
            announced += await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var claimed = await db.Events.Where(e => e.Id == portalEvent.Id && e.AnnouncedAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.AnnouncedAt, now), cancellationToken);
                if (claimed != 1)
                {
                    return 0;
                }

                await notices.RegistrationOpenedAsync(portalEvent, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return 1;
            });
        }

        return announced;
    }
}
