using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Tietosuoja.Web.Comments;

/// <summary>
/// The secret in a commenter's private link: 256 random bits, URL-safe. Only its SHA-256 hash is
/// stored, so a copy of the database does not let anyone edit or withdraw comments.
/// </summary>
public static class CommentToken
{
    private const int TokenBytes = 32;

    /// <summary>Length of a token as text (Base64url without padding).</summary>
    public const int Length = 43;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Null for anything that cannot be a token, so such input never reaches the database.</summary>
    public static byte[]? HashOf(string? token) =>
        token is { Length: Length } && Base64Url.IsValid(token) ? SHA256.HashData(Encoding.ASCII.GetBytes(token)) : null;
}
