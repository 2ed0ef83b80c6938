namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// Request paths that carry a secret (a commenter's private link holds its token in the path).
/// The URL scheme that defines them registers the implementation; logging and the security
/// headers only ask.
/// </summary>
public interface ISecretPaths
{
    /// <summary>Whether the path itself is a secret that must not travel on as a Referer.</summary>
    bool IsSecret(string path);

    /// <summary>The path with any secret replaced by a placeholder, fit for a log.</summary>
    string Redact(string path);
}
