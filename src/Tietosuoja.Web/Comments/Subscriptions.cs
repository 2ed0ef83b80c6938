using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Infrastructure.Mail;

namespace Tietosuoja.Web.Comments;

/// <summary>The "Subscriptions" configuration section.</summary>
public sealed class SubscriptionOptions
{
    /// <summary>An unconfirmed subscription (and its address) is erased this long after it was asked for; its link stops working.</summary>
    public TimeSpan ConfirmationPeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Within this time after a confirmation mail to an address, a new request for it sends no second mail (no mail-bombing through the form).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>What the subscription form sends, and the one place of its rules.</summary>
public sealed class SubscriptionInput
{
    public string? Email { get; set; }

    public bool PublishedVersions { get; set; }

    public bool OpenedRounds { get; set; }

    public bool FeedbackReports { get; set; }

    public bool Events { get; set; }

    /// <summary>Chapter ids; none for the whole guidance.</summary>
    public List<string> Chapters { get; set; } = [];

    public SubscriptionTopics Topics =>
        (PublishedVersions ? SubscriptionTopics.PublishedVersions : 0)
        | (OpenedRounds ? SubscriptionTopics.OpenedRounds : 0)
        | (FeedbackReports ? SubscriptionTopics.FeedbackReports : 0)
        | (Events ? SubscriptionTopics.Events : 0);

    public IReadOnlyList<FieldProblem> Validate(ContentSnapshot content)
    {
        List<FieldProblem?> problems =
        [
            PlainText.Check(nameof(Email), Email, PortalDbContext.EmailMaxLength, requiredMessage: "Error_SubscriptionEmailRequired", tooLongMessage: "Error_EmailInvalid")
                ?? (EmailAddress.IsValid(PlainText.Trim(Email!)) ? null : new(nameof(Email), "Error_EmailInvalid")),
        ];
        if (Topics == SubscriptionTopics.None)
        {
            problems.Add(new(nameof(PublishedVersions), "Error_SubscriptionTopicRequired"));
        }

        if (Chapters.Any(id => content.Chapters.All(c => c.Id != id)))
        {
            problems.Add(new(nameof(Chapters), "Error_SubscriptionChapterUnknown"));
        }

        return [.. problems.OfType<FieldProblem>()];
    }
}

public enum ConfirmOutcome
{
    Confirmed,
    AlreadyConfirmed,
    Expired,
    Unknown,
}

public enum UnsubscribeOutcome
{
    Unsubscribed,

    /// <summary>There was nothing left to stop: unsubscribed before, erased, or never there.</summary>
    NothingToStop,

