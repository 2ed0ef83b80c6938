using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>The audit trail, newest first, for admins. Read-only: there is no way to change it here.</summary>
public sealed class AuditModel(ContentStore store, IStringLocalizer<SharedResource> text, AuditLog audit) : EditorPageModel(store, text)
{
    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Entries { get; private set; } = null!;

    public override string Title => T["AuditTitle"];

    public override string AlternateLanguageUrl => EditorUrls.Audit(Language.Other());

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await audit.PageAsync(PageNumber, Action, cancellationToken);

    public string Link(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        EditorUrls.Audit(Language),
        new Dictionary<string, string?> { ["action"] = Action?.ToString(), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(q => q.Value is not null));
}
