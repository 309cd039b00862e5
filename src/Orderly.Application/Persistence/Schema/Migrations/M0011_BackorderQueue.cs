using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 7: the backorder queue as a table of its own (BackorderQueueEntry), so that arriving goods (a receipt, a
/// cancellation releasing stock), the backorder list and stock positions read the head of a SKU's queue instead of every
/// committed order with a line of the SKU. One row per committed (Confirmed, Fulfilling) order line with quantity still
/// to reserve, kept by every save (BackorderQueue.TrackAsync) and by the re-promise worker when it moves a promised date.
/// </summary>
[Migration(11, "0011_backorder_queue")]
public sealed class M0011_BackorderQueue(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("backorder_queue")
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("line_no").AsInt32().NotNullable().PrimaryKey()
                .ForeignKey("fk_backorder_queue_order_lines", "order_lines", "line_no")
                .Over(["order_id", "line_no"], ["order_id", "line_no"]).OnDelete(System.Data.Rule.Cascade)
            .WithColumn("sku").AsString().NotNullable()
            .WithColumn("priority").AsInt32().NotNullable()
            // the line's promised date, 9999-12-31 when it has none (served last)
            .WithColumn("serve_by").AsCustom(Dialect.Day).NotNullable()
            // sales_orders.received_at_utc
            .WithColumn("ordered_at_utc").AsCustom(Dialect.SortableInstant).NotNullable()
            .WithColumn("order_number").AsString().NotNullable();

        // The fair queue of a SKU (ADR 0008) and of every SKU, each a range read in serving order.
        Create.Index("ix_backorder_queue_sku_place").OnTable("backorder_queue").OnColumn("sku").Ascending()
            .OnColumn("priority").Ascending().OnColumn("serve_by").Ascending().OnColumn("ordered_at_utc").Ascending()
            .OnColumn("order_number").Ascending().OnColumn("line_no").Ascending();
        Create.Index("ix_backorder_queue_place").OnTable("backorder_queue")
            .OnColumn("priority").Ascending().OnColumn("serve_by").Ascending().OnColumn("ordered_at_utc").Ascending()
            .OnColumn("order_number").Ascending().OnColumn("line_no").Ascending();

        // The lines waiting today. On SQLite quantities are decimal text compared as REAL; the tolerance is far below the
        // smallest unit Orderly accepts (6 decimals).
        var toReserve = $"{Dialect.Number("l.quantity")} - {Dialect.Number("l.reserved_quantity")} - {Dialect.Number("l.shipped_quantity")}";
        Execute.Sql("INSERT INTO backorder_queue (order_id, line_no, sku, priority, serve_by, ordered_at_utc, order_number) " +
                    "SELECT l.order_id, l.line_no, l.sku, o.priority, COALESCE(l.promised_date, '9999-12-31'), o.received_at_utc, o.number " +
                    "FROM order_lines l JOIN sales_orders o ON o.id = l.order_id " +
                    $"WHERE o.status IN ('Confirmed', 'Fulfilling') AND {toReserve} > 0.000000001");
    }
}
