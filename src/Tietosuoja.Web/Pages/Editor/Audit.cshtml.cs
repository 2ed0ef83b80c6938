using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>The audit trail, newest first, for admins. Read-only: there is no way to change it here.</summary>
public sealed partial class AuditModel(ContentStore store, IStringLocalizer<SharedResource> text, AuditLog audit) : EditorPageModel(store, text)
{
    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Entries { get; private set; } = null!;

    public override string Title => T["AuditTitle"];

    public override string AlternateLanguageUrl => EditorUrls.Audit(Language.Other());

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await audit.PageAsync(PageNumber, Action, cancellationToken);

    /// <summary>
    /// An entry's details in the reader's language: a status or moderation change is stored as enum
    /// names ("Received → Noted (bulk)", kept stable for exports and SQL) and shown in words
    /// ("Vastaanotettu → Huomioitu (joukkomuutos)"); other details are shown as written.
    /// </summary>
    public string DetailsText(AuditEntry entry)
    {
        if (entry.Action is not (AuditAction.CommentStatusChanged or AuditAction.CommentModerationChanged)
            || ChangePattern().Match(entry.Details) is not { Success: true } match)
        {
            return entry.Details;
        }

        string? Name(string value) => entry.Action == AuditAction.CommentStatusChanged
            ? Enum.TryParse<HandlingStatus>(value, out var status) ? StatusName(status) : null
            : Enum.TryParse<Moderation>(value, out var moderation) ? ModerationName(moderation) : null;

        return Name(match.Groups["from"].Value) is { } from && Name(match.Groups["to"].Value) is { } to
            ? $"{from} → {to}" + (match.Groups["bulk"].Success ? $" ({T["AuditBulk"]})" : string.Empty)
            : entry.Details;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<from>\w+) → (?<to>\w+)(?<bulk> \(bulk\))?$")]
    private static partial System.Text.RegularExpressions.Regex ChangePattern();

    public string Link(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        EditorUrls.Audit(Language),
        new Dictionary<string, string?> { ["action"] = Action?.ToString(), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(q => q.Value is not null));
}
