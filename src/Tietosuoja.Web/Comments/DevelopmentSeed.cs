using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Comments;

/// <summary>
/// Sample rounds and comments for an empty development database, so the run command shows
/// commenting at once: an open round on the draft versions and a closed one with its feedback report,
/// an upcoming workshop whose registration is open (with a few registrants) and a past webinar with its memo.
/// Only in the Development environment; never in tests or production.
/// </summary>
public sealed partial class DevelopmentSeed(PortalDbContext db, ContentStore content, TimeProvider clock, ILogger<DevelopmentSeed> logger)
{
    public async Task SeedIfEmptyAsync()
    {
        if (await db.Rounds.AnyAsync())
        {
            return;
        }

        var snapshot = content.Current;
        var legalBases = snapshot.FindChapterById("oikeusperusteet")?.Find(Language.Fi, new VersionNumber(1, 2));
        var furtherUse = snapshot.FindChapterById("jatkokaytto")?.Find(Language.Fi, new VersionNumber(0, 1));
        var controller = snapshot.FindChapterById("rekisterinpitaja")?.Find(Language.Fi, new VersionNumber(1, 0));
        if (legalBases is null || furtherUse is null || controller is null)
        {
            LogNoSampleContent();
            return;
        }

        var today = FinnishTime.ToLocal(clock.GetUtcNow().UtcDateTime).Date;
        var open = new Round
        {
            TitleFi = "Luvun 2 uusi versio ja luvun 4 luonnos",
            TitleSv = "Den nya versionen av kapitel 2 och utkastet till kapitel 4",
            DescriptionFi = "Pyydämme kommentteja käsittelyn oikeusperusteita koskevan luvun versioon 1.2 ja henkilötietojen jatkokäyttöä koskevan luvun luonnokseen. Kommentoida voi koko lukua tai yksittäistä kohtaa.",
            DescriptionSv = "Vi ber om kommentarer på version 1.2 av kapitlet om rättslig grund och på utkastet till kapitlet om vidareanvändning av personuppgifter. Du kan kommentera hela kapitlet eller ett enskilt avsnitt.",
            OpensAt = FinnishTime.ToUtc(today.AddDays(-5).AddHours(9)),
            ClosesAt = FinnishTime.ToUtc(today.AddDays(23).AddHours(16)),
            Versions = [Target(legalBases), Target(furtherUse)],
        };
        var closed = new Round
        {
            TitleFi = "Luvun 1 luonnos",
            TitleSv = "Utkastet till kapitel 1",
            DescriptionFi = "Kommentointikierros rekisterinpitäjää ja yhteisrekisterinpitäjyyttä koskevan luvun ensimmäisestä versiosta.",
            DescriptionSv = "Kommentarsrunda om den första versionen av kapitlet om personuppgiftsansvarig och gemensamt personuppgiftsansvar.",
            OpensAt = new DateTime(2026, 1, 12, 7, 0, 0, DateTimeKind.Utc),
            ClosesAt = new DateTime(2026, 2, 13, 14, 0, 0, DateTimeKind.Utc),
            FeedbackPublishedAt = new DateTime(2026, 3, 20, 10, 0, 0, DateTimeKind.Utc),
            Versions = [Target(controller)],
        };
        foreach (var round in new[] { open, closed })
        {
            round.CreatedAt = round.UpdatedAt = round.OpensAt.AddDays(-7);
        }

        db.Rounds.AddRange(open, closed);
        await db.SaveChangesAsync();

        db.Comments.AddRange(
            Comment(open, legalBases, Section(legalBases, "Suostumus"), OrganisationType.Municipality, "Esimerkkilän kaupunki", consent: true,
                "Suostumusta koskeva kohta on selkeä. Toivoisimme esimerkin siitä, miten suostumus dokumentoidaan, kun asiointi tapahtuu puhelimessa."),
            Comment(open, legalBases, null, OrganisationType.WellbeingServicesCounty, "Esimerkkimaan hyvinvointialue", consent: false,
                "Luvussa voisi todeta selvemmin, että hyvinvointialue on oma rekisterinpitäjänsä eikä kunnan osa."),
            Comment(open, furtherUse, null, OrganisationType.PrivatePerson, null, consent: true,
                "Hyvä, että jatkokäytöstä tulee oma lukunsa. Toivon käsittelyä myös tutkimuskäytöstä."),
            Comment(closed, controller, Section(controller, "Yhteisrekisterinpitäjyys"), OrganisationType.Municipality, "Mallikunta", consent: true,
                "Yhteisrekisterinpitäjyydestä tarvitaan esimerkki kuntien yhteisestä asiakastietojärjestelmästä.",
                HandlingStatus.Accepted, "Kiitos. Versioon 1.1 lisättiin esimerkki yhteisestä järjestelmästä."),
            Comment(closed, controller, null, OrganisationType.Association, "Esimerkkiyhdistys ry", consent: true,
                "Luvun rakenne on selkeä. Käsitteiden määrittelyt voisi koota sanastoksi.",
                HandlingStatus.PartlyAccepted, "Sanasto julkaistiin ohjeen rinnalle; määrittelyt ovat yhä myös luvussa."),
            Comment(closed, controller, Section(controller, "Tehtävien delegointi"), OrganisationType.JointMunicipalAuthority, "Esimerkkiseudun kuntayhtymä", consent: false,
                "Delegointia koskeva kohta ei sovellu sellaisenaan kuntayhtymään.",
                HandlingStatus.Noted, null),
            Comment(closed, controller, null, OrganisationType.Company, "Esimerkki Oy", consent: true,
                "Ohjeen tulisi suositella tiettyä tietojärjestelmää.",
                HandlingStatus.NotAccepted, "Ohje ei ota kantaa yksittäisiin tuotteisiin."));
        await db.SaveChangesAsync();
        await SeedEventsAsync(open, closed, today);
    }

