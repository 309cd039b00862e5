using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orderly.Application.Persistence.Schema;

namespace Orderly.Application.Persistence;

/// <summary>
/// Prepares the database at start and applies pending migrations (<see cref="SchemaMigrator"/>). On SQLite it first
/// creates the file's folder and switches to WAL (readers do not block the writer); a PostgreSQL server needs neither.
/// The provider-specific steps of the start live here and nowhere else.
/// </summary>
public static class DatabaseSetup
{
    /// <summary>Which database this context uses, for the start-up log: provider and file path, or server and database, never credentials.</summary>
    public static string Describe(OrderlyDbContext db)
    {
        if (db.Database.IsNpgsql())
        {
            var server = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            return $"PostgreSQL, database {server.Database ?? server.Username} on {server.Host}:{server.Port}";
        }
        var settings = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        return settings.DataSource is "" or ":memory:" || settings.Mode == SqliteOpenMode.Memory
            ? "SQLite, in memory"
            : $"SQLite, file {Path.GetFullPath(settings.DataSource)}";
    }

    /// <summary>Makes the database ready and returns the migrations applied now; <paramref name="logMigrations"/> writes their SQL to the console (Orderly:LogSql).</summary>
    public static async Task<IReadOnlyList<SchemaMigration>> PrepareAsync(OrderlyDbContext db, bool logMigrations = false, CancellationToken ct = default)
    {
        var connectionString = db.Database.GetConnectionString()!;
        if (db.Database.IsNpgsql()) return await MigrateAloneAsync(connectionString, logMigrations, ct);

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var wal = db.Database.GetDbConnection().CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new SchemaMigrator(connectionString, DatabaseProvider.Sqlite, logMigrations).Migrate();
    }

    /// <summary>
    /// Migrates a PostgreSQL database while holding the session advisory lock <see cref="AdvisoryLocks.Migrations"/>, so that two
    /// instances starting at once on one database do not both apply a migration (ADR 0018): the second waits, then finds
    /// nothing pending. SQLite needs no lock: a migration's transaction takes the file's write lock.
    /// </summary>
    private static async Task<IReadOnlyList<SchemaMigration>> MigrateAloneAsync(string connectionString, bool logMigrations, CancellationToken ct)
    {
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLocks.Migrations})", holder))
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            return new SchemaMigrator(connectionString, DatabaseProvider.PostgreSql, logMigrations).Migrate();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLocks.Migrations})", holder);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
