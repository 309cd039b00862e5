namespace Orderly.Application.Persistence.Schema;

/// <summary>The database engines Orderly runs on: the embedded SQLite file (default) or a PostgreSQL server.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
