using System.Collections.Immutable;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.UnitTests.Comments;

public sealed class CommentRulesTests
{
    private static readonly ChapterVersion Version = new(
        "oikeusperusteet", Language.Fi, new VersionNumber(1, 2), "Käsittelyn oikeusperusteet", VersionStatus.Consultation,
        new DateOnly(2026, 11, 16), "S",
        new RenderedDocument("<h2 id=\"suostumus\">Suostumus</h2>", ImmutableArray.Create(new Heading(2, "Suostumus", "suostumus"))), "", [], "f");

    private static CommentInput Valid() => new() { Text = "Kommentti", OrganisationType = nameof(OrganisationType.Municipality) };

    [Fact]
    public void A_minimal_comment_is_valid_and_blank_optional_fields_are_stored_as_null()
    {
        var input = Valid();
        input.AuthorName = "  ";
        input.Email = string.Empty;
        var comment = new Comment { TokenHash = [], ChapterId = "c", Text = string.Empty };

        Assert.Empty(input.Validate(Version));
        input.ApplyTo(comment, Version);

        Assert.Null(comment.AuthorName);
        Assert.Null(comment.Email);
        Assert.Null(comment.SectionAnchor);
        Assert.Equal("Kommentti", comment.Text);
    }

    [Theory]
    [InlineData("matti@example.org", true)]
    [InlineData("matti.meikalainen@kunta.fi", true)]
    [InlineData("matti@", false)]
    [InlineData("matti@localhost", false)]
    [InlineData("Matti <matti@example.org>", false)]
    [InlineData("matti example.org", false)]
    public void Email_addresses_are_checked_for_a_usable_form(string email, bool valid)
    {
        var input = Valid();
        input.Email = email;

        Assert.Equal(valid, input.Validate(Version).All(e => e.Field != nameof(CommentInput.Email)));
    }

    [Theory]
    [InlineData("\u200B\u00A0\u3000", "Error_TextRequired")]
    [InlineData("Wordin\u000Brivinvaihto", "Error_Unshowable")]
    public void Invisible_text_is_missing_and_unshowable_text_is_refused(string text, string messageKey)
    {
        var input = Valid();
        input.Text = text;

        var problem = Assert.Single(input.Validate(Version));
        Assert.Equal((nameof(CommentInput.Text), messageKey), (problem.Field, problem.MessageKey));
    }

    [Fact]
    public void A_private_person_may_leave_an_invisible_organisation_name_which_is_stored_as_none()
    {
        var input = Valid();
        input.OrganisationType = nameof(OrganisationType.PrivatePerson);
        input.OrganisationName = "\u200B";
        var comment = new Comment { TokenHash = [], ChapterId = "c", Text = string.Empty };

        Assert.Empty(input.Validate(Version));
        input.ApplyTo(comment, Version);
        Assert.Null(comment.OrganisationName);
    }

    [Fact]
    public void The_text_limit_is_inclusive()
    {
        var input = Valid();
        input.Text = new string('a', PortalDbContext.CommentTextMaxLength);
        Assert.Empty(input.Validate(Version));

        input.Text += "a";
        Assert.Equal("Error_TextTooLong", Assert.Single(input.Validate(Version)).MessageKey);
    }

    [Fact]
    public void A_section_must_be_a_heading_of_the_version_and_its_heading_text_is_kept()
    {
        var input = Valid();
        input.Section = "suostumus";
        var comment = new Comment { TokenHash = [], ChapterId = "c", Text = string.Empty };

        input.ApplyTo(comment, Version);
        Assert.Equal("Suostumus", comment.SectionHeading);

        input.Section = "sopimus";
        Assert.Equal("Error_SectionUnknown", Assert.Single(input.Validate(Version)).MessageKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("99")]
    [InlineData("municipality")]
    public void Only_a_named_organisation_type_is_accepted(string value)
    {
        var input = Valid();
        input.OrganisationType = value;

        Assert.Equal("Error_OrganisationTypeRequired", Assert.Single(input.Validate(Version)).MessageKey);
    }

    [Fact]
    public void Tokens_are_random_url_safe_and_only_their_hash_is_comparable()
    {
        var first = CommentToken.Create();
        var second = CommentToken.Create();

        Assert.NotEqual(first, second);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", first);
        Assert.Equal(32, CommentToken.HashOf(first)!.Length);
        Assert.Equal(CommentToken.HashOf(first), CommentToken.HashOf(first));
        Assert.Null(CommentToken.HashOf("short"));
        Assert.Null(CommentToken.HashOf(new string('!', 43)));
    }

    [Theory]
    [InlineData("2026-12-04T10:00:00Z", "fi", "4.12.2026 klo 12.00")]
    [InlineData("2026-06-30T13:00:00Z", "fi", "30.6.2026 klo 16.00")]
    [InlineData("2026-06-30T13:00:00Z", "sv", "30.6.2026 kl. 16.00")]
    public void Times_are_shown_in_finnish_time_with_daylight_saving(string utc, string language, string expected)
    {
        var time = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.True(Languages.TryParse(language, out var lang));

        Assert.Equal(expected, FinnishTime.Format(time, lang));
    }

    [Fact]
    public void A_round_is_open_from_its_opening_up_to_but_not_including_its_closing()
    {
        var opens = new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc);
        var round = new RoundInfo(1, ImmutableDictionary<Language, string>.Empty, ImmutableDictionary<Language, string>.Empty,
            opens, opens.AddDays(14), null, [new RoundTarget("c", new VersionNumber(1, 2))]);

        Assert.Equal(RoundState.Upcoming, round.StateAt(opens.AddTicks(-1)));
        Assert.Equal(RoundState.Open, round.StateAt(opens));
        Assert.Equal(RoundState.Open, round.StateAt(opens.AddDays(14).AddTicks(-1)));
        Assert.Equal(RoundState.Closed, round.StateAt(opens.AddDays(14)));
        Assert.True(round.Covers("c", new VersionNumber(1, 2)));
        Assert.False(round.Covers("c", new VersionNumber(1, 1)));
    }

    [Theory]
    [InlineData("/kommentti/abcDEF123", "/kommentti/{token}")]
    [InlineData("/sv/kommentar/abcDEF123", "/sv/kommentar/{token}")]
    [InlineData("/luku/rekisterinpitaja", "/luku/rekisterinpitaja")]
    [InlineData("/kommentointikierrokset/2", "/kommentointikierrokset/2")]
    public void Private_link_tokens_are_kept_out_of_logged_paths(string path, string logged) =>
        Assert.Equal(logged, SiteUrls.WithoutSecrets(path));
}
