using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Orderly.Application.Persistence;

/// <summary>
/// Prepares the database at start: creates the SQLite file's folder, switches to WAL (readers do not block the
/// writer), and applies pending migrations. The SQLite-specific steps live here and nowhere else.
/// </summary>
public static class DatabaseSetup
{
    public const string Provider = "sqlite";

    /// <summary>Which database this context uses, for the start-up log: provider and full file path, never credentials.</summary>
    public static string Describe(OrderlyDbContext db)
    {
        var settings = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        return settings.DataSource is "" or ":memory:" || settings.Mode == SqliteOpenMode.Memory
            ? "SQLite, in memory"
            : $"SQLite, file {Path.GetFullPath(settings.DataSource)}";
    }

    public static async Task<IReadOnlyList<SchemaMigrator.Script>> PrepareAsync(OrderlyDbContext db, CancellationToken ct = default)
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
            return await new SchemaMigrator(connection, Provider).MigrateAsync(ct: ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
