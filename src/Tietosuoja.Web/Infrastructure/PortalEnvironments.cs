namespace Tietosuoja.Web.Infrastructure;

/// <summary>The environments in which the portal may run without its production settings.</summary>
public static class PortalEnvironments
{
    /// <summary>Integration and browser tests.</summary>
    public const string Testing = "Testing";

    /// <summary>
    /// Development and Testing: plain http, the local sign-in, defaults for the public address and
    /// an unencrypted key ring are allowed. Everywhere else they are refused at start-up.
    /// </summary>
    public static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(Testing);
}
