using Microsoft.AspNetCore.DataProtection;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Events;

/// <summary>
/// The mails to one registrant, always in the language they registered in. They go into the
/// outbox of the caller's unit of work, so each is stored with the status change it reports or
/// not at all. Only <see cref="Accepted"/> and <see cref="Promoted"/> carry the meeting link.
/// </summary>
public sealed class EventMails(
    MailOutbox outbox, MailComposer composer, UnsubscribeLinks unsubscribe, PublicSite site, RoundCatalog rounds, EventCatalog events,
    IDataProtectionProvider protection)
{
    private readonly IDataProtector _links = protection.CreateProtector("Tietosuoja.Events.RegistrationLink");

    /// <summary>The private link's token, protected, for the registration row: later mails carry the link.</summary>
    public string Protect(string token) => _links.Protect(token);

    /// <summary>The registration was received: for a workshop, the selection follows after the registration closes.</summary>
    public void Received(EventRegistration registration, PortalEvent portalEvent, string token)
    {
        var language = registration.Language;
        Send(registration, portalEvent, "Mail_EventReceived_Subject",
        [
            Paragraph("Mail_EventReceived_Intro", language, Title(portalEvent, language), When(portalEvent, language)),
            Paragraph("Mail_EventReceived_Selection", language, FinnishTime.Format(portalEvent.RegistrationClosesAt, language)),
            PrivateLink(language, token),
            new MailBlock.Paragraph(UiText.Get("Mail_EventKeepLink", language)),
        ]);
    }

    /// <summary>A seat: selected for a workshop, or accepted for a webinar. With the meeting link when there is one.</summary>
    public void Accepted(EventRegistration registration, PortalEvent portalEvent, string? token = null)
    {
        var language = registration.Language;
        Send(registration, portalEvent, "Mail_EventAccepted_Subject",
        [
            Paragraph("Mail_EventAccepted_Intro", language, Title(portalEvent, language), When(portalEvent, language)),
            .. MeetingLink(portalEvent, language),
            .. PrivateLink(registration, language, token),
            new MailBlock.Paragraph(UiText.Get("Mail_EventCancelIfNeeded", language)),
        ]);
    }

    /// <summary>On the waiting list: a seat comes by mail if someone cancels.</summary>
    public void WaitingList(EventRegistration registration, PortalEvent portalEvent, string? token = null)
    {
        var language = registration.Language;
        Send(registration, portalEvent, "Mail_EventWaitingList_Subject",
        [
            Paragraph("Mail_EventWaitingList_Intro", language, Title(portalEvent, language), When(portalEvent, language)),
            .. PrivateLink(registration, language, token),
        ]);
    }

    /// <summary>Not selected: told where else to take part, the written commenting round and the results webinar, linked when known.</summary>
    public void NotSelected(EventRegistration registration, PortalEvent portalEvent)
    {
        var language = registration.Language;
        List<MailBlock> blocks = [Paragraph("Mail_EventNotSelected_Intro", language, Title(portalEvent, language))];
        var round = portalEvent.RoundId is { } roundId ? rounds.Find(roundId) : null;
        var state = round?.StateAt(rounds.UtcNow);
        if (round is not null && state is RoundState.Upcoming or RoundState.Open)
        {
            blocks.Add(state == RoundState.Open
                ? Paragraph("Mail_EventNotSelected_RoundOpen", language, round.Title(language), FinnishTime.Format(round.ClosesAt, language))
                : Paragraph("Mail_EventNotSelected_Round", language, round.Title(language), FinnishTime.Format(round.OpensAt, language)));
            blocks.Add(new MailBlock.Link(round.Title(language), site.Absolute(SiteUrls.Round(language, round.Id))));
        }
        else
        {
            blocks.Add(new MailBlock.Paragraph(UiText.Get("Mail_EventNotSelected_Rounds", language)));
            blocks.Add(new MailBlock.Link(UiText.Get("Mail_EventNotSelected_RoundsLink", language), site.Absolute(SiteUrls.Rounds(language))));
        }

        if (ResultsWebinar(portalEvent) is { } webinar)
        {
            blocks.Add(Paragraph("Mail_EventNotSelected_Webinar", language, webinar.Title(language), FinnishTime.Format(webinar.StartsAt, language)));
            blocks.Add(new MailBlock.Link(webinar.Title(language), site.Absolute(EventUrls.Event(language, webinar.Id))));
        }
        else
        {
            blocks.Add(new MailBlock.Paragraph(UiText.Get("Mail_EventNotSelected_Webinars", language)));
            blocks.Add(new MailBlock.Link(UiText.Get("Mail_EventNotSelected_EventsLink", language), site.Absolute(EventUrls.List(language))));
        }

        Send(registration, portalEvent, "Mail_EventNotSelected_Subject", blocks);
    }

    /// <summary>A seat freed by a cancellation went to this person from the waiting list; with the meeting link.</summary>
    public void Promoted(EventRegistration registration, PortalEvent portalEvent)
    {
        var language = registration.Language;
        Send(registration, portalEvent, "Mail_EventPromoted_Subject",
        [
            Paragraph("Mail_EventPromoted_Intro", language, Title(portalEvent, language), When(portalEvent, language)),
            .. MeetingLink(portalEvent, language),
            .. PrivateLink(registration, language, null),
            new MailBlock.Paragraph(UiText.Get("Mail_EventCancelIfNeeded", language)),
        ]);
    }

    /// <summary>The meeting link was added or changed after the person got their seat.</summary>
    public void MeetingLinkChanged(EventRegistration registration, PortalEvent portalEvent)
    {
        var language = registration.Language;
        Send(registration, portalEvent, "Mail_EventMeetingLink_Subject",
        [
            Paragraph("Mail_EventMeetingLink_Intro", language, Title(portalEvent, language), When(portalEvent, language)),
            .. MeetingLink(portalEvent, language),
            .. PrivateLink(registration, language, null),
        ]);
    }

    /// <summary>The registration was cancelled (by its owner, from the private page).</summary>
    public void Cancelled(EventRegistration registration, PortalEvent portalEvent)
    {
        var language = registration.Language;
        Send(registration, portalEvent, "Mail_EventCancelled_Subject",
            [Paragraph("Mail_EventCancelled_Intro", language, Title(portalEvent, language), When(portalEvent, language))]);
    }

    /// <summary>The facilitator's memo of an event the person took part in was published.</summary>
    public void MemoPublished(EventRegistration registration, PortalEvent portalEvent)
    {
        var language = registration.Language;
        Send(registration, portalEvent, "Mail_EventMemo_Subject",
        [
            Paragraph("Mail_EventMemo_Intro", language, Title(portalEvent, language)),
            new MailBlock.Link(UiText.Get("Mail_EventMemo_Link", language), site.Absolute(EventUrls.Event(language, portalEvent.Id))),
        ]);
    }

    /// <summary>The webinar that presents the results: the next upcoming webinar concerning one of the event's chapters (or any, if it has none).</summary>
    private PublicEvent? ResultsWebinar(PortalEvent portalEvent)
    {
        var chapters = portalEvent.Chapters.Select(c => c.ChapterId).ToHashSet(StringComparer.Ordinal);
        return events.Upcoming().FirstOrDefault(e =>
            e.Id != portalEvent.Id && e.Kind == EventKind.Webinar && e.StartsAt > portalEvent.StartsAt
            && (chapters.Count == 0 || e.ChapterIds.Any(chapters.Contains)));
    }

    private void Send(EventRegistration registration, PortalEvent portalEvent, string subjectKey, IReadOnlyList<MailBlock> blocks)
    {
        if (registration.Email is null || registration.MailsStoppedAt is not null)
        {
            return;
        }

        var language = registration.Language;
        var subject = UiText.Get(subjectKey, language).Replace("{0}", Title(portalEvent, language), StringComparison.Ordinal);
        outbox.Add(composer.Compose(registration.Email, language, subject, blocks,
            unsubscribe.For(UnsubscribeKind.EventRegistration, Convert.ToHexString(registration.TokenHash), language)));
    }

    private static IEnumerable<MailBlock> MeetingLink(PortalEvent portalEvent, Language language) =>
        portalEvent.MeetingLink is { } link && Uri.TryCreate(link, UriKind.Absolute, out var url)
            ? [new MailBlock.Link(UiText.Get("Mail_EventMeetingLink", language), url)]
            : [new MailBlock.Paragraph(UiText.Get("Mail_EventMeetingLinkLater", language))];

    private MailBlock.Link PrivateLink(Language language, string token) =>
        new MailBlock.Link(UiText.Get("Mail_EventPrivateLink", language), site.Absolute(EventUrls.Registration(language, token)));

    private IEnumerable<MailBlock> PrivateLink(EventRegistration registration, Language language, string? token)
    {
        if ((token ?? Unprotect(registration.ProtectedToken)) is { } known)
        {
            yield return PrivateLink(language, known);
        }
    }

    /// <summary>The private link's token kept on a registration; null when there is none or its key was retired.</summary>
    public string? Unprotect(string? protectedToken)
    {
        try
        {
            return protectedToken is null ? null : _links.Unprotect(protectedToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key that protected it was retired; the mail still says what happened.
            return null;
        }
    }

    private static MailBlock.Paragraph Paragraph(string key, Language language, params string[] values)
    {
        var text = UiText.Get(key, language);
        for (var i = 0; i < values.Length; i++)
        {
            text = text.Replace("{" + i + "}", values[i], StringComparison.Ordinal);
        }

        return new MailBlock.Paragraph(text);
    }

    internal static string Title(PortalEvent portalEvent, Language language) =>
        language == Language.Sv && !PlainText.IsBlank(portalEvent.TitleSv) ? portalEvent.TitleSv : portalEvent.TitleFi;

    private static string When(PortalEvent portalEvent, Language language) => EventTimes.Span(portalEvent.StartsAt, portalEvent.EndsAt, language);
}
