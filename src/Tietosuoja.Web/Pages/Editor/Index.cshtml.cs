using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>The editor area's front page: every chapter with its versions per language, the drafts in progress, and the rounds.</summary>
public sealed class IndexModel(ContentStore store, IStringLocalizer<SharedResource> text, DraftService drafts, RoundCatalog rounds, ContentRepository repository) : EditorPageModel(store, text)
{
    public IReadOnlyList<ChapterDraft> Drafts { get; private set; } = [];

    public IReadOnlyList<RoundInfo> Rounds => rounds.Rounds;

    public DateTime Now => rounds.UtcNow;

    public override string Title => T["EditorHome"];

    /// <summary>Whether published versions reach git and its remote: a dirty or detached work tree, or a failing push, is the editors' business too.</summary>
    public ContentRepositoryStatus Repository { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Drafts = await drafts.ListAsync(cancellationToken);
        Repository = repository.Status();
    }
}
