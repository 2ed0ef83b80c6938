using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>
/// What every editor page shares: the signed-in editor, a notice
/// carried over a redirect. (That editor pages are never cached or indexed is a page convention:
/// <see cref="PrivatePageFilter"/>.)
/// </summary>
public abstract class EditorPageModel(ContentStore store, IStringLocalizer<SharedResource> text) : FormPageModel(store, text)
{
    public EditorIdentity Editor => EditorIdentity.From(User);

    public bool IsAdmin => User.IsInRole(EditorRoles.Admin);

    /// <summary>A confirmation shown once after a redirect ("Version 1.3 published.").</summary>
    [TempData]
    public string? Notice { get; set; }

    public override string AlternateLanguageUrl => EditorUrls.Home(Language.Other());

    public string StatusName(HandlingStatus status) => T[$"Handling_{status}"];

    public string ModerationName(Moderation moderation) => T[$"Moderation_{moderation}"];

    public string TypeName(OrganisationType type) => T[$"OrganisationType_{type}"];

    public string ChapterName(string chapterId, VersionNumber version) =>
        Snapshot.FindChapterById(chapterId) is { } chapter
            ? T["EditorChapterVersion", chapter.Number, (chapter.Find(Language, version) ?? chapter.Find(Language.Fi, version))?.Title ?? chapterId, version]
            : $"{chapterId} {version}";

    protected RedirectResult RedirectWithNotice(string url, string messageKey, params object[] arguments)
    {
        Notice = T[messageKey, arguments];
        return Redirect(url);
    }
}
