using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.Web.Events;

/// <summary>
/// An event's participant list for the facilitator, as CSV or xlsx, written the way the comment
/// export writes (<see cref="CommentExport.Neutralize"/> keeps every cell text, never a formula).
/// Names, e-mail addresses, organisation names and what people wrote are included only when the
/// editor asks; the export is recorded in the audit trail first.
/// </summary>
public sealed class EventExport(PortalDbContext db, AuditLog audit, IStringLocalizer<SharedResource> text)
{
    public static string FileName(int eventId, DateTime utcNow, ExportFormat format) => CommentExport.FileName("osallistujat-tilaisuus", eventId, utcNow, format);

    /// <summary>Records the export in the audit trail, then writes the file to <paramref name="output"/>; cancelled registrations are left out.</summary>
    public async Task WriteAsync(int eventId, ExportFormat format, bool includePersonalData, EditorIdentity actor, Stream output, CancellationToken cancellationToken)
    {
        var count = await Query(eventId).CountAsync(cancellationToken);
        audit.Add(actor, AuditAction.EventParticipantsExported, EventAdmin.Subject(eventId),
            string.Create(CultureInfo.InvariantCulture, $"{format.ToString().ToUpperInvariant()}, {count} registrations, personal data {(includePersonalData ? "included" : "left out")}"));
        await db.SaveChangesAsync(cancellationToken);

        var rows = Rows(eventId, includePersonalData, cancellationToken);
        if (format == ExportFormat.Csv)
        {
            await CommentExport.WriteCsvAsync(rows, output, cancellationToken);
        }
        else
        {
            await CommentExport.WriteXlsxAsync(rows, output, cancellationToken, sheetName: text["EventExport_Sheet"]);
        }
    }

    private IQueryable<EventRegistration> Query(int eventId) =>
        db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId && r.Status != RegistrationStatus.Cancelled);

    private async IAsyncEnumerable<string[]> Rows(int eventId, bool includePersonalData, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[] header =
        [
            text["Export_Id"], text["EventExport_Status"], text["Export_OrganisationType"], text["EventExport_Role"],
            text["Export_Language"], text["EventExport_RegisteredAt"],
        ];
        yield return includePersonalData
            ? [.. header, text["EventExport_Name"], text["Export_Email"], text["Export_OrganisationName"], text["EventExport_Contribution"]]
            : header;

        var language = Languages.Current;
        var registrations = Query(eventId)
            .OrderBy(r => r.Status).ThenBy(r => r.WaitingListRank).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .AsAsyncEnumerable();
        await foreach (var registration in registrations.WithCancellation(cancellationToken))
        {
            string[] row =
            [
                registration.Id.ToString(CultureInfo.InvariantCulture),
                text[$"RegistrationStatus_{registration.Status}"],
                text[$"OrganisationType_{registration.OrganisationType}"],
                text[$"ParticipantRole_{registration.Role}"],
                registration.Language.Code(),
                FinnishTime.Format(registration.RegisteredAt, language),
            ];
            yield return includePersonalData
                ? [.. row, registration.Name ?? string.Empty, registration.Email ?? string.Empty, registration.OrganisationName ?? string.Empty, registration.Contribution ?? string.Empty]
                : row;
        }
    }
}
