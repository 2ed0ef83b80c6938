using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Pages;

var builder = WebApplication.CreateBuilder(args);
if (builder.Environment.IsEnvironment(Tietosuoja.Web.Infrastructure.PortalEnvironments.Testing))
{
    // Tests run from the build output, where the precompressed assets live in obj/ as in Development.
    builder.WebHost.UseStaticWebAssets();
}

builder.Services.AddPortalLogging(builder.Configuration);
builder.Services.AddPortalTelemetry(builder.Configuration);
builder.Services.AddPortalLocalization();
builder.Services.AddPortalData(builder.Configuration, builder.Environment);
builder.Services.AddPortalMail(builder.Configuration);
builder.Services.AddGuidance(builder.Configuration);
builder.Services.AddComments(builder.Configuration);
builder.Services.AddEditorArea(builder.Configuration, builder.Environment);
builder.Services.AddEvents(builder.Configuration);
builder.Services.AddPublicSite(builder.Configuration, builder.Environment);
builder.Services.AddKeyRingProtection(builder.Configuration, builder.Environment);
builder.Services.AddPortalWeb(builder.Environment);

var app = builder.Build();
if (args.Contains(MigrationCommand.Argument))
{
    var exitCode = await app.Services.RunMigrationsAsync();
    await app.DisposeAsync();
    return exitCode;
}

await app.InitializeCommentsAsync();
await app.InitializeEventsAsync();
app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
