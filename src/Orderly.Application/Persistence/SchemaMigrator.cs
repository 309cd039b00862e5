using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Orderly.Application.Persistence;

/// <summary>
/// Applies the ordered SQL scripts embedded under Persistence/Migrations/{provider}/ (NNNN_name.sql), each in its own
/// transaction together with its row in schema_migrations, so a database is always at one known version.
/// See docs/decisions/0002-hand-written-sql-migrations.md.
/// </summary>
public sealed class SchemaMigrator(DbConnection connection, string provider)
{
    public sealed record Script(int Version, string Name, string Sql);

    public IReadOnlyList<Script> Scripts { get; } = LoadScripts(provider);

    public int LatestVersion => Scripts.Max(s => s.Version);

    /// <summary>Brings the database up to <paramref name="targetVersion"/> (the latest when null); returns the scripts applied.</summary>
    public async Task<IReadOnlyList<Script>> MigrateAsync(int? targetVersion = null, CancellationToken ct = default)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", null, ct);
        var current = await CurrentVersionAsync(ct);
        var pending = Scripts.Where(s => s.Version > current && s.Version <= (targetVersion ?? int.MaxValue)).ToList();
        foreach (var script in pending)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(script.Sql, tx, ct);
            await ExecuteAsync(
                $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({script.Version}, '{script.Name}', '{DateTimeOffset.UtcNow:O}')",
                tx, ct);
            await tx.CommitAsync(ct);
        }
        return pending;
    }

    public async Task<int> CurrentVersionAsync(CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql, DbTransaction? tx, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<Script> LoadScripts(string provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{typeof(SchemaMigrator).Namespace}.Migrations.{provider}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n, n[prefix.Length..^4]))
            .OrderBy(s => s.Version)
            .ToList();
        if (scripts.Count == 0) throw new InvalidOperationException($"No migration scripts are embedded for provider '{provider}'.");
        if (scripts.Select(s => s.Version).Distinct().Count() != scripts.Count)
            throw new InvalidOperationException("Two migration scripts share a version number.");
        return scripts;
    }

    private static Script Read(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var version = int.Parse(fileName[..fileName.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        return new Script(version, fileName, reader.ReadToEnd());
    }
}
