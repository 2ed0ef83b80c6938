using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Pages.Editor;

namespace Tietosuoja.UnitTests.Editing;

/// <summary>The rules of the round form, the handling form and the lenient form reader: each form's one place of rules.</summary>
public sealed class FormRulesTests : IDisposable
{
    private static readonly DateTime Opens = new(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc);

    private readonly ContentFolderBuilder _content = new ContentFolderBuilder()
        .WithChapter("rekisterinpitaja", "rekisterinpitaja", "personuppgiftsansvarig")
        .WithVersion("rekisterinpitaja", "fi", "1.0");

    public void Dispose() => _content.Dispose();

    private ContentSnapshot Snapshot => new ContentLoader(new MarkdownRenderer()).Load(_content.Root, 1).Snapshot!;

    private static RoundDraft Draft(string title = "Kierros", string swedishTitle = "Runda") =>
        new(title, swedishTitle, "Kuvaus.", "Beskrivning.", Opens, Opens.AddDays(14), [new RoundTarget("rekisterinpitaja", new VersionNumber(1, 0))]);

    [Fact]
    public void A_complete_round_draft_has_no_problems() => Assert.Empty(Draft().Validate(Snapshot));

    [Theory]
    [InlineData("\u200B\u00A0", "Error_Required")]
    [InlineData("Kierros\u000B", "Error_Unshowable")]
    [InlineData("Kier\u0000ros", "Error_Unshowable")]
    public void Round_titles_follow_the_free_text_rule(string title, string messageKey)
    {
        var problem = Assert.Single(Draft(title).Validate(Snapshot));

        Assert.Equal((nameof(RoundDraft.TitleFi), messageKey), (problem.Field, problem.MessageKey));
    }

    [Fact]
    public void A_too_long_round_title_names_the_limit()
    {
        var problem = Assert.Single(Draft(swedishTitle: new string('a', PortalDbContext.TitleMaxLength + 1)).Validate(Snapshot));

        Assert.Equal((nameof(RoundDraft.TitleSv), "Error_TooLongMax"), (problem.Field, problem.MessageKey));
        Assert.Equal([PortalDbContext.TitleMaxLength], problem.Arguments);
    }

    [Fact]
    public void A_round_closes_after_it_opens_covers_existing_versions_and_from_the_form_does_not_start_in_the_past()
    {
        var draft = Draft() with { ClosesAt = Opens, Targets = [new RoundTarget("rekisterinpitaja", new VersionNumber(9, 0))] };

        Assert.Equal(["ClosesAt:Error_RoundClosesBeforeOpening", "Targets:Error_RoundUnknownVersion"], draft.Validate(Snapshot).Select(p => $"{p.Field}:{p.MessageKey}"));
        Assert.Equal("Error_RoundOpensInPast", Assert.Single(Draft().Validate(Snapshot, earliestOpening: Opens.AddMinutes(1))).MessageKey);
        Assert.Equal("Targets", Assert.Single((Draft() with { Targets = [] }).Validate(Snapshot)).Field);
    }

    [Fact]
    public void The_round_form_reports_unreadable_times_and_leaves_their_order_unasked()
    {
        var input = new RoundInput { TitleFi = "Kierros", TitleSv = "Runda", DescriptionFi = "K", DescriptionSv = "B", OpensAt = "huomenna", ClosesAt = "2026-12-15T16:00", Versions = ["rekisterinpitaja@1.0"] };

        var problems = input.Validate(Snapshot, earliestOpening: null, out _);

        Assert.Equal(["OpensAt:Error_BadTime"], problems.Select(p => $"{p.Field}:{p.MessageKey}"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("\u200B", true)]
    [InlineData("Kiitos, lisäämme esimerkin.", true)]
    [InlineData("Kiitos\u001F", false)]
    public void An_editors_response_is_optional_but_must_be_showable(string? answer, bool valid) =>
        Assert.Equal(valid, new HandlingInput { Answer = answer }.Validate().Count == 0);

    [Fact]
    public void The_lenient_form_reader_keeps_nul_characters_for_the_rules_and_drops_values_over_the_limit()
    {
        var options = new FormOptions { ValueLengthLimit = 10 };

        var (form, faults) = FormRecovery.Recover("Input.Text=a%00b&Input.Name=" + new string('x', 11) + "&Other=ok+too", options);

        Assert.NotNull(form);
        Assert.Equal("a\0b", form["Input.Text"]);
        Assert.Equal(string.Empty, form["Input.Name"]);
        Assert.Equal("ok too", form["Other"]);
        Assert.Equal([("Input.Text", FormFault.NulCharacter), ("Input.Name", FormFault.TooLarge)], faults.Fields);
    }

    [Fact]
    public async Task A_body_over_the_servers_limit_is_answered_413_and_goes_no_further()
    {
        var reachedPage = false;
        var app = new ApplicationBuilder(new ServiceCollection().AddOptions().BuildServiceProvider());
        app.UseFormRecovery();
        app.Run(_ =>
        {
            reachedPage = true;
            return Task.CompletedTask;
        });
        var context = new DefaultHttpContext { RequestServices = app.ApplicationServices };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new TooLargeBody();
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new CompiledPageActionDescriptor()), "page"));

        await app.Build()(context);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.False(reachedPage);
    }

    [Fact]
    public void A_body_with_more_fields_than_the_reader_allows_is_no_form()
    {
        var (form, _) = FormRecovery.Recover(string.Join('&', Enumerable.Range(0, 5).Select(i => $"f{i}=%00")), new FormOptions { ValueCountLimit = 4 });

        Assert.Null(form);
    }

    /// <summary>What Kestrel's request body does once more than its limit has been sent.</summary>
    private sealed class TooLargeBody : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
    }
}
