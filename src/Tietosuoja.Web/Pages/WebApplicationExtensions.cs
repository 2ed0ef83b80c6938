using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Net.Http.Headers;
using Tietosuoja.Web.Editing;

namespace Tietosuoja.Web.Pages;

public static class WebApplicationExtensions
{
    /// <summary>The application property by which WebApplication knows that the pipeline authenticates already (AuthAppBuilderExtensions).</summary>
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    /// <summary>Razor Pages with the localized routes, security headers, output caching and health checks.</summary>
    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddPortalSecurityHeaders(environment.IsDevelopment());
        services.AddRazorPages(options =>
            {
                LocalizedRoutes.Apply(options.Conventions);
                options.Conventions.AuthorizeFolder("/Editor", EditorPolicies.Editor);
                options.Conventions.AuthorizePage("/Editor/Audit", EditorPolicies.Admin);
                options.Conventions.AllowAnonymousToPage("/Editor/SignIn");
                // Unpublished text, personal data, a private link's answer: never cached, never indexed.
                options.Conventions.AddFolderApplicationModelConvention("/Editor", model => model.Filters.Add(new PrivatePageFilter()));
                options.Conventions.AddPageApplicationModelConvention("/Comments/Manage", model => model.Filters.Add(new PrivatePageFilter()));
                options.Conventions.AddPageApplicationModelConvention("/Events/Registration", model => model.Filters.Add(new PrivatePageFilter()));
                options.Conventions.AddPageApplicationModelConvention("/Subscriptions/Confirm", model => model.Filters.Add(new PrivatePageFilter()));
                options.Conventions.AddPageApplicationModelConvention("/Subscriptions/Unsubscribe", model => model.Filters.Add(new PrivatePageFilter()));
            })
            .AddViewLocalization()
            .AddMvcOptions(options => options.Filters.Add<Pages.DatabaseUnavailableFilter>());
        // A negative number is a typing error, not a wish: the start fails and says which setting.
        services.AddOptions<SearchConcurrencyOptions>().BindConfiguration(SearchConcurrencyOptions.Section)
            .Validate(o => o.ConcurrentSearches >= 0, "Search:ConcurrentSearches must be 0 (one search per processor) or a positive number.")
            .Validate(o => o.QueuedSearches >= 0, "Search:QueuedSearches must be 0 (no queue: refuse at once) or a positive number.")
            .ValidateOnStart();
        services.AddSingleton<SearchConcurrency>();
        services.AddPortalOutputCache();
        services.AddPortalCompression();
        services.AddPortalCookies(environment);
        services.AddHealthChecks();
        // Finnish and Swedish letters as themselves rather than as &#xE4; entities: smaller, readable pages.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        return services;
    }

    /// <summary>The request pipeline, in the order that matters.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UsePortalRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseSecurityHeaders();
        // Culture first, so that error pages re-executed below still know the reader's language.
        app.UsePortalLocalization();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRouting();
        app.UsePageMethods();
        app.UseFormRecovery();
        // Every identity the portal knows comes from a cookie (the editor's sign-in, or the OpenID
        // Connect correlation cookie its callback needs), so a request without one has nobody to
        // authenticate: readers skip the handlers. Editor pages still get their challenge from authorization.
        app.UseWhen(context => context.Request.Headers.ContainsKey(HeaderNames.Cookie), branch => branch.UseAuthentication());
        // WebApplication puts an authentication middleware of its own in front of the whole pipeline,
        // for every request, unless UseAuthentication marked the application itself; the branch
        // above marks only the branch's copy of the properties. This is the mark it looks for.
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSet] = true;
        app.UseAuthorization();
        // Normalized before the cache (one entry per encoding), compressed inside it (stored compressed).
        app.UseAcceptEncodingNormalization();
        app.UseOutputCache();
        app.UseResponseCompression();

        // Declared methods let routing answer anything else with 405 and an Allow header.
        var probeMethods = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithMetadata(probeMethods);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteHealth }).WithMetadata(probeMethods);
        // wwwroot, compressed at build and publish, under fingerprinted URLs that the layout's
        // AssetUrls (Pages/AssetUrls.cs) writes into the layout (immutable for a year); the plain URLs revalidate.
        // Answered by routing itself: a file needs no page methods, form, sign-in, output cache or
        // compression (it negotiates its own precompressed encoding and Vary), only what runs
        // before routing (request log, security headers, error pages). Its bytes come from memory.
        InMemoryWebRoot.Use(app.Environment);
        app.MapStaticAssets().ShortCircuit();
        app.MapDiscovery();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    /// <summary>
    /// The overall status as plain text, as load balancers read it; with <c>Accept: application/json</c>
    /// each check's status and description too (which content generation, which search dictionaries).
    /// Descriptions name files and packages, never personal data.
    /// </summary>
    private static Task WriteHealth(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        if (!context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status.ToString());
        }

        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
