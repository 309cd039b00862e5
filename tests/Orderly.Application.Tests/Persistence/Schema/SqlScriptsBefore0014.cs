using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Orderly.Application.Tests.Persistence.Schema;

/// <summary>
/// The SQLite schema history as it shipped before ADR 0014: the ten SQL scripts beside this file, applied the way the
/// SQL migrator applied them (each in a transaction with its row in schema_migrations). Kept only to build databases
/// as that release left them, and to compare the C# migrations' schema with theirs.
/// </summary>
internal static class SqlScriptsBefore0014
{
    public const int LastVersion = 11;

    public static void Apply(string connectionString, int upToVersion = LastVersion)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var (version, name, sql) in Scripts().Where(s => s.Version <= upToVersion))
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, tx, sql);
            Execute(connection, tx, $"INSERT INTO schema_migrations VALUES ({version}, '{name}', '{DateTimeOffset.UtcNow:O}')");
            tx.Commit();
        }
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(SqlScriptsBefore0014).Assembly;
        var prefix = typeof(SqlScriptsBefore0014).FullName + ".";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var name = resource[prefix.Length..^".sql".Length];
            yield return (int.Parse(name[..4], CultureInfo.InvariantCulture), name, reader.ReadToEnd());
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
