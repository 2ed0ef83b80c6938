using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Tietosuoja.Web.Data;

/// <summary>The "DataProtection" configuration section: the certificate that encrypts the key ring at rest (ADR 0014).</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX file with the certificate and its private key, such as a mounted secret.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>After a rotation, the certificate the older keys were encrypted with, to keep reading them.</summary>
    public string? PreviousCertificatePath { get; set; }

    public string? PreviousCertificatePassword { get; set; }
}

public static class KeyRingProtection
{
    /// <summary>
    /// Encrypts every Data Protection key with the configured certificate before it is stored in the
    /// database, so that a copy of the database (a back-up, an export) cannot forge antiforgery
    /// tokens or editors' sign-in cookies. Required outside Development and Testing: the app
    /// refuses to start without it, as it does without Entra ID.
    /// </summary>
    public static IServiceCollection AddKeyRingProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (PortalEnvironments.IsLocal(environment))
            {
                return services;
            }

            throw new InvalidOperationException(
                $"DataProtection:CertificatePath is not set in the '{environment.EnvironmentName}' environment. The Data Protection key ring " +
                "is stored in the database and must be encrypted there, or a copy of the database could forge sign-in cookies and form " +
                "tokens. Mount a PFX certificate with its private key and set DataProtection:CertificatePath and " +
                "DataProtection:CertificatePassword (see docs/deployment.md and docs/decisions/0014-key-ring-encrypted-with-a-certificate.md).");
        }

        var current = Load(options.CertificatePath, options.CertificatePassword, "DataProtection:CertificatePath");
        var keyRing = services.AddDataProtection().ProtectKeysWithCertificate(current);
        if (!string.IsNullOrWhiteSpace(options.PreviousCertificatePath))
        {
            // Keys written before a rotation stay readable (and so do the cookies and tokens they signed) until they expire.
            keyRing.UnprotectKeysWithAnyCertificate(Load(options.PreviousCertificatePath, options.PreviousCertificatePassword, "DataProtection:PreviousCertificatePath"));
        }

        return services;
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting} is '{path}', but there is no such file. Mount the PFX certificate there.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException($"{setting} '{path}' could not be read as a PFX file with the given password.", exception);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"{setting} '{path}' has no RSA private key; the key ring needs one to encrypt and decrypt its keys.");
        }

        return certificate;
    }
}
