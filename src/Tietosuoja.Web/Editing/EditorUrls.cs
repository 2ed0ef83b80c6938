using System.Globalization;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Editing;

/// <summary>
/// The editor area's URLs, the counterpart of <see cref="SiteUrls"/>: Finnish under /toimitus,
/// Swedish under /sv/redaktion. Route templates and links both come from here.
/// </summary>
public static class EditorUrls
{
    /// <summary>The editor area's first path segment in each language; reserved, so no site page can take it.</summary>
    public static string Segment(Language language) => language == Language.Sv ? "redaktion" : "toimitus";

    public static string Home(Language language) => "/" + Templates.Home(language);

    public static string SignIn(Language language) => "/" + Templates.SignIn(language);

    public static string SignOut(Language language) => "/" + Templates.SignOut(language);

    public static string NewDraft(Language language, string chapterId, Language textLanguage) =>
        $"/{Templates.NewDraft(language)}?chapter={Uri.EscapeDataString(chapterId)}&language={textLanguage.Code()}";

    public static string NewChapter(Language language) => $"/{Templates.NewDraft(language)}?newChapter=true";

    public static string Draft(Language language, int id) => $"/{Under(language, "luonnokset", "utkast")}/{id}";

    public static string Reviews(Language language) => "/" + Templates.Reviews(language);

    public static string Review(Language language, int draftId) => $"/{Templates.Reviews(language)}/{draftId}";
    /// <summary>The side-by-side translation of a Finnish chapter version into Swedish.</summary>
    public static string Translate(Language language, string chapterId, VersionNumber version) =>
        $"/{Templates.Translate(language)}?chapter={Uri.EscapeDataString(chapterId)}&version={version}";

    public static string Rounds(Language language) => "/" + Templates.Rounds(language);

    public static string NewRound(Language language) => "/" + Templates.NewRound(language);

    public static string Round(Language language, int id) => $"/{Templates.Rounds(language)}/{id}";

    public static string EditRound(Language language, int id) => $"{Round(language, id)}/{(language == Language.Sv ? "redigera" : "muokkaa")}";

    public static string RoundComments(Language language, int id) => $"{Round(language, id)}/{(language == Language.Sv ? "kommentarer" : "kommentit")}";

    public static string Comment(Language language, long id) => $"/{Under(language, "kommentit", "kommentarer")}/{id}";

    public static string Audit(Language language) => "/" + Templates.Audit(language);

    public static string Events(Language language) => "/" + Templates.Events(language);

    public static string NewEvent(Language language) => "/" + Templates.NewEvent(language);

    public static string Event(Language language, int id) => string.Create(CultureInfo.InvariantCulture, $"/{Templates.Events(language)}/{id}");

    public static string EditEvent(Language language, int id) => $"{Event(language, id)}/{EventPart(language, "muokkaa", "redigera")}";

    public static string EventRegistrants(Language language, int id) => $"{Event(language, id)}/{EventPart(language, "ilmoittautuneet", "anmalda")}";

    public static string EventMemo(Language language, int id) => $"{Event(language, id)}/{EventPart(language, "muistio", "minnesanteckningar")}";

    public static string EventRecording(Language language, int id) => $"{Event(language, id)}/{EventPart(language, "tallenne", "inspelning")}";

    private static string EventPart(Language language, string fi, string sv) => language == Language.Sv ? sv : fi;

    private static string Under(Language language, string fi, string sv) => $"{Templates.Home(language)}/{(language == Language.Sv ? sv : fi)}";

    /// <summary>Route templates per language, registered by <see cref="Infrastructure.LocalizedRoutes"/>.</summary>
    public static class Templates
    {
        public static string Home(Language language) => language == Language.Sv ? $"sv/{Segment(language)}" : Segment(language);

        public static string SignIn(Language language) => Under(language, "kirjaudu", "logga-in");

        public static string SignOut(Language language) => Under(language, "kirjaudu-ulos", "logga-ut");

        public static string NewDraft(Language language) => Under(language, "luonnokset/uusi", "utkast/ny");

        public static string Draft(Language language) => Under(language, "luonnokset", "utkast") + "/{id:int}";

        public static string Reviews(Language language) => Under(language, "tarkastus", "granskning");

        public static string Review(Language language) => $"{Reviews(language)}/{{id:int}}";
        public static string Translate(Language language) => Under(language, "kaannos", "oversattning");

        public static string Rounds(Language language) => Under(language, "kierrokset", "rundor");

        public static string NewRound(Language language) => Under(language, "kierrokset/uusi", "rundor/ny");

        public static string Round(Language language) => $"{Rounds(language)}/{{id:int}}";

        public static string EditRound(Language language) => $"{Round(language)}/{(language == Language.Sv ? "redigera" : "muokkaa")}";

        public static string RoundComments(Language language) => $"{Round(language)}/{(language == Language.Sv ? "kommentarer" : "kommentit")}";

        public static string Comment(Language language) => Under(language, "kommentit", "kommentarer") + "/{id:long}";

        public static string Audit(Language language) => Under(language, "tapahtumaloki", "handelselogg");

        public static string Events(Language language) => Under(language, "tilaisuudet", "evenemang");

        public static string NewEvent(Language language) => Under(language, "tilaisuudet/uusi", "evenemang/nytt");

        public static string Event(Language language) => $"{Events(language)}/{{id:int}}";

        public static string EditEvent(Language language) => $"{Event(language)}/{EventPart(language, "muokkaa", "redigera")}";

        public static string EventRegistrants(Language language) => $"{Event(language)}/{EventPart(language, "ilmoittautuneet", "anmalda")}";

        public static string EventMemo(Language language) => $"{Event(language)}/{EventPart(language, "muistio", "minnesanteckningar")}";

        public static string EventRecording(Language language) => $"{Event(language)}/{EventPart(language, "tallenne", "inspelning")}";
    }
}
