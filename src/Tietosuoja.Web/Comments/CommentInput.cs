using Tietosuoja.Web.Infrastructure.Mail;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Comments;

/// <summary>
/// What a commenter types, and the one place of the comment form's rules. The same rules run when
/// the form is checked and again just before storing, so nothing is ever stored half-way or
/// against the rules. Free text follows <see cref="PlainText"/>: blank text (invisible spaces
/// included) counts as missing, and characters that cannot be shown are refused.
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

    /// <summary>Mail me when the comment is answered or its status changes (needs <see cref="Email"/>).</summary>
    public bool NotifyOnHandling { get; set; }

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
        NotifyOnHandling = comment.NotifyOnHandling,
    };

    public IReadOnlyList<FieldProblem> Validate(ChapterVersion version)
    {
        List<FieldProblem?> problems =
        [
            PlainText.Check(nameof(Text), Text, PortalDbContext.CommentTextMaxLength, requiredMessage: "Error_TextRequired", tooLongMessage: "Error_TextTooLong"),
        ];

        if (!string.IsNullOrEmpty(Section) && !version.Body.HasAnchor(Section))
        {
            problems.Add(new(nameof(Section), "Error_SectionUnknown"));
        }

        var type = ParsedOrganisationType;
        if (type is null)
        {
            problems.Add(new(nameof(OrganisationType), "Error_OrganisationTypeRequired"));
        }

        var organisation = PlainText.Check(nameof(OrganisationName), OrganisationName, PortalDbContext.NameMaxLength, required: false, tooLongMessage: "Error_NameTooLong");
        problems.Add(organisation is null && type == Data.OrganisationType.PrivatePerson && !PlainText.IsBlank(OrganisationName)
            ? new(nameof(OrganisationName), "Error_PrivatePersonOrganisation")
            : organisation);
        problems.Add(PlainText.Check(nameof(AuthorName), AuthorName, PortalDbContext.NameMaxLength, required: false, tooLongMessage: "Error_NameTooLong"));

        problems.Add(PlainText.Check(nameof(Email), Email, PortalDbContext.EmailMaxLength, required: false, tooLongMessage: "Error_EmailInvalid")
            ?? (PlainText.IsBlank(Email) || EmailAddress.IsValid(PlainText.Trim(Email)) ? null : new(nameof(Email), "Error_EmailInvalid")));
        if (NotifyOnHandling && PlainText.IsBlank(Email))
        {
            problems.Add(new(nameof(NotifyOnHandling), "Error_NotifyNeedsEmail"));
        }

        return [.. problems.OfType<FieldProblem>()];
    }

    /// <summary>Copies the input onto the entity; optional fields left blank are stored as null.</summary>
    public void ApplyTo(Comment comment, ChapterVersion version)
    {
        comment.Text = Text!;
        comment.SectionAnchor = string.IsNullOrEmpty(Section) ? null : Section;
        comment.SectionHeading = comment.SectionAnchor is null ? null : version.Body.Headings.First(h => h.Anchor == comment.SectionAnchor).Text;
        comment.OrganisationType = ParsedOrganisationType!.Value;
        comment.OrganisationName = PlainText.TrimToNull(OrganisationName);
        comment.AuthorName = PlainText.TrimToNull(AuthorName);
        comment.Email = PlainText.TrimToNull(Email);
        comment.ConsentToPublish = ConsentToPublish;
        comment.NotifyOnHandling = NotifyOnHandling && comment.Email is not null;
    }
}
