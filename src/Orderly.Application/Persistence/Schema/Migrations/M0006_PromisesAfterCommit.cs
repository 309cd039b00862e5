using System.Globalization;
using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>Promises after commit (ADR 0009): the SKUs whose promises are to be recomputed, and each SKU's open demand.</summary>
[Migration(6, "0006_promises_after_commit")]
public sealed class M0006_PromisesAfterCommit(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        // One row per SKU waiting for its promises to be recomputed; a change while it waits bumps generation instead of
        // adding a row, so many changes to a hot SKU cost one recomputation.
        Create.Table("promise_refresh_queue")
            .WithColumn("sku").AsString().NotNullable().PrimaryKey()
            .WithColumn("queued_at").AsInt64().NotNullable() // Unix time in milliseconds
            .WithColumn("generation").AsInt64().NotNullable();
        Create.Index("ix_promise_refresh_queue_queued").OnTable("promise_refresh_queue").OnColumn("queued_at");

        // Ordered minus shipped over every line of an open order (Draft to Fulfilling), reserved quantity included, per SKU.
        // Kept by every save that changes an order; a missing row is counted from the lines when first needed.
        Create.Table("sku_open_demand")
            .WithColumn("sku").AsString().NotNullable().PrimaryKey()
            .WithColumn("open_quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("counted_at").AsCustom(Dialect.Instant).NotNullable();

        // Promises on existing databases were computed the old way: recompute every SKU with lines once (now, to the second).
        var now = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() * 1000).ToString(CultureInfo.InvariantCulture);
        Execute.Sql($"INSERT INTO promise_refresh_queue (sku, queued_at, generation) SELECT DISTINCT sku, {now}, 1 FROM order_lines");
    }
}
