namespace Tietosuoja.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// The policy for every response, except private comment links: their address is a secret, so
    /// browsers are told never to send it onwards as a Referer, not even to the portal itself.
    /// </summary>
    public static IServiceCollection AddPortalSecurityHeaders(this IServiceCollection services, bool isDevelopment)
    {
        var privateLinkPolicy = CreatePolicy(isDevelopment).AddReferrerPolicyNoReferrer();
        services.AddSecurityHeaderPolicies(builder => builder
            .SetDefaultPolicy(CreatePolicy(isDevelopment))
            .SetPolicySelector(context => context.HttpContext.RequestServices.GetRequiredService<ISecretPaths>().IsSecret(context.HttpContext.Request.Path.Value ?? string.Empty)
                ? privateLinkPolicy
                : context.SelectedPolicy));
        return services;
    }

    /// <summary>
    /// Headers on every response. Scripts and styles come only from the portal itself, so the CSP
    /// needs no 'unsafe-inline' or 'unsafe-eval' and no nonces (which would defeat output caching).
    /// </summary>
    private static HeaderPolicyCollection CreatePolicy(bool isDevelopment)
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
                // Event recordings: a video file may live on a video service over HTTPS; its caption track is always the portal's own.
                builder.AddMediaSrc().Self().OverHttps();
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