    Unknown,
}

/// <summary>
/// Subscriptions to new versions, opened rounds and feedback reports: asked for with a form,
/// confirmed from a mail (double opt-in; nothing else is sent before), stopped from any mail in one
/// click. Unsubscribing erases the row and its address at once.
/// </summary>
public sealed class SubscriptionService(
    PortalDbContext db, TimeProvider clock, MailOutbox outbox, MailComposer composer, UnsubscribeLinks unsubscribe, PublicSite site,
    ContentStore content, IOptions<SubscriptionOptions> options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Stores an unconfirmed subscription and mails its confirmation link, in one save. The answer
    /// is the same whether or not the address was subscribed before, so the form tells nobody who is.
    /// </summary>
    public async Task<IReadOnlyList<FieldProblem>> SubscribeAsync(SubscriptionInput input, Language language, CancellationToken cancellationToken)
    {
        if (input.Validate(content.Current) is { Count: > 0 } problems)
        {
            return problems;
        }

        var email = PlainText.Trim(input.Email!);
        var normalized = EmailAddress.Normalize(email);
        var recent = Now - options.Value.ResendAfter;
        if (await db.Subscriptions.AnyAsync(s => s.Email == normalized && s.ConfirmedAt == null && s.CreatedAt > recent, cancellationToken))
        {
            return [];
        }

        var token = CommentToken.Create();
        var subscription = new Subscription
        {
            Email = normalized,
            Language = language,
            Topics = input.Topics,
            ChapterIds = input.Chapters.Count == 0 ? null : string.Join(',', input.Chapters.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            TokenHash = CommentToken.HashOf(token)!,
            CreatedAt = Now,
        };
        db.Subscriptions.Add(subscription);
        if (await outbox.CanMailAsync(normalized, cancellationToken))
        {
            outbox.Add(composer.Compose(
                normalized,
                language,
                UiText.Get("Mail_Confirm_Subject", language),
                [
                    new MailBlock.Paragraph(UiText.Get("Mail_Confirm_Intro", language)),
                    new MailBlock.Paragraph(Describe(subscription, language)),
                    new MailBlock.Link(UiText.Get("Mail_Confirm_Link", language), site.Absolute(SubscriptionUrls.Confirm(language, token))),
                    new MailBlock.Paragraph(UiText.Get("Mail_Confirm_Ignore", language).Replace("{0}", options.Value.ConfirmationPeriod.Days.ToString(language.Culture()), StringComparison.Ordinal)),
                ],
                UnsubscribeUrl(subscription)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>What the confirmation link stands for, without changing anything (the page shows it with a button).</summary>
    public async Task<(ConfirmOutcome Outcome, Subscription? Subscription)> FindAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = CommentToken.HashOf(token);
        var subscription = hash is null ? null : await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        return subscription switch
        {
            null => (ConfirmOutcome.Unknown, null),
            { ConfirmedAt: not null } => (ConfirmOutcome.AlreadyConfirmed, subscription),
            _ when subscription.CreatedAt + options.Value.ConfirmationPeriod <= Now => (ConfirmOutcome.Expired, subscription),
            _ => (ConfirmOutcome.Confirmed, subscription),
        };
    }

    public async Task<ConfirmOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var (outcome, found) = await FindAsync(token, cancellationToken);
        if (outcome != ConfirmOutcome.Confirmed)
        {
            return outcome;
        }

        // Conditional, so a double click or two instances confirm once and both say so.
        var now = Now;
        var confirmed = await db.Subscriptions.Where(s => s.Id == found!.Id && s.ConfirmedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ConfirmedAt, now), cancellationToken);
        return confirmed == 1 ? ConfirmOutcome.Confirmed : ConfirmOutcome.AlreadyConfirmed;
    }

    /// <summary>Stops what an unsubscribe link names; the link's token is checked by <see cref="UnsubscribeLinks"/>.</summary>
    public async Task<UnsubscribeOutcome> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (unsubscribe.Read(token) is not { } target)
        {
            return UnsubscribeOutcome.Unknown;
        }

        int changed;
        switch (target.Kind)
        {
            case UnsubscribeKind.Subscription:
                var hash = Convert.FromHexString(target.Key);
                changed = await db.Subscriptions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(cancellationToken);
                break;
            case UnsubscribeKind.Comment:
                var commentHash = Convert.FromHexString(target.Key);
                changed = await db.Comments.Where(c => c.TokenHash == commentHash && c.NotifyOnHandling)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.NotifyOnHandling, false).SetProperty(c => c.ProtectedToken, (string?)null), cancellationToken);
                break;
            case UnsubscribeKind.EventRegistration:
                var registrationHash = Convert.FromHexString(target.Key);
                var stoppedAt = Now;
                changed = await db.EventRegistrations.Where(r => r.TokenHash == registrationHash && r.MailsStoppedAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.MailsStoppedAt, stoppedAt), cancellationToken);
                break;
            default:
                var address = EmailAddress.Normalize(target.Key);
                if (await db.BlockedAddresses.AnyAsync(b => b.Address == address && b.Reason == BlockReason.DigestUnsubscribed, cancellationToken))
                {
                    changed = 0;
                    break;
                }

                db.BlockedAddresses.Add(new BlockedAddress { Address = address, Reason = BlockReason.DigestUnsubscribed, At = Now });
                try
                {
                    changed = await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    changed = 0;
                }

                break;
        }

