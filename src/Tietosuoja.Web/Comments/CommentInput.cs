using System.Net.Mail;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Comments;

/// <summary>A validation problem: the form field it concerns and the key of its message in the UI strings.</summary>
public sealed record FieldError(string Field, string MessageKey);

/// <summary>
/// What a commenter types. The same rules run when the form is checked and again just before
/// storing, so nothing is ever stored half-way or against the rules.
/// </summary>
public sealed class CommentInput
{
    public string? Text { get; set; }

    /// <summary>Empty for the whole chapter.</summary>
    public string? Section { get; set; }

    public string? OrganisationType { get; set; }

    public string? OrganisationName { get; set; }

    public string? AuthorName { get; set; }

    public string? Email { get; set; }

    public bool ConsentToPublish { get; set; }

    /// <summary>Only the exact names of the list; numbers such as "0" would otherwise parse too.</summary>
    public OrganisationType? ParsedOrganisationType =>
        OrganisationType is not null && Enum.GetNames<OrganisationType>().Contains(OrganisationType, StringComparer.Ordinal)
            ? Enum.Parse<OrganisationType>(OrganisationType)
            : null;

    public static CommentInput From(Comment comment) => new()
    {
        Text = comment.Text,
        Section = comment.SectionAnchor,
        OrganisationType = comment.OrganisationType.ToString(),
        OrganisationName = comment.OrganisationName,
        AuthorName = comment.AuthorName,
        Email = comment.Email,
        ConsentToPublish = comment.ConsentToPublish,
    };

    public IReadOnlyList<FieldError> Validate(ChapterVersion version)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add(new(nameof(Text), "Error_TextRequired"));
        }
        else if (Text.Length > PortalDbContext.CommentTextMaxLength)
        {
            errors.Add(new(nameof(Text), "Error_TextTooLong"));
        }

        if (!string.IsNullOrEmpty(Section) && !version.Body.HasAnchor(Section))
        {
            errors.Add(new(nameof(Section), "Error_SectionUnknown"));
        }

        var type = ParsedOrganisationType;
        if (type is null)
        {
            errors.Add(new(nameof(OrganisationType), "Error_OrganisationTypeRequired"));
        }

        if (OrganisationName?.Length > PortalDbContext.NameMaxLength)
        {
            errors.Add(new(nameof(OrganisationName), "Error_NameTooLong"));
        }
        else if (type == Data.OrganisationType.PrivatePerson && !string.IsNullOrWhiteSpace(OrganisationName))
        {
            errors.Add(new(nameof(OrganisationName), "Error_PrivatePersonOrganisation"));
        }

        if (AuthorName?.Length > PortalDbContext.NameMaxLength)
        {
            errors.Add(new(nameof(AuthorName), "Error_NameTooLong"));
        }

        if (!string.IsNullOrWhiteSpace(Email) && !IsEmailAddress(Email.Trim()))
        {
            errors.Add(new(nameof(Email), "Error_EmailInvalid"));
        }

        return errors;
    }

    /// <summary>Copies the input onto the entity; optional fields left blank are stored as null.</summary>
    public void ApplyTo(Comment comment, ChapterVersion version)
    {
        comment.Text = Text!;
        comment.SectionAnchor = string.IsNullOrEmpty(Section) ? null : Section;
        comment.SectionHeading = comment.SectionAnchor is null ? null : version.Body.Headings.First(h => h.Anchor == comment.SectionAnchor).Text;
        comment.OrganisationType = ParsedOrganisationType!.Value;
        comment.OrganisationName = Blank(OrganisationName);
        comment.AuthorName = Blank(AuthorName);
        comment.Email = Blank(Email);
        comment.ConsentToPublish = ConsentToPublish;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsEmailAddress(string value) =>
        value.Length <= PortalDbContext.EmailMaxLength
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);
}
