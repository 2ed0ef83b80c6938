using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.Web.Comments;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>A comment form's stamp is single-use: the same form sent twice stores one comment, and both answers lead to it.</summary>
public sealed class DoubleSubmissionTests : IAsyncLifetime
{
    private readonly CommentingPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task The_same_form_posted_twice_in_parallel_stores_one_comment_and_both_answers_lead_to_its_private_link()
    {
        var client = _portal.NewClient();
        var form = await client.GetPageAsync(CommentingPortal.FormUrl);
        _portal.Advance(TimeSpan.FromSeconds(30));
        var fields = CommentingPortal.ValidFields("Lähetetty kahdesti.");

        var responses = await Task.WhenAll(
            client.PostFormAsync(form, "form.comment-form", fields),
            client.PostFormAsync(form, "form.comment-form", fields));

        var comment = Assert.Single(await _portal.CommentsAsync());
        Assert.Equal("Lähetetty kahdesti.", comment.Text);
        var tokens = responses.Select(CommentingPortal.TokenFrom).ToList();
        Assert.Equal(tokens[0], tokens[1]);
        Assert.All(responses, r => Assert.EndsWith("?sent=true", r.Headers.Location!.OriginalString, StringComparison.Ordinal));
        var confirmation = await client.GetPageAsync(responses[1].Headers.Location!.OriginalString);
        Assert.Contains("Kiitos kommentistasi!", confirmation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_again_later_leads_to_the_same_comment_and_a_new_form_stores_a_new_one()
    {
        var client = _portal.NewClient();
        var form = await client.GetPageAsync(CommentingPortal.FormUrl);
        _portal.Advance(TimeSpan.FromSeconds(30));
        var fields = CommentingPortal.ValidFields("Ensimmäinen.");

        var first = CommentingPortal.TokenFrom(await client.PostFormAsync(form, "form.comment-form", fields));
        _portal.Advance(TimeSpan.FromMinutes(5));
        fields["Input.Text"] = "Sama lomake, muutettu teksti.";
        var again = CommentingPortal.TokenFrom(await client.PostFormAsync(form, "form.comment-form", fields));
        var other = CommentingPortal.TokenFrom(await _portal.SubmitAsync(client, CommentingPortal.ValidFields("Toinen lomake.")));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(["Ensimmäinen.", "Toinen lomake."], (await _portal.CommentsAsync()).Select(c => c.Text));
    }

    [Fact]
    public async Task Used_stamps_are_forgotten_once_they_have_expired_and_never_kept_in_the_clear()
    {
        var token = CommentingPortal.TokenFrom(await _portal.SubmitAsync(_portal.NewClient(), CommentingPortal.ValidFields()));
        var used = Assert.Single(await _portal.WithDbAsync(db => db.UsedFormStamps.AsNoTracking().ToListAsync()));
        Assert.DoesNotContain(token, used.ProtectedToken, StringComparison.Ordinal);
        Assert.Equal(32, used.StampHash.Length);

        _portal.Advance(SubmissionGuard.FormLifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await ForgetAsync());
        _portal.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await ForgetAsync());

        Assert.Empty(await _portal.WithDbAsync(db => db.UsedFormStamps.ToListAsync()));
        Assert.Single(await _portal.CommentsAsync());
    }

    private async Task<int> ForgetAsync()
    {
        using var scope = _portal.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().ForgetExpiredFormStampsAsync(CancellationToken.None);
    }
}
