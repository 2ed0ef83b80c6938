using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Guidance.Search;
using Tietosuoja.Web.Pages;

var builder = WebApplication.CreateBuilder(args);
if (builder.Environment.IsEnvironment(PortalEnvironments.Testing))
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
builder.Services.AddSingleton<StartupTimeline>();
builder.Services.Configure<StartupOptions>(builder.Configuration.GetSection("Startup"));
builder.Services.AddSingleton<BackgroundStart>();

// Voikko and the persisted analyses of the guidance's words (ADR 0017) need nothing from the host
// (AddGuidance has set their options), so they are read while the host is built.
var dictionaries = args.Contains(MigrationCommand.Argument) ? Task.CompletedTask : Task.Run(() => _ = LanguageTools.Default);
var app = builder.Build();
try
{
    if (args.Contains(MigrationCommand.Argument))
    {
        return await app.Services.RunMigrationsAsync();
    }

    // Start-up work runs side by side, and all of it is done before the server accepts a request:
    // the search dictionaries (above), the database (migration check, then the rounds, the events
    // and the Data Protection key ring, each a first query of its own), the content snapshot (from
    // the store, or rendered with its search index) and the request pipeline (MapRazorPages reflects
    // over every page model), which needs none of the others: middleware is only instantiated when
    // the server starts. The database chain is the longest and goes first. Only the Swedish Hunspell
    // dictionary, which the analyses make unnecessary for the index, is read after the server
    // listens (ADR 0017), with the background workers' first passes (BackgroundStart).
    var timeline = app.Services.GetRequiredService<StartupTimeline>();
    timeline.Reached("host built");
    var database = timeline.InBackground("database ready", async () =>
    {
        await app.PrepareDatabaseAsync();
        await Task.WhenAll(Task.Run(app.InitializeCommentsAsync), Task.Run(app.InitializeEventsAsync), Task.Run(app.Services.LoadKeyRing));
    });
    var content = timeline.InBackground("content loaded", () => app.Services.GetRequiredService<ContentStore>());
    var searchDictionaries = timeline.After("search dictionaries loaded", dictionaries);
    app.UsePortal();
    timeline.Reached("pipeline built");
    await Task.WhenAll(searchDictionaries, content, database);
    await app.StartAsync();
    timeline.Reached("listening");
    await app.WaitForShutdownAsync();
    return 0;
}
finally
{
    // Disposing the host disposes the logger, whose batched console sink then writes its last
    // events: those of stopping, or the error that ended a failed start.
    await app.DisposeAsync();
}

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
