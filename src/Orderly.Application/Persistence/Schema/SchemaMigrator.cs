using System.Reflection;
using FluentMigrator;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Persistence.Schema.Migrations;

namespace Orderly.Application.Persistence.Schema;

/// <summary>A migration of the schema history: its number and name (<c>NNNN_what_it_does</c>), as schema_migrations records it.</summary>
public sealed record SchemaMigration(int Version, string Name);

/// <summary>
/// Brings a database up to a version of the one schema history (the C# migrations in Persistence/Schema/Migrations, run by
/// FluentMigrator on SQLite or PostgreSQL; ADR 0014). Each migration runs in its own transaction together with its row in
/// schema_migrations, so a database is always at one known version. Silent unless <paramref name="logSql"/>, which writes
/// every statement to the console.
/// </summary>
public sealed class SchemaMigrator(string connectionString, DatabaseProvider provider, bool logSql = false)
{
    /// <summary>Every migration of the history, by version.</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } = typeof(OrderlyMigration).Assembly.GetTypes()
        .Select(type => (type, migration: type.GetCustomAttribute<MigrationAttribute>()))
        .Where(m => m.migration is not null && typeof(OrderlyMigration).IsAssignableFrom(m.type))
        .Select(m => new SchemaMigration(checked((int)m.migration!.Version), m.migration.Description ?? m.type.Name))
        .OrderBy(m => m.Version)
        .ToList();

    public static int LatestVersion => All[^1].Version;

    /// <summary>Applies every migration not yet applied up to <paramref name="targetVersion"/> (the latest when null); returns them in order.</summary>
    public IReadOnlyList<SchemaMigration> Migrate(int? targetVersion = null)
    {
        using var services = Runner();
        using var scope = services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        var versions = scope.ServiceProvider.GetRequiredService<IVersionLoader>();
        versions.LoadVersionInfo();
        var pending = All.Where(m => m.Version <= (targetVersion ?? int.MaxValue) && !versions.VersionInfo.HasAppliedMigration(m.Version)).ToList();
        if (targetVersion is { } target) runner.MigrateUp(target);
        else runner.MigrateUp();
        return pending;
    }

    private ServiceProvider Runner() => new ServiceCollection()
        .AddSingleton(SchemaDialect.For(provider))
        .AddFluentMigratorCore()
        .ConfigureRunner(runner =>
        {
            var database = provider == DatabaseProvider.Sqlite ? runner.AddSQLite() : runner.AddPostgres15_0();
            database.WithGlobalConnectionString(connectionString)
                .WithVersionTable(new SchemaMigrationsTable())
                .ScanIn(typeof(OrderlyMigration).Assembly).For.Migrations();
        })
        .Configure<FluentMigratorLoggerOptions>(log => log.ShowSql = logSql)
        .AddLogging(logging =>
        {
            if (logSql) logging.AddFluentMigratorConsole();
        })
        .BuildServiceProvider(validateScopes: false);
}
