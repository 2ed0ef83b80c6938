using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages.Events;

/// <summary>
/// The registration form: no account, the same abuse protection as the comment form (a
/// single-use time stamp, a honeypot, a per-address rate limit), and on any problem the form again
/// with everything as typed and the message in the reader's language.
/// </summary>
public sealed class RegisterModel(
    ContentStore store, IStringLocalizer<SharedResource> text, EventCatalog events, EventRegistrations registrations, SubmissionGuard guard)
    : FormPageModel(store, text)
{
    public PublicEvent Event { get; private set; } = null!;

    public bool IsOpen { get; private set; }

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    [BindProperty]
    public string? FormStamp { get; set; }

    [BindProperty(Name = SubmissionGuard.HoneypotField)]
    public string? Honeypot { get; set; }

    public override string Title => T["EventRegisterTitle", Event.Title(Language)];

    public override string AlternateLanguageUrl => EventUrls.Register(Language.Other(), Event.Id);

    public string FormUrl => EventUrls.Register(Language, Event.Id);

    public override bool CanShowFormAgain => Event is not null;

    public IActionResult OnGet(int eventId)
    {
        if (!Resolve(eventId))
        {
            return NotFound();
        }

        FormStamp = guard.IssueStamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int eventId, CancellationToken cancellationToken)
    {
        if (!Resolve(eventId))
        {
            return NotFound();
        }

        if (!IsOpen)
        {
            AddProblem(null, "Refusal_RegistrationClosed");
            return Reshow();
        }

        switch (guard.Check(FormStamp, Honeypot))
        {
            case GuardRefusal.Honeypot:
                AddProblem(null, "Refusal_RegistrationHoneypot");
                break;
            case GuardRefusal.TooFast:
                AddProblem(null, "Refusal_RegistrationTooFast");
                break;
            case GuardRefusal.FormExpired:
                AddProblem(null, "Refusal_RegistrationFormExpired");
                break;
            default:
                AddProblems(Input.Validate());
                break;
        }

        if (HasProblems)
        {
            return Reshow();
        }

        // The same form sent again is not a new registration and does not count against the rate limit.
        if (await registrations.SentWithAsync(FormStamp!, cancellationToken) is { } earlier)
        {
            return Sent(earlier);
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (acquired, retryAfter) = await guard.TryAcquireAsync(address, cancellationToken);
        if (!acquired)
        {
            AddProblem(null, "Refusal_RegistrationRateLimited", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Reshow();
        }

        return Sent(await registrations.RegisterAsync(Event.Id, Input, Language, FormStamp!, cancellationToken));
    }

    public override void ShowAgainAfterDatabaseFailure()
    {
        base.ShowAgainAfterDatabaseFailure();
        FormStamp = guard.IssueStamp();
    }

    private IActionResult Sent(RegistrationResult result)
    {
        if (result.Succeeded)
        {
            return Redirect(EventUrls.Registration(Language, result.Token!) + "?sent=true");
        }

        AddProblems(result.Problems);
        if (result.Refusal is { } refusal)
        {
            AddProblem(null, refusal switch
            {
                RegistrationRefusal.RegistrationClosed => "Refusal_RegistrationClosed",
                RegistrationRefusal.AlreadySent => "Refusal_RegistrationAlreadySent",
                _ => "Error_EventUnknown",
            });
        }

        return Reshow();
    }

    /// <summary>The form again with everything as typed, and a fresh time stamp so the next try is not refused as stale.</summary>
    private PageResult Reshow()
    {
        FormStamp = guard.IssueStamp();
        return Page();
    }

    private bool Resolve(int eventId)
    {
        if (events.Find(eventId) is not { } found)
        {
            return false;
        }

        Event = found;
        IsOpen = found.RegistrationAt(events.UtcNow) == RegistrationState.Open;
        return true;
    }
}
