using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>Issue 8, items 13 and 14: which receipt served which backorder, and whether a line's reservation was tried.</summary>
[Migration(10, "0010_served_backorders_and_reservation_attempts")]
public sealed class M0010_ServedBackordersAndReservationAttempts(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        // History of which goods receipt (and so which purchase order line) served which sales order line. Append-only: the
        // re-promise rewrites backorder_links (what a line still waits for) but never touches this table.
        Create.Table("served_backorders")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("sales_orders", "id")
            .WithColumn("order_line_no").AsInt32().NotNullable()
            .WithColumn("purchase_order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("purchase_orders", "id")
            .WithColumn("purchase_order_line_no").AsInt32().NotNullable()
            .WithColumn("goods_receipt_id").AsInt64().NotNullable().ForeignKey("goods_receipts", "id")
            .WithColumn("quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("served_at").AsCustom(Dialect.Instant).NotNullable();
        Create.Index("ix_served_backorders_order").OnTable("served_backorders").OnColumn("order_id");
        Create.Index("ix_served_backorders_po").OnTable("served_backorders")
            .OnColumn("purchase_order_id").Ascending().OnColumn("purchase_order_line_no").Ascending();

        // Whether a reservation was tried for the line: what is unreserved before a try is "not yet reserved", after one it
        // is "backordered". Lines of orders that went through a reservation before this version were tried.
        Alter.Table("order_lines").AddColumn("reservation_tried").AsCustom(Dialect.Flag).NotNullable().WithDefaultValue(false);
        Execute.Sql("UPDATE order_lines SET reservation_tried = TRUE WHERE order_id IN (SELECT order_id FROM order_history WHERE action = 'reserve')");

        // Open low-stock alerts of a SKU, read when stock, supply or demand of the SKU moves (alerts resolve at the event).
        Create.Index("ix_stock_alerts_sku_status").OnTable("stock_alerts").OnColumn("sku").Ascending().OnColumn("status").Ascending();
    }
}
