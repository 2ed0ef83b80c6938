using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Pages;

/// <summary>The key terms in alphabetical order of the reader's language, each with its wording in the other language.</summary>
[OutputCache(PolicyName = OutputCaching.ContentPolicy)]
public sealed class GlossaryModel(ContentStore store, IStringLocalizer<SharedResource> text) : PortalPageModel(store, text)
{
    public override string PageTitle => T["Glossary"];

    public override string AlternateLanguageUrl => SiteUrls.Glossary(Language.Other());

    public IEnumerable<GlossaryEntry> Entries =>
        Snapshot.Glossary.OrderBy(e => e.In(Language).Term, StringComparer.Create(Language.Culture(), ignoreCase: true));

    /// <summary>The official text of a term's reference; the loader has checked that every reference is a citation it reads.</summary>
    public string SourceUrl(string reference) => LegalSources.Url(LegalReferenceParser.Find(reference, Language)[0], Language);

    public IActionResult OnGet() => Snapshot.Glossary.IsEmpty ? NotFound() : Page();
}
