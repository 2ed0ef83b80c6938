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
        var opens = ParseTime(Input.OpensAt, nameof(RoundDraft.OpensAt));
        var closes = ParseTime(Input.ClosesAt, nameof(RoundDraft.ClosesAt));
        var targets = Input.Versions
            .Select(v => v.Split('@'))
            .Where(parts => parts.Length == 2 && VersionNumber.TryParse(parts[1], out _))
            .Select(parts => new RoundTarget(parts[0], VersionNumber.Parse(parts[1])))
            .ToList();
        var draft = new RoundDraft(Input.TitleFi ?? string.Empty, Input.TitleSv ?? string.Empty, Input.DescriptionFi ?? string.Empty, Input.DescriptionSv ?? string.Empty, opens ?? default, closes ?? default, targets);
        foreach (var error in rounds.Validate(draft).Where(e => opens is not null && closes is not null || e.Field != nameof(RoundDraft.ClosesAt)))
        {
            AddError(FieldId(error.Field), error.MessageKey);
        }

        if (Id is null && opens is { } opening && opening < catalog.UtcNow.AddMinutes(-5))
        {
            AddError(FieldId(nameof(RoundDraft.OpensAt)), "Error_RoundOpensInPast");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (Id is { } id)
        {
            return await rounds.UpdateAsync(id, draft, Editor, cancellationToken)
                ? RedirectWithNotice(EditorUrls.Round(Language, id), "RoundSaved")
                : RedirectWithNotice(EditorUrls.Round(Language, id), "RoundAlreadyOpened");
        }

        var created = await rounds.CreateAsync(draft, Editor, cancellationToken);
        return RedirectWithNotice(EditorUrls.Round(Language, created), "RoundCreated");
    }

    private DateTime? ParseTime(string? value, string field)
    {
        if (DateTime.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return FinnishTime.ToUtc(local);
        }

        AddError(FieldId(field), "Error_BadTime");
        return null;
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
}
