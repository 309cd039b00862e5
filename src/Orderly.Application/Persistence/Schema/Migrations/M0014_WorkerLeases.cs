using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 9 item 5: one row per background job (the replenishment scan, the idempotency purge, the re-promise worker, the
/// webhook dispatch) saying which server instance may run it and until when (<see cref="WorkerLease"/>, ADR 0018). Every
/// statement on it goes by name, the primary key, so the key is the only index it needs.
/// </summary>
[Migration(14, "0014_worker_leases")]
public sealed class M0014_WorkerLeases(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("worker_leases")
            .WithColumn("name").AsString().NotNullable().PrimaryKey()
            // the InstanceId of the server that holds it: machine, process id, a short random part
            .WithColumn("holder").AsString().NotNullable()
            // a UTC instant compared with the taker's clock: sortable text on SQLite, timestamptz on PostgreSQL
            .WithColumn("expires_at").AsCustom(Dialect.SortableInstant).NotNullable()
            // when the holder took it (kept while it renews), for the operator reading the table
            .WithColumn("acquired_at").AsCustom(Dialect.SortableInstant).NotNullable();
    }
}
