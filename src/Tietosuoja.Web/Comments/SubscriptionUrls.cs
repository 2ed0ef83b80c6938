using Tietosuoja.Web.Guidance;

namespace Tietosuoja.Web.Comments;

/// <summary>
/// The public URLs of mail subscriptions and unsubscribing, like <see cref="SiteUrls"/> for the
/// reading pages: /tilaa (fi) and /sv/prenumerera (sv). The confirmation and unsubscribe links carry
/// a token in the path, so they are secret paths (never logged, no Referer).
/// </summary>
public static class SubscriptionUrls
{
    public static string Segment(Language language) => language == Language.Sv ? "prenumerera" : "tilaa";

    private static string SentSegment(Language language) => language == Language.Sv ? "skickat" : "lahetetty";

    private static string ConfirmSegment(Language language) => language == Language.Sv ? "bekrafta" : "vahvista";

    private static string UnsubscribeSegment(Language language) => language == Language.Sv ? "avsluta" : "peru";

    private static string Prefix(Language language) => language == Language.Sv ? "/" + Languages.SwedishPathPrefix : string.Empty;

    public static string Subscribe(Language language) => $"{Prefix(language)}/{Segment(language)}";

    public static string Sent(Language language) => $"{Subscribe(language)}/{SentSegment(language)}";

    public static string Confirm(Language language, string token) => $"{Subscribe(language)}/{ConfirmSegment(language)}/{token}";

    public static string Unsubscribe(Language language, string token) => $"{Subscribe(language)}/{UnsubscribeSegment(language)}/{token}";

    /// <summary>Whether the path is a confirmation or unsubscribe link (its last segment is a token).</summary>
    public static bool IsTokenLink(string path) => TokenPrefix(path) is not null;

    public static string WithoutToken(string path) => TokenPrefix(path) is { } prefix ? prefix + "{token}" : path;

    private static string? TokenPrefix(string path) =>
        Languages.All.SelectMany(language => new[] { ConfirmSegment(language), UnsubscribeSegment(language) }.Select(segment => $"{Subscribe(language)}/{segment}/"))
            .FirstOrDefault(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public static class Templates
    {
        public static string Subscribe(Language language) => SubscriptionUrls.Subscribe(language).TrimStart('/');

        public static string Sent(Language language) => SubscriptionUrls.Sent(language).TrimStart('/');

        public static string Confirm(Language language) => SubscriptionUrls.Confirm(language, "{token}").TrimStart('/');

        public static string Unsubscribe(Language language) => SubscriptionUrls.Unsubscribe(language, "{token}").TrimStart('/');
    }
}

/// <summary>The portal's secret paths: the private comment links and the subscription token links.</summary>
internal sealed class PortalSecretPaths : ISecretPaths
{
    public bool IsSecret(string path) => SiteUrls.IsCommentLink(path) || SubscriptionUrls.IsTokenLink(path);

    public string Redact(string path) => SubscriptionUrls.WithoutToken(SiteUrls.WithoutSecrets(path));
}
