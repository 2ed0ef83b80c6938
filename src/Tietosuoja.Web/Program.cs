using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPortalLogging(builder.Configuration);
builder.Services.AddPortalLocalization();
builder.Services.AddGuidance(builder.Configuration);
builder.Services.AddPortalWeb();

var app = builder.Build();
app.UsePortal();
app.Run();

/// <summary>Entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
