using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Infrastructure;

namespace Tietosuoja.Web.Pages;

/// <summary>The key terms in alphabetical order of the reader's language, each with its wording in the other language.</summary>
[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class GlossaryModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public override string PageTitle => T["Glossary"];

    public override string AlternateLanguageUrl => SiteUrls.Glossary(Language.Other());

    public IEnumerable<GlossaryEntry> Entries =>
        Snapshot.Glossary.OrderBy(e => e.In(Language).Term, StringComparer.Create(Language.Culture(), ignoreCase: true));

    public IActionResult OnGet() => Snapshot.Glossary.IsEmpty ? NotFound() : Page();
}
