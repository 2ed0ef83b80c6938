namespace Tietosuoja.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers on every response. Scripts and styles come only from the portal itself, so the CSP
    /// needs no 'unsafe-inline' or 'unsafe-eval' and no nonces (which would defeat output caching).
    /// </summary>
    public static HeaderPolicyCollection CreatePolicy(bool isDevelopment)
    {
        var policy = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(builder => builder.SameOrigin())
            .AddPermissionsPolicy(builder =>
            {
                builder.AddCamera().None();
                builder.AddMicrophone().None();
                builder.AddGeolocation().None();
            })
            .AddContentSecurityPolicy(builder =>
            {
                builder.AddDefaultSrc().Self();
                builder.AddScriptSrc().Self();
                builder.AddStyleSrc().Self();
                builder.AddImgSrc().Self().Data();
                builder.AddFontSrc().Self();
                builder.AddConnectSrc().Self();
                builder.AddObjectSrc().None();
                builder.AddBaseUri().Self();
                builder.AddFormAction().Self();
                builder.AddFrameAncestors().None();
            });
        if (!isDevelopment)
        {
            // Sent on HTTPS responses only; TLS terminates at the reverse proxy (docs/deployment.md).
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
        }

        return policy;
    }
}
