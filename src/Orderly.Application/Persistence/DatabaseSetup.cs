using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence.Schema;

namespace Orderly.Application.Persistence;

/// <summary>
/// Prepares the database at start: creates the SQLite file's folder, switches to WAL (readers do not block the
/// writer), and applies pending migrations (<see cref="SchemaMigrator"/>). The SQLite-specific steps live here and nowhere else.
/// </summary>
public static class DatabaseSetup
{

    /// <summary>Which database this context uses, for the start-up log: provider and full file path, never credentials.</summary>
    public static string Describe(OrderlyDbContext db)
    {
        var settings = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        return settings.DataSource is "" or ":memory:" || settings.Mode == SqliteOpenMode.Memory
            ? "SQLite, in memory"
            : $"SQLite, file {Path.GetFullPath(settings.DataSource)}";
    }

    /// <summary>Makes the database ready and returns the migrations applied now; <paramref name="logMigrations"/> writes their SQL to the console (Orderly:LogSql).</summary>
    public static async Task<IReadOnlyList<SchemaMigration>> PrepareAsync(OrderlyDbContext db, bool logMigrations = false, CancellationToken ct = default)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var file = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new SchemaMigrator(connection.ConnectionString, DatabaseProvider.Sqlite, logMigrations).Migrate();
    }
}
