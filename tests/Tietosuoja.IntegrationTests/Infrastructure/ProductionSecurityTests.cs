using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Tietosuoja.IntegrationTests.Comments;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Infrastructure;

/// <summary>
/// Production refuses to start without its public address and the key-ring certificate, stores
/// the key ring encrypted, and sets only Secure, HttpOnly, SameSite, <c>__Host-</c> cookies.
/// </summary>
public sealed class ProductionSecurityTests : IDisposable
{
    private readonly ContentFolderBuilder _content = ContentFolderBuilder.CopyOfFixtureContent();
    private readonly TestCertificate _certificate = new();

    [Fact]
    public void Production_refuses_to_start_without_a_key_ring_certificate()
    {
        using var factory = ProductionPortal.Create(_content.Root, certificate: null);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("DataProtection:CertificatePath is not set in the 'Production' environment", error.AllMessages(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_a_certificate_file_it_cannot_open()
    {
        using var factory = ProductionPortal.Create(_content.Root, _certificate).WithSetting("DataProtection:CertificatePassword", "väärä");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("could not be read as a PFX file with the given password", error.AllMessages(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_to_start_without_the_public_address()
    {
        using var factory = ProductionPortal.Create(_content.Root, _certificate, withBaseUrl: false);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Site:BaseUrl is not set in the 'Production' environment", error.AllMessages(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted_and_another_instance_with_the_certificate_reads_it()
    {
        byte[] sealedPayload;
        var copy = Path.Combine(Path.GetTempPath(), $"tietosuoja-keyring-{Guid.NewGuid():N}.db");
        using (var first = ProductionPortal.Create(_content.Root, _certificate))
        {
            Assert.Equal(HttpStatusCode.OK, (await ProductionPortal.Client(first).GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
            sealedPayload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("salaisuus"u8.ToArray());
            var keys = await CommentingPortal.WithDbAsync(first, db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
            var xml = Assert.Single(keys).Xml!;
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            // The plain master key element is what a back-up reader would need; it is not there.
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            await CommentingPortal.WithDbAsync(first, db => db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", copy));
        }

        // A replica (here, a fresh process on a copy of the database) decrypts the stored key with the same certificate.
        try
        {
            using var second = ProductionPortal.Create(_content.Root, _certificate).WithSetting("Database:ConnectionString", $"Data Source={copy}");
            second.CreateClient();
            var opened = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedPayload);
            Assert.Equal("salaisuus"u8.ToArray(), opened);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task Every_cookie_is_secure_http_only_same_site_and_host_prefixed()
    {
        using var factory = ProductionPortal.Create(_content.Root, _certificate).WithServices(services =>
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
            {
                // No network here: the sign-in redirect is built from a fixed configuration instead of Entra's metadata.
                oidc.Configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = "https://login.example.com/authorize", Issuer = "https://login.example.com/" };
                oidc.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(oidc.Configuration);
            }));
        await CommentingPortal.CreateRoundAsync(factory, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7), ("oikeusperusteet", "1.2"));
        var client = ProductionPortal.Client(factory);

        var form = await client.GetAsync(new Uri(CommentingPortal.FormUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = Assert.Single(SetCookies(form));
        Assert.StartsWith("__Host-Tietosuoja.Antiforgery=", antiforgery, StringComparison.Ordinal);
        AssertHostCookie(antiforgery, "strict");

        // Signing in starts at Entra ID: the correlation and nonce cookies must come back on its cross-site form post.
        var challenge = await client.GetAsync(new Uri("/toimitus", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("https://login.example.com/authorize", challenge.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(ProductionPortal.BaseUrl + "signin-oidc"), challenge.Headers.Location.Query, StringComparison.Ordinal);
        var oidcCookies = SetCookies(challenge);
        Assert.Equal(2, oidcCookies.Count);
        Assert.Contains(oidcCookies, c => c.StartsWith("__Host-Tietosuoja.Correlation.", StringComparison.Ordinal));
        Assert.Contains(oidcCookies, c => c.StartsWith("__Host-Tietosuoja.Nonce.", StringComparison.Ordinal));
        Assert.All(oidcCookies, c => AssertHostCookie(c, "none"));

        // The sign-in cookie and TempData notices are only set after Entra ID: their settings, as built for an https request.
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        var signIn = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie;
        var tempData = factory.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie;
        foreach (var (cookie, name) in new[] { (signIn, "__Host-Tietosuoja.Editor"), (tempData, "__Host-Tietosuoja.TempData") })
        {
            Assert.Equal(name, cookie.Name);
            var built = cookie.Build(context);
            Assert.True(built.Secure);
            Assert.True(built.HttpOnly);
            Assert.Equal(SameSiteMode.Lax, built.SameSite);
            Assert.Equal("/", built.Path);
            Assert.Null(built.Domain);
        }
    }

    [Fact]
    public async Task Production_answers_only_to_its_own_host()
    {
        using var factory = ProductionPortal.Create(_content.Root, _certificate);
        var client = ProductionPortal.Client(factory);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/syote", UriKind.Relative));
        forged.Headers.Host = "evil.example";
        var response = await client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static void AssertHostCookie(string setCookie, string sameSite)
    {
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains("samesite=" + sameSite, attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _content.Dispose();
    }
}