    private async Task SeedEventsAsync(Round open, Round closed, DateTime today)
    {
        var workshop = new PortalEvent
        {
            Kind = EventKind.Workshop,
            TitleFi = "Etätyöpaja: käsittelyn oikeusperusteet ja jatkokäyttö",
            TitleSv = "Distansworkshop: rättslig grund för behandling och vidareanvändning",
            DescriptionFi = "Käymme läpi luvun 2 uuden version ja luvun 4 luonnoksen kuntien käytännön esimerkein. Työpaja on tarkoitettu erityisesti tietosuojavastaaville ja lakimiehille; mukaan kutsutaan myös ministeriöiden ja tietosuojavaltuutetun toimiston edustajat.\n\nTyöpaja pidetään Teamsissa, ja sen kesto on noin kolme tuntia.",
            DescriptionSv = "Vi går igenom den nya versionen av kapitel 2 och utkastet till kapitel 4 med praktiska exempel från kommunerna. Workshoppen är främst avsedd för dataskyddsombud och jurister; även företrädare för ministerierna och dataombudsmannens byrå bjuds in.\n\nWorkshoppen hålls i Teams och tar cirka tre timmar.",
            RoundId = open.Id,
            RegistrationOpensAt = FinnishTime.ToUtc(today.AddDays(-3).AddHours(9)),
            RegistrationClosesAt = FinnishTime.ToUtc(today.AddDays(10).AddHours(16)),
            StartsAt = FinnishTime.ToUtc(today.AddDays(17).AddHours(13)),
            EndsAt = FinnishTime.ToUtc(today.AddDays(17).AddHours(16)),
            Capacity = 35,
            MeetingLink = "https://teams.microsoft.com/l/meetup-join/esimerkki-tyopaja",
            Chapters = [new EventChapter { ChapterId = "oikeusperusteet" }, new EventChapter { ChapterId = "jatkokaytto" }],
        };
        var webinar = new PortalEvent
        {
            Kind = EventKind.Webinar,
            TitleFi = "Tulokset-webinaari: rekisterinpitäjä ja yhteisrekisterinpitäjyys",
            TitleSv = "Resultatwebbinarium: personuppgiftsansvarig och gemensamt personuppgiftsansvar",
            DescriptionFi = "Esittelimme luvun 1 kommentointikierroksen ja työpajojen tulokset sekä luvun julkaistun version. Webinaari oli kaikille avoin.",
            DescriptionSv = "Vi presenterade resultaten av kommentarsrundan och workshopparna om kapitel 1 samt den publicerade versionen av kapitlet. Webbinariet var öppet för alla.",
            RoundId = closed.Id,
            RegistrationOpensAt = new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc),
            RegistrationClosesAt = new DateTime(2026, 3, 25, 12, 0, 0, DateTimeKind.Utc),
            StartsAt = new DateTime(2026, 3, 26, 12, 0, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2026, 3, 26, 13, 30, 0, DateTimeKind.Utc),
            MeetingLink = "https://teams.microsoft.com/l/meetup-join/esimerkki-webinaari",
            MemoFi = "## Keskeiset tulokset\n\n- Kommentteja saatiin 42, eniten kunnilta ja hyvinvointialueilta.\n- Yhteisrekisterinpitäjyyteen lisättiin esimerkki kuntien yhteisestä asiakastietojärjestelmästä.\n- Käsitteiden määrittelyt koottiin sanastoksi.\n\n## Kysymyksiä webinaarista\n\nOsallistujat kysyivät erityisesti tehtävien delegoinnista kuntayhtymissä. Aihe otetaan mukaan seuraavaan versioon.",
            MemoSv = "## Viktigaste resultat\n\n- Vi fick 42 kommentarer, flest från kommuner och välfärdsområden.\n- Till gemensamt personuppgiftsansvar lades ett exempel om kommunernas gemensamma klientdatasystem.\n- Begreppsdefinitionerna samlades i en ordlista.\n\n## Frågor under webbinariet\n\nDeltagarna frågade särskilt om delegering av uppgifter i samkommuner. Ämnet tas med i nästa version.",
            MemoPublishedAt = new DateTime(2026, 3, 30, 9, 0, 0, DateTimeKind.Utc),
            AnnouncedAt = new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc),
            Chapters = [new EventChapter { ChapterId = "rekisterinpitaja" }],
        };
        foreach (var item in new[] { workshop, webinar })
        {
            item.CreatedAt = item.UpdatedAt = item.RegistrationOpensAt.AddDays(-7);
        }

        workshop.Registrations.AddRange(
            Registrant(workshop, 0, "Esimerkkilän kaupunki", OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer, "Suostumuksen dokumentointi asiakaspalvelussa."),
            Registrant(workshop, 1, "Mallikunta", OrganisationType.Municipality, ParticipantRole.Lawyer, null),
            Registrant(workshop, 2, "Esimerkkimaan hyvinvointialue", OrganisationType.WellbeingServicesCounty, ParticipantRole.DataProtectionOfficer, "Jatkokäyttö tutkimuksessa ja tilastoinnissa."),
            Registrant(workshop, 3, "Esimerkkiseudun kuntayhtymä", OrganisationType.JointMunicipalAuthority, ParticipantRole.InformationManagement, null),
            Registrant(workshop, 4, "Esimerkkiministeriö", OrganisationType.Ministry, ParticipantRole.Lawyer, "Lainsäädännön valmistelun näkökulma."),
            Registrant(workshop, 5, "Tietosuojavaltuutetun toimisto", OrganisationType.DataProtectionOmbudsman, ParticipantRole.SectorExpert, null),
            Registrant(workshop, 6, "Esimerkkilän kaupunki", OrganisationType.Municipality, ParticipantRole.Security, null),
            Registrant(workshop, 7, "Esimerkki Oy", OrganisationType.MunicipalCompany, ParticipantRole.Management, "Kuntayhtiön asiakastietojen käsittely."));
        db.Events.AddRange(workshop, webinar);
        await db.SaveChangesAsync();
    }

    private static EventRegistration Registrant(PortalEvent portalEvent, int number, string organisation, OrganisationType type, ParticipantRole role, string? contribution)
    {
        var registeredAt = portalEvent.RegistrationOpensAt.AddHours(3 + (5 * number));
        return new EventRegistration
        {
            TokenHash = CommentToken.HashOf(CommentToken.Create())!,
            FormStampHash = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
            Language = number == 3 ? Language.Sv : Language.Fi,
            Name = $"Osallistuja {number + 1}",
            Email = $"osallistuja{number + 1}@example.invalid",
            OrganisationName = organisation,
            OrganisationType = type,
            Role = role,
            Contribution = contribution,
            Consent = true,
            RegisteredAt = registeredAt,
            StatusChangedAt = registeredAt,
            Status = RegistrationStatus.Registered,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample content not found; the development database is left empty")]
    private partial void LogNoSampleContent();

    private static RoundVersion Target(ChapterVersion version) => new() { ChapterId = version.ChapterId, Version = version.Version };

    private static string? Section(ChapterVersion version, string headingText) =>
        version.Body.Headings.FirstOrDefault(h => h.Text == headingText)?.Anchor;

    private static Comment Comment(
        Round round, ChapterVersion version, string? section, OrganisationType type, string? organisation, bool consent, string text,
        HandlingStatus status = HandlingStatus.Received, string? response = null)
    {
        var comment = new Comment
        {
            TokenHash = CommentToken.HashOf(CommentToken.Create())!,
            RoundId = round.Id,
            ChapterId = version.ChapterId,
            Version = version.Version,
            Language = version.Language,
            Text = string.Empty,
            SubmittedAt = round.OpensAt.AddDays(3),
            Status = status,
            Response = response,
            RespondedAt = response is null ? null : round.ClosesAt.AddDays(10),
        };
        new CommentInput
        {
            Text = text,
            Section = section,
            OrganisationType = type.ToString(),
            OrganisationName = organisation,
            ConsentToPublish = consent,
        }.ApplyTo(comment, version);
        return comment;
    }
}
