using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>
/// The filters and the order of a round's comment list as query parameters. The list and the comment page bind the same
/// object, so a comment opened from a filtered list knows its neighbours in that list and links back to it.
/// </summary>
public sealed class CommentListQuery
{
    /// <summary>"chapterId@1.2"; the chapter version filter.</summary>
    public string? Chapter { get; set; }

    public string? Section { get; set; }

    public OrganisationType? Type { get; set; }

    public HandlingStatus? Status { get; set; }

    public Moderation? Moderation { get; set; }

    /// <summary>Words to find in the comment or the organisation's name.</summary>
    public string? Q { get; set; }

    public CommentSort Sort { get; set; }

    /// <summary>Only the comments assigned to the signed-in editor.</summary>
    public bool Mine { get; set; }

    /// <summary>The filters for the database; "assigned to me" needs to know who is asking.</summary>
    public CommentFilter Filter(string editorId)
    {
        string? chapterId = null;
        VersionNumber? version = null;
        if (Chapter?.Split('@') is [var id, var number] && VersionNumber.TryParse(number, out var parsed))
        {
            chapterId = id;
            version = parsed;
        }

        return new CommentFilter(chapterId, version, string.IsNullOrEmpty(Section) ? null : Section, Type, Status, Moderation, Q, Mine ? editorId : null);
    }

    /// <summary><paramref name="url"/> with these filters (and a page of the list other than the first) in its query.</summary>
    public string AppendTo(string url, int page = 1)
    {
        var query = new Dictionary<string, string?>
        {
            ["chapter"] = Chapter,
            ["section"] = Section,
            ["type"] = Type?.ToString(),
            ["status"] = Status?.ToString(),
            ["moderation"] = Moderation?.ToString(),
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            ["sort"] = Sort == CommentSort.Oldest ? null : Sort.ToString(),
            ["mine"] = Mine ? "true" : null,
            ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(url, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
