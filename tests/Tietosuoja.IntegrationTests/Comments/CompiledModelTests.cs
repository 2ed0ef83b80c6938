using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>
/// The app runs on the compiled models in Data/CompiledModels (UseModel), not on the model that
/// OnModelCreating builds; a compiled model that lags behind the code would silently lose a column,
/// an index or a conversion. Each test generates the compiled model again the way
/// <c>dotnet ef dbcontext optimize</c> does and compares it with the committed files.
/// </summary>
public sealed partial class CompiledModelTests
{
    [Fact]
    public void The_sqlite_compiled_model_is_generated_from_the_current_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        AssertCurrent(db, "Sqlite");
    }

    [Fact]
    public void The_sql_server_compiled_model_is_generated_from_the_current_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        AssertCurrent(db, "SqlServer");
    }

    private static void AssertCurrent(PortalDbContext db, string provider)
    {
        var regenerate = $"Run in src/Tietosuoja.Web: dotnet ef dbcontext optimize --context {db.GetType().Name} "
            + $"--output-dir Data/CompiledModels/{provider} --namespace Tietosuoja.Web.Data.CompiledModels.{provider} (see docs/comments.md)";
        var webAssembly = typeof(PortalDbContext).Assembly;
#pragma warning disable EF1001 // The tool's own way of assembling the design-time services (provider annotations included).
        var design = new DesignTimeServicesBuilder(webAssembly, webAssembly, new OperationReporter(handler: null), []).Build(db);
#pragma warning restore EF1001
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = db.GetType(),
            ModelNamespace = $"Tietosuoja.Web.Data.CompiledModels.{provider}",
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        var generated = design.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(db.GetService<IDesignTimeModel>().Model, options);

        var folder = Path.Combine(RepoPaths.Root, "src", "Tietosuoja.Web", "Data", "CompiledModels", provider);
        Assert.True(Directory.Exists(folder), regenerate);
        Assert.Equal(
            generated.Select(file => file.Path).Order(StringComparer.Ordinal),
            Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in generated)
        {
            var committed = File.ReadAllText(Path.Combine(folder, file.Path));
            Assert.True(Normalized(file.Code) == Normalized(committed), $"{provider}/{file.Path} is stale. {regenerate}");
        }
    }

    /// <summary>Without the model id (a new GUID at every generation), the byte-order mark and the line endings.</summary>
    private static string Normalized(string code) =>
        ModelId().Replace(code.TrimStart('\uFEFF').ReplaceLineEndings("\n"), "modelId: new Guid()");

    [GeneratedRegex(@"modelId: new Guid\(""[0-9a-f-]{36}""\)")]
    private static partial Regex ModelId();
}
