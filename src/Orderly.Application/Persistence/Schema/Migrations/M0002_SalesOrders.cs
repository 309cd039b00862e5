using System.Data;
using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>Sales orders, their lines, reservations and history.</summary>
[Migration(2, "0002_sales_orders")]
public sealed class M0002_SalesOrders(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("sales_orders")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("number").AsString().NotNullable()
            .WithColumn("customer_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("customers", "id")
            .WithColumn("currency").AsString().NotNullable()
            .WithColumn("status").AsString().NotNullable()
            .WithColumn("hold_reason").AsString().Nullable()
            .WithColumn("hold_note").AsString().NotNullable()
            .WithColumn("requested_date").AsCustom(Dialect.Day).Nullable()
            .WithColumn("note").AsString().NotNullable()
            .WithColumn("invoiced_amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("paid_amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("received_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("updated_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("version").AsInt32().NotNullable();
        Create.Index("ux_sales_orders_number").OnTable("sales_orders").OnColumn("number").Unique();
        Create.Index("ix_sales_orders_customer_status").OnTable("sales_orders").OnColumn("customer_id").Ascending().OnColumn("status").Ascending();
        Create.Index("ix_sales_orders_status").OnTable("sales_orders").OnColumn("status");

        Create.Table("order_lines")
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().PrimaryKey().ForeignKey("sales_orders", "id").OnDelete(Rule.Cascade)
            .WithColumn("line_no").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("product_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("products", "id")
            .WithColumn("sku").AsString().NotNullable()
            .WithColumn("description").AsString().NotNullable()
            .WithColumn("unit").AsString().NotNullable()
            .WithColumn("unit_decimals").AsInt32().NotNullable()
            .WithColumn("quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("unit_price").AsCustom(Dialect.Money).Nullable()
            .WithColumn("list_price").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("max_discount_percent").AsCustom(Dialect.Rate).NotNullable()
            .WithColumn("tax_rate").AsCustom(Dialect.Rate).NotNullable()
            .WithColumn("reserved_quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("shipped_quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("invoiced_quantity").AsCustom(Dialect.Quantity).NotNullable();
        Create.Index("ix_order_lines_sku").OnTable("order_lines").OnColumn("sku");

        Create.Table("line_reservations")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable()
            .WithColumn("line_no").AsInt32().NotNullable()
                .ForeignKey("fk_line_reservations_order_lines", "order_lines", "line_no")
                .Over(["order_id", "line_no"], ["order_id", "line_no"]).OnDelete(Rule.Cascade)
            .WithColumn("warehouse_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("warehouses", "id")
            .WithColumn("sku").AsString().NotNullable()
            .WithColumn("quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("reserved_at").AsCustom(Dialect.Instant).NotNullable();
        Create.Index("ix_line_reservations_order").OnTable("line_reservations").OnColumn("order_id");

        Create.Table("order_history")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("sales_orders", "id").OnDelete(Rule.Cascade)
            .WithHistoryEntry(Dialect);
        Create.Index("ix_order_history_order").OnTable("order_history").OnColumn("order_id").Ascending().OnColumn("id").Ascending();
    }
}
