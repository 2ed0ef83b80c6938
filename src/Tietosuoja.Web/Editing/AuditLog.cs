using Microsoft.EntityFrameworkCore;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Editing;

/// <summary>A page of the audit trail, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, Paging Paging, int Total);

/// <summary>
/// The audit trail. Entries are added to the same unit of work as the change they describe, so
/// a change is never saved without its record. There is deliberately no update or delete here.
/// </summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Adds an entry; it is saved by the caller's SaveChanges, together with the change (and then has its id).</summary>
    public AuditEntry Add(EditorIdentity actor, AuditAction action, string subject, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = Truncate(actor.Id, 100),
            ActorName = Truncate(actor.Name, PortalDbContext.NameMaxLength),
            Action = action,
            Subject = Truncate(subject, PortalDbContext.TitleMaxLength),
            Details = Truncate(details, PortalDbContext.DescriptionMaxLength),
        }).Entity;

    public async Task<AuditPage> PageAsync(int page, AuditAction? action, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (action is { } only)
        {
            query = query.Where(e => e.Action == only);
        }

        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.For(total, PageSize, page);
        var entries = await query.OrderByDescending(e => e.Id).Skip(paging.Skip).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditPage(entries, paging, total);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
