using System.Globalization;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Events;

/// <summary>
/// The public URLs of events, like <see cref="SiteUrls"/> for the reading pages: /tilaisuudet (fi)
/// and /sv/evenemang (sv). The private registration page carries its token in the path, so it is a
/// secret path (never logged, no Referer).
/// </summary>
public static class EventUrls
{
    public static string Segment(Language language) => language == Language.Sv ? "evenemang" : "tilaisuudet";

    /// <summary>The first segment of the private registration pages.</summary>
    public static string RegistrationSegment(Language language) => language == Language.Sv ? "anmalan" : "ilmoittautuminen";

    private static string RegisterSegment(Language language) => language == Language.Sv ? "anmal-dig" : "ilmoittaudu";

    private static string CaptionsFile(Language language) => language == Language.Sv ? "textning.vtt" : "tekstitys.vtt";

    private static string Prefix(Language language) => language == Language.Sv ? "/" + Languages.SwedishPathPrefix : string.Empty;

    public static string List(Language language) => $"{Prefix(language)}/{Segment(language)}";

    public static string Event(Language language, int eventId) => string.Create(CultureInfo.InvariantCulture, $"{List(language)}/{eventId}");

    public static string Register(Language language, int eventId) => $"{Event(language, eventId)}/{RegisterSegment(language)}";

    /// <summary>The WebVTT captions of the event's recording, served as text/vtt.</summary>
    public static string Captions(Language language, int eventId) => $"{Event(language, eventId)}/{CaptionsFile(language)}";

    public static string Registration(Language language, string token) => $"{Prefix(language)}/{RegistrationSegment(language)}/{token}";

    /// <summary>Whether the path is a private registration page (its last segment is a token).</summary>
    public static bool IsRegistrationLink(string path) => RegistrationPrefix(path) is not null;

    public static string WithoutToken(string path) => RegistrationPrefix(path) is { } prefix ? prefix + "{token}" : path;

    private static string? RegistrationPrefix(string path) =>
        Languages.All.Select(language => $"{Prefix(language)}/{RegistrationSegment(language)}/")
            .FirstOrDefault(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Route templates (no leading slash) for the public pages.</summary>
    public static class Templates
    {
        public static string List(Language language) => EventUrls.List(language).TrimStart('/');

        public static string Event(Language language) => $"{List(language)}/{{eventId:int}}";

        public static string Register(Language language) => EventUrls.Register(language, 0).TrimStart('/').Replace("/0/", "/{eventId:int}/", StringComparison.Ordinal);

        public static string Captions(Language language) => EventUrls.Captions(language, 0).TrimStart('/').Replace("/0/", "/{eventId:int}/", StringComparison.Ordinal);

        public static string Registration(Language language) => EventUrls.Registration(language, "{token}").TrimStart('/');
    }
}

/// <summary>The portal's secret paths with the private registration pages added to those of comments and subscriptions.</summary>
internal sealed class EventSecretPaths(ISecretPaths others) : ISecretPaths
{
    public bool IsSecret(string path) => EventUrls.IsRegistrationLink(path) || others.IsSecret(path);

    public string Redact(string path) => EventUrls.WithoutToken(others.Redact(path));
}
