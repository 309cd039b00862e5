using FluentMigrator.Runner.VersionTableInfo;

namespace Orderly.Application.Persistence.Schema;

/// <summary>
/// FluentMigrator keeps its applied versions in <c>schema_migrations (version, name, applied_at)</c>, the table the SQL
/// migrator before ADR 0014 wrote. A database it created is therefore already at its version for FluentMigrator: nothing is
/// copied, and upgrading it in place runs only the migrations above its highest version.
/// </summary>
internal sealed class SchemaMigrationsTable : IVersionTableMetaData
{
    public bool OwnsSchema => false;
    public string SchemaName => "";
    public string TableName => "schema_migrations";
    public string ColumnName => "version";
    public string DescriptionColumnName => "name";
    public string AppliedOnColumnName => "applied_at";
    public string UniqueIndexName => "ux_schema_migrations_version";
    public bool CreateWithPrimaryKey => false;
}
