using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tietosuoja.TestSupport;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Data;

namespace Tietosuoja.IntegrationTests.Comments;

/// <summary>
/// Both providers' migration sets against the model. No SQL Server runs here, so its path is
/// proven by the migrations matching the model and by generating the idempotent deployment script.
/// </summary>
public sealed class DatabaseTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteDbContext (see docs/comments.md)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerDbContext (see docs/comments.md)");
        Assert.Equal(
            new SqliteDesignTimeFactory().CreateDbContext([]).Database.GetMigrations().Select(m => m[15..]),
            db.Database.GetMigrations().Select(m => m[15..]));
    }

    [Fact]
    public void The_sql_server_idempotent_script_creates_every_table_once_and_guards_each_migration()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["AuditEntries", "BlockedAddresses", "ChapterDrafts", "CommentNotes", "CommentRevisions", "Comments", "DataProtectionKeys", "EventChapters", "EventRegistrations", "Events", "MailSchedules", "OutboxMails", "RoundVersions", "Rounds", "Subscriptions", "UsedFormStamps"], tables);
        foreach (var table in tables)
        {
            Assert.Equal(1, script.Split($"CREATE TABLE [{table}]").Length - 1);
        }

        Assert.Contains("CREATE UNIQUE INDEX [IX_Comments_TokenHash]", script, StringComparison.Ordinal);
        // The key that makes a comment form's stamp single-use across instances.
        Assert.Contains("CONSTRAINT [PK_UsedFormStamps] PRIMARY KEY ([StampHash])", script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }

        // Written next to the test results, where CI keeps it, for a database administrator to review.
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "sqlserver-migrations.sql"), script);
    }

    [Fact]
    public async Task A_new_sqlite_database_is_created_and_migrated_on_start()
    {
        await using var portal = await CommentingPortal.StartAsync();

        var applied = await portal.WithDbAsync(db => Task.FromResult(db.Database.GetAppliedMigrations().ToList()));

        Assert.True(File.Exists(portal.Factory.DatabasePath));
        Assert.Equal(new SqliteDesignTimeFactory().CreateDbContext([]).Database.GetMigrations(), applied);
        Assert.Equal("wal", await portal.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string)(await command.ExecuteScalarAsync())!;
        }));
    }

    [Theory]
    [InlineData("Sqlite", typeof(SqliteDbContext))]
    [InlineData("SqlServer", typeof(SqlServerDbContext))]
    public void The_provider_is_chosen_by_configuration(string provider, Type expected)
    {
        using var services = Services(provider).BuildServiceProvider();
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.IsType(expected, db);
    }

    [Fact]
    public async Task The_start_up_check_finds_exactly_the_migrations_a_database_lacks()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tietosuoja-migrations-{Guid.NewGuid():N}.db");
        try
        {
            using var services = Services("Sqlite", $"Data Source={file}").BuildServiceProvider();
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var migrations = db.Database.GetMigrations().ToList();

            // No file, so no history table: everything is pending.
            Assert.True(await DataServiceCollectionExtensions.HasPendingMigrationsAsync(db));
            // As a start does before the check: the file guard refuses to open a missing file.
            scope.ServiceProvider.GetRequiredService<SqliteDatabaseFile>().CreateIfMissing();
            Assert.True(await DataServiceCollectionExtensions.HasPendingMigrationsAsync(db));
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            Assert.True(await DataServiceCollectionExtensions.HasPendingMigrationsAsync(db));
            Assert.Equal(migrations[..^1], await db.Database.GetAppliedMigrationsAsync());

            await services.MigrateDatabaseAsync();

            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
            Assert.False(await DataServiceCollectionExtensions.HasPendingMigrationsAsync(db));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("SqlServer")]
    public void The_app_runs_on_the_compiled_model_not_on_one_built_at_start(string provider)
    {
        using var services = Services(provider).BuildServiceProvider();
        using var scope = services.CreateScope();

        var model = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;

        Assert.Same(
            provider == "SqlServer" ? Web.Data.CompiledModels.SqlServer.SqlServerDbContextModel.Instance : Web.Data.CompiledModels.Sqlite.SqliteDbContextModel.Instance,
            model);
    }

    [Fact]
    public void Sql_server_waits_for_a_connection_no_longer_than_for_a_command()
    {
        using var services = Services("SqlServer").BuildServiceProvider();
        using var scope = services.CreateScope();

        var connection = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetConnectionString();

        Assert.Equal(new DatabaseOptions().CommandTimeout.TotalSeconds, new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connection).ConnectTimeout);
    }

    [Fact]
    public void An_unknown_provider_stops_the_app_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services("Postgres"));

        Assert.Contains("Database:Provider is 'Postgres'", error.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Services(string provider, string? connectionString = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString ?? (provider == "SqlServer" ? "Server=db;Database=Tietosuoja;Encrypt=True" : "Data Source=:memory:"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalData(configuration, new TestHostEnvironment(Path.GetTempPath()));
        return services;
    }
}
