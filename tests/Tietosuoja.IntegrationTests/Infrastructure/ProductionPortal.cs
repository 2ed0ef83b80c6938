using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tietosuoja.TestSupport;

namespace Tietosuoja.IntegrationTests.Infrastructure;

/// <summary>The portal as it runs in Production: Entra ID, the public address and a key-ring certificate configured, reached over https.</summary>
public static class ProductionPortal
{
    public const string BaseUrl = "https://tietosuoja.example.fi/";

    public static PortalFactory Create(string contentRoot, TestCertificate? certificate, bool withBaseUrl = true)
    {
        var factory = new PortalFactory(contentRoot).WithEnvironment("Production")
            .WithSetting("AzureAd:TenantId", "00000000-0000-0000-0000-000000000001")
            .WithSetting("AzureAd:ClientId", "00000000-0000-0000-0000-000000000002");
        if (withBaseUrl)
        {
            factory.WithSetting("Site:BaseUrl", BaseUrl);
        }

        if (certificate is not null)
        {
            factory.WithSetting("DataProtection:CertificatePath", certificate.Path)
                .WithSetting("DataProtection:CertificatePassword", certificate.Password);
        }

        return factory;
    }

    public static HttpClient Client(PortalFactory factory) => factory.CreateClient(new() { BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false });
}

/// <summary>A self-signed RSA certificate with its private key in a password-protected PFX file, made for one test.</summary>
public sealed class TestCertificate : IDisposable
{
    public TestCertificate(string subject = "CN=Tietosuoja key ring (test)")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tietosuoja-keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, Password));
    }

    public string Path { get; }

    public string Password { get; }

    public void Dispose() => File.Delete(Path);
}
