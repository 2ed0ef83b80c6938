using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages.Editor;

/// <summary>Creates a round, or changes one that has not opened yet. Times are entered in Finnish time.</summary>
public sealed class EditRoundModel(ContentStore store, IStringLocalizer<SharedResource> text, RoundService rounds, RoundCatalog catalog) : EditorPageModel(store, text)
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public RoundInput Input { get; set; } = new();

    public override string Title => Id is null ? T["EditorNewRound"] : T["RoundEditTitle", Input.TitleFi ?? string.Empty];

    public override string AlternateLanguageUrl => Id is { } id ? EditorUrls.EditRound(Language.Other(), id) : EditorUrls.NewRound(Language.Other());

    /// <summary>Every chapter version a round can cover, Finnish titles, newest last.</summary>
    public IEnumerable<(Chapter Chapter, ChapterVersion Version)> Versions =>
        Snapshot.Chapters.SelectMany(c => c.Versions(Language.Fi).Select(v => (c, v)));

    public IActionResult OnGet()
    {
        if (Id is not { } id)
        {
            var tomorrow = FinnishTime.ToLocal(catalog.UtcNow).Date.AddDays(1).AddHours(9);
            Input = new RoundInput { OpensAt = tomorrow.ToString(TimeFormat, CultureInfo.InvariantCulture), ClosesAt = tomorrow.AddDays(28).AddHours(7).ToString(TimeFormat, CultureInfo.InvariantCulture) };
            return Page();
        }

        if (catalog.Find(id) is not { } round)
        {
            return NotFound();
        }

        if (round.StateAt(catalog.UtcNow) != RoundState.Upcoming)
        {
            return RedirectWithNotice(EditorUrls.Round(Language, id), "RoundAlreadyOpened");
        }

        Input = RoundInput.From(round);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A new round may not start in the past; a few minutes' grace covers the time spent on the form.
        AddProblems(Input.Validate(Snapshot, Id is null ? catalog.UtcNow.AddMinutes(-5) : null, out var draft));
        if (HasProblems)
        {
            return Page();
        }

        var saved = Id is { } id
            ? await rounds.UpdateAsync(id, draft, Editor, cancellationToken)
            : await rounds.CreateAsync(draft, Editor, cancellationToken);
        if (saved.AlreadyOpened)
        {
            return RedirectWithNotice(EditorUrls.Round(Language, saved.RoundId), "RoundAlreadyOpened");
        }

        if (!saved.Succeeded)
        {
            AddProblems(saved.Problems);
            return Page();
        }

        return RedirectWithNotice(EditorUrls.Round(Language, saved.RoundId), Id is null ? "RoundCreated" : "RoundSaved");
    }
}

/// <summary>The round form's fields, as typed; versions as "chapterId@1.2".</summary>
public sealed class RoundInput
{
    public string? TitleFi { get; set; }

    public string? TitleSv { get; set; }

    public string? DescriptionFi { get; set; }

    public string? DescriptionSv { get; set; }

    public string? OpensAt { get; set; }

    public string? ClosesAt { get; set; }

    public List<string> Versions { get; set; } = [];

    /// <summary>
    /// Reads the fields into a draft and returns its problems: times that are not times, then the
    /// round's own rules (<see cref="RoundDraft.Validate"/>). Whether a round closes after it opens
    /// is only asked once both times could be read.
    /// </summary>
    public IReadOnlyList<FieldProblem> Validate(ContentSnapshot content, DateTime? earliestOpening, out RoundDraft draft)
    {
        var (opens, opensProblem) = ParseTime(OpensAt);
        var (closes, closesProblem) = ParseTime(ClosesAt);
        var targets = Versions
            .Select(v => v.Split('@'))
            .Where(parts => parts.Length == 2 && VersionNumber.TryParse(parts[1], out _))
            .Select(parts => new RoundTarget(parts[0], VersionNumber.Parse(parts[1])))
            .ToList();
        draft = new RoundDraft(TitleFi ?? string.Empty, TitleSv ?? string.Empty, DescriptionFi ?? string.Empty, DescriptionSv ?? string.Empty, opens ?? default, closes ?? default, targets);
        var unread = new List<FieldProblem>();
        if (opensProblem is not null)
        {
            unread.Add(new(nameof(OpensAt), opensProblem));
        }

        if (closesProblem is not null)
        {
            unread.Add(new(nameof(ClosesAt), closesProblem));
        }

        var timesRead = unread.Count == 0;
        return [.. unread, .. draft.Validate(content, opens is null ? null : earliestOpening)
            .Where(p => timesRead || p.Field is not (nameof(RoundDraft.OpensAt) or nameof(RoundDraft.ClosesAt)))];
    }

    public static RoundInput From(RoundInfo round) => new()
    {
        TitleFi = round.Title(Language.Fi),
        TitleSv = round.Title(Language.Sv),
        DescriptionFi = round.Description(Language.Fi),
        DescriptionSv = round.Description(Language.Sv),
        OpensAt = FinnishTime.ToLocal(round.OpensAt).ToString(EditRoundModel.TimeFormat, CultureInfo.InvariantCulture),
        ClosesAt = FinnishTime.ToLocal(round.ClosesAt).ToString(EditRoundModel.TimeFormat, CultureInfo.InvariantCulture),
        Versions = [.. round.Targets.Select(t => $"{t.ChapterId}@{t.Version}")],
    };

    /// <summary>The time in UTC, or the message key of why it cannot be one.</summary>
    private static (DateTime? Utc, string? Problem) ParseTime(string? value)
    {
        if (!DateTime.TryParseExact(value, EditRoundModel.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, "Error_BadTime");
        }

        // The hour summer time skips (3.00–4.00 on its first day) does not exist to be converted.
        return FinnishTime.Zone.IsInvalidTime(local) ? (null, "Error_TimeInDstGap") : (FinnishTime.ToUtc(local), null);
    }
}