        return changed > 0 ? UnsubscribeOutcome.Unsubscribed : UnsubscribeOutcome.NothingToStop;
    }

    /// <summary>Erases subscriptions not confirmed within the confirmation period; returns how many.</summary>
    public Task<int> EraseUnconfirmedAsync(CancellationToken cancellationToken)
    {
        var before = Now - options.Value.ConfirmationPeriod;
        return db.Subscriptions.Where(s => s.ConfirmedAt == null && s.CreatedAt <= before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The subscription in words: its topics and chapters, in the subscriber's language.</summary>
    public string Describe(Subscription subscription, Language language)
    {
        var topics = Enum.GetValues<SubscriptionTopics>().Where(t => t != SubscriptionTopics.None && subscription.Topics.HasFlag(t))
            .Select(t => UiText.Get($"Subscription_Topic_{t}", language));
        var chapters = subscription.ChapterIds is null
            ? UiText.Get("Subscription_WholeGuidance", language)
            : string.Join(", ", subscription.Chapters.Select(id => content.Current.Chapters.FirstOrDefault(c => c.Id == id) is { } chapter
                ? $"{chapter.Number}. {chapter.Versions(language).LastOrDefault()?.Title ?? chapter.Versions(Language.Fi).LastOrDefault()?.Title ?? id}"
                : id));
        return UiText.Get("Subscription_Description", language)
            .Replace("{0}", string.Join(", ", topics), StringComparison.Ordinal)
            .Replace("{1}", chapters, StringComparison.Ordinal);
    }

    private Uri UnsubscribeUrl(Subscription subscription) =>
        unsubscribe.For(UnsubscribeKind.Subscription, Convert.ToHexString(subscription.TokenHash), subscription.Language);

    internal static Uri UnsubscribeUrlFor(UnsubscribeLinks links, Subscription subscription) =>
        links.For(UnsubscribeKind.Subscription, Convert.ToHexString(subscription.TokenHash), subscription.Language);
}

/// <summary>
/// The one helper through which events reach subscribers: a published version, an opened round,
/// a published feedback report. It adds one mail per confirmed subscriber whose language, topic and
/// chapters match to the caller's unit of work, so the mails are stored with the event or not at all.
/// </summary>
public sealed class SubscriberNotices(PortalDbContext db, MailOutbox outbox, MailComposer composer, UnsubscribeLinks unsubscribe, PublicSite site, ContentStore content)
{
    public Task VersionPublishedAsync(string chapterId, Language language, VersionNumber version, CancellationToken cancellationToken)
    {
        var chapter = content.Current.Chapters.FirstOrDefault(c => c.Id == chapterId);
        var published = chapter?.Versions(language).FirstOrDefault(v => v.Version == version);
        if (chapter is null || published is null)
        {
            return Task.CompletedTask;
        }

        return NotifyAsync(SubscriptionTopics.PublishedVersions, [chapterId], [language], _ =>
        (
            UiText.Get("Mail_VersionPublished_Subject", language).Replace("{0}", published.Title, StringComparison.Ordinal),
            [
                new MailBlock.Paragraph(UiText.Get("Mail_VersionPublished_Intro", language)
                    .Replace("{0}", $"{chapter.Number}. {published.Title}", StringComparison.Ordinal)
                    .Replace("{1}", version.ToString(), StringComparison.Ordinal)),
                new MailBlock.Paragraph(published.Summary),
                new MailBlock.Link(UiText.Get("Mail_VersionPublished_Link", language), site.Absolute(SiteUrls.Version(chapter, published))),
            ]), cancellationToken);
    }

    public Task RoundOpenedAsync(RoundInfo round, CancellationToken cancellationToken) =>
        NotifyAsync(SubscriptionTopics.OpenedRounds, [.. round.Targets.Select(t => t.ChapterId)], Languages.All, language =>
        (
            UiText.Get("Mail_RoundOpened_Subject", language).Replace("{0}", round.Title(language), StringComparison.Ordinal),
            [
                new MailBlock.Paragraph(UiText.Get("Mail_RoundOpened_Intro", language)
                    .Replace("{0}", round.Title(language), StringComparison.Ordinal)
                    .Replace("{1}", FinnishTime.Format(round.ClosesAt, language), StringComparison.Ordinal)),
                new MailBlock.Paragraph(round.Description(language)),
                new MailBlock.Link(UiText.Get("Mail_RoundOpened_Link", language), site.Absolute(SiteUrls.Round(language, round.Id))),
            ]), cancellationToken);

    public Task FeedbackPublishedAsync(RoundInfo round, CancellationToken cancellationToken) =>
        NotifyAsync(SubscriptionTopics.FeedbackReports, [.. round.Targets.Select(t => t.ChapterId)], Languages.All, language =>
        (
            UiText.Get("Mail_FeedbackPublished_Subject", language).Replace("{0}", round.Title(language), StringComparison.Ordinal),
            [
                new MailBlock.Paragraph(UiText.Get("Mail_FeedbackPublished_Intro", language).Replace("{0}", round.Title(language), StringComparison.Ordinal)),
                new MailBlock.Link(UiText.Get("Mail_FeedbackPublished_Link", language), site.Absolute(SiteUrls.Round(language, round.Id))),
            ]), cancellationToken);

    /// <summary>
    /// Adds to the caller's unit of work one mail per confirmed subscriber of <paramref name="topic"/>
    /// in one of <paramref name="languages"/> whose chapters include one of <paramref name="chapters"/>
    /// (none: whole-guidance subscribers only), written once per language by <paramref name="write"/>.
    /// </summary>
    public async Task NotifyAsync(
        SubscriptionTopics topic, IReadOnlyList<string> chapters, IReadOnlyList<Language> languages,
        Func<Language, (string Subject, IReadOnlyList<MailBlock> Blocks)> write, CancellationToken cancellationToken)
    {
        var subscribers = await db.Subscriptions.AsNoTracking().Where(s => s.ConfirmedAt != null && languages.Contains(s.Language)).ToListAsync(cancellationToken);
        var bounced = (await db.BlockedAddresses.AsNoTracking().Where(b => b.Reason == BlockReason.Bounced).Select(b => b.Address).ToListAsync(cancellationToken)).ToHashSet();
        var mails = new Dictionary<Language, (string Subject, IReadOnlyList<MailBlock> Blocks)>();
        foreach (var subscription in subscribers.Where(s => s.Topics.HasFlag(topic) && (chapters.Count == 0 ? s.ChapterIds is null : chapters.Any(s.Covers)) && !bounced.Contains(s.Email)))
        {
            if (!mails.TryGetValue(subscription.Language, out var mail))
            {
                mails[subscription.Language] = mail = write(subscription.Language);
            }

            outbox.Add(composer.Compose(subscription.Email, subscription.Language, mail.Subject, mail.Blocks, SubscriptionService.UnsubscribeUrlFor(unsubscribe, subscription)));
        }
    }
}

/// <summary>
/// Mails the subscribers when a round opens. Opening is a moment in time, not an editor's action,
/// so every instance looks for rounds that have opened; the one whose conditional update sets
/// <see cref="Round.OpeningAnnouncedAt"/> writes the mails, in the same transaction.
/// </summary>
public sealed class RoundOpeningAnnouncer(PortalDbContext db, SubscriberNotices notices, TimeProvider clock)
{
    public async Task<int> AnnounceOpenedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var opened = await db.Rounds.AsNoTracking().Include(r => r.Versions)
            .Where(r => r.OpeningAnnouncedAt == null && r.OpensAt <= now && r.ClosesAt > now).ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var round in opened)
        {
            announced += await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var claimed = await db.Rounds.Where(r => r.Id == round.Id && r.OpeningAnnouncedAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.OpeningAnnouncedAt, now), cancellationToken);
                if (claimed != 1)
                {
                    return 0;
                }

                await notices.RoundOpenedAsync(RoundInfo.From(round), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return 1;
            });
        }

        return announced;
    }
}

/// <summary>Looks for rounds that have opened every Comments:RoundRefreshInterval (on the app's clock) and has them announced.</summary>
public sealed partial class RoundOpeningWorker(BackgroundStart start, IServiceScopeFactory scopes, TimeProvider clock, IOptions<CommentOptions> options, ILogger<RoundOpeningWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.WaitAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<RoundOpeningAnnouncer>().AnnounceOpenedAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not announced is not lost: the round stays unannounced until an attempt succeeds.
                LogFailed(exception);
            }

            await Task.Delay(options.Value.RoundRefreshInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing opened rounds to subscribers failed; trying again on the next tick")]
    private partial void LogFailed(Exception exception);
}
