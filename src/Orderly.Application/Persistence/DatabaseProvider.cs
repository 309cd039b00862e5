namespace Orderly.Application.Persistence;

/// <summary>
/// The database engine Orderly runs on, chosen by the setting <c>Orderly:Database</c>: the embedded SQLite file (default)
/// or a PostgreSQL server (<c>PostgreSQL</c>, any case). The same use cases run on both; what differs is wired in
/// <see cref="DatabaseConnection"/>, <see cref="DatabaseSetup"/>, <see cref="DatabaseErrors"/> and the schema's
/// <see cref="Schema.SchemaDialect"/>.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
