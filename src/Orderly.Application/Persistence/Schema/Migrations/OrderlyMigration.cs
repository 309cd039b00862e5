using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// A step of the one schema history both providers share (ADR 0014). A migration is written once: column types and the few
/// provider-specific SQL fragments come from <see cref="Dialect"/>, which <see cref="SchemaMigrator"/> hands to each
/// migration's constructor. There are no down-migrations: going back means restoring a backup, as before. Never edit a
/// migration that has shipped; add the next number.
/// </summary>
public abstract class OrderlyMigration(SchemaDialect dialect) : Migration
{
    /// <summary>How the database this migration runs on spells each type and fragment.</summary>
    protected SchemaDialect Dialect { get; } = dialect;

    public sealed override void Down() =>
        throw new NotSupportedException("Orderly's migrations only go up; restore a backup to go back (ADR 0014).");
}
