using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Orderly.Application.Persistence;

/// <summary>
/// Which EF Core provider the context uses for <c>Orderly:Database</c>, with the connection-string defaults each needs.
/// Split queries are the default on both (an order with its lines, reservations and history is four plain reads).
/// </summary>
public static class DatabaseConnection
{
    /// <summary>
    /// Why <paramref name="connectionString"/> cannot serve <paramref name="provider"/> (a SQLite <c>Data Source=…</c> given to
    /// PostgreSQL, a PostgreSQL one without <c>Host</c>), or null when it can. Never repeats the string: it may hold a password.
    /// </summary>
    public static string? ProblemWith(DatabaseProvider provider, string connectionString)
    {
        try
        {
            return provider switch
            {
                DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } ? null
                    : "ConnectionStrings:Orderly names no SQLite file (Data Source=path/orderly.db).",
                DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(connectionString).Host is { Length: > 0 } ? null
                    : "ConnectionStrings:Orderly names no PostgreSQL server (Host=…;Database=…;Username=…), as Orderly:Database = PostgreSQL needs.",
                _ => $"Orderly:Database {provider} is not a database Orderly runs on.",
            };
        }
        catch (ArgumentException e)
        {
            return $"ConnectionStrings:Orderly is not a {(provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} connection string "
                + $"(Orderly:Database = {provider}): {e.Message}";
        }
    }

    /// <summary>Points a context at Orderly's database: the provider of <c>Orderly:Database</c>, with its connection defaults (any context on the same tables, such as the key ring's).</summary>
    public static DbContextOptionsBuilder UseOrderlyDatabase(this DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => db.UseSqlite(SqliteDefaults(connectionString), o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            DatabaseProvider.PostgreSql => db.UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Orderly runs on Sqlite or PostgreSQL."),
        };

    /// <summary>SQLite: foreign keys on, and a generous busy timeout so concurrent writers queue instead of failing.</summary>
    private static string SqliteDefaults(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        if (builder.DefaultTimeout == 30) builder.DefaultTimeout = 60;
        return builder.ToString();
    }
}
