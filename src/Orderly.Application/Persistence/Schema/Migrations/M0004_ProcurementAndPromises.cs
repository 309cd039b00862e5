using System.Data;
using FluentMigrator;
using static Orderly.Application.Persistence.Schema.Migrations.ColumnConstraints;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Procurement (suppliers, purchase orders, goods receipts), reorder policies and alerts, explained sourcing and promise
/// dates on sales order lines.
/// </summary>
[Migration(4, "0004_procurement_and_promises")]
public sealed class M0004_ProcurementAndPromises(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Alter.Table("customers").AddColumn("preferred_warehouse_id").AsCustom(Referencing(Dialect.Id, "warehouses", "id")).Nullable();
        // 1 most urgent .. 9; existing orders are normal (5).
        Alter.Table("sales_orders").AddColumn("priority").AsInt32().NotNullable().WithDefaultValue(5);
        Alter.Table("order_lines").AddColumn("promised_date").AsCustom(Dialect.Day).Nullable();
        Alter.Table("order_lines").AddColumn("promise_basis").AsString().NotNullable().WithDefaultValue("");
        Alter.Table("line_reservations").AddColumn("reason").AsString().NotNullable().WithDefaultValue("");

        Create.Table("suppliers")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("code").AsString().NotNullable()
            .WithColumn("name").AsString().NotNullable()
            .WithColumn("currency").AsString().NotNullable()
            .WithColumn("is_available").AsCustom(Dialect.Flag).NotNullable()
            .WithColumn("unavailable_reason").AsString().NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable();
        Create.Index("ux_suppliers_code").OnTable("suppliers").OnColumn("code").Unique();

        // What a supplier sells us: price, lead time, minimum order quantity, and its rank for the SKU (1 = primary).
        Create.Table("supplier_offers")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("supplier_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("suppliers", "id")
            .WithColumn("sku").AsString().NotNullable().ForeignKey("products", "sku")
            .WithColumn("unit_price").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("currency").AsString().NotNullable()
            .WithColumn("lead_time_days").AsInt32().NotNullable()
            .WithColumn("minimum_order_quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("rank").AsInt32().NotNullable();
        Create.Index("ux_supplier_offers_supplier_sku").OnTable("supplier_offers").OnColumn("supplier_id").Ascending().OnColumn("sku").Ascending()
            .WithOptions().Unique();
        Create.Index("ix_supplier_offers_sku").OnTable("supplier_offers").OnColumn("sku").Ascending().OnColumn("rank").Ascending();

        Create.Table("purchase_orders")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("number").AsString().NotNullable()
            .WithColumn("supplier_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("suppliers", "id")
            .WithColumn("warehouse_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("warehouses", "id")
            .WithColumn("currency").AsString().NotNullable()
            .WithColumn("status").AsString().NotNullable()
            .WithColumn("expected_date").AsCustom(Dialect.Day).NotNullable()
            .WithColumn("promised_date").AsCustom(Dialect.Day).Nullable()
            .WithColumn("origin").AsString().NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("updated_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("version").AsInt32().NotNullable();
        Create.Index("ux_purchase_orders_number").OnTable("purchase_orders").OnColumn("number").Unique();
        Create.Index("ix_purchase_orders_status").OnTable("purchase_orders").OnColumn("status");

        Create.Table("purchase_order_lines")
            .WithColumn("purchase_order_id").AsCustom(Dialect.Id).NotNullable().PrimaryKey().ForeignKey("purchase_orders", "id").OnDelete(Rule.Cascade)
            .WithColumn("line_no").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("sku").AsString().NotNullable().ForeignKey("products", "sku")
            .WithColumn("quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("received_quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("unit_price").AsCustom(Dialect.Money).NotNullable();
        Create.Index("ix_purchase_order_lines_sku").OnTable("purchase_order_lines").OnColumn("sku");

        Create.Table("purchase_order_history")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("purchase_order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("purchase_orders", "id").OnDelete(Rule.Cascade)
            .WithHistoryEntry(Dialect);
        Create.Index("ix_purchase_order_history_po").OnTable("purchase_order_history")
            .OnColumn("purchase_order_id").Ascending().OnColumn("id").Ascending();

        // Goods received against a purchase order line; each posts a Receipt movement in the stock ledger.
        Create.Table("goods_receipts")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("purchase_order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("purchase_orders", "id")
            .WithColumn("line_no").AsInt32().NotNullable()
            .WithColumn("warehouse_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("warehouses", "id")
            .WithColumn("sku").AsString().NotNullable()
            .WithColumn("quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("reference").AsString().NotNullable()
            .WithColumn("received_by").AsString().NotNullable()
            .WithColumn("received_at").AsCustom(Dialect.Instant).NotNullable();
        Create.Index("ix_goods_receipts_po").OnTable("goods_receipts").OnColumn("purchase_order_id");

        // Sales order line <-> purchase order line: which open supply a backorder waits for.
        Create.Table("backorder_links")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("sales_orders", "id")
            .WithColumn("order_line_no").AsInt32().NotNullable()
            .WithColumn("purchase_order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("purchase_orders", "id")
            .WithColumn("purchase_order_line_no").AsInt32().NotNullable()
            .WithColumn("quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("linked_at").AsCustom(Dialect.Instant).NotNullable();
        Create.Index("ux_backorder_links_lines").OnTable("backorder_links")
            .OnColumn("order_id").Ascending().OnColumn("order_line_no").Ascending()
            .OnColumn("purchase_order_id").Ascending().OnColumn("purchase_order_line_no").Ascending()
            .WithOptions().Unique();
        Create.Index("ix_backorder_links_po").OnTable("backorder_links")
            .OnColumn("purchase_order_id").Ascending().OnColumn("purchase_order_line_no").Ascending();

        Create.Table("reorder_policies")
            .WithColumn("warehouse_id").AsCustom(Dialect.Id).NotNullable().PrimaryKey().ForeignKey("warehouses", "id")
            .WithColumn("sku").AsString().NotNullable().PrimaryKey().ForeignKey("products", "sku")
            .WithColumn("reorder_point").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("safety_stock").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("reorder_quantity").AsCustom(Dialect.Quantity).Nullable()
            .WithColumn("max_stock").AsCustom(Dialect.Quantity).Nullable()
            .WithColumn("updated_at").AsCustom(Dialect.Instant).NotNullable();

        // Low-stock and late-delivery alerts; at most one open (not resolved) alert per dedupe key.
        Create.Table("stock_alerts")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("kind").AsString().NotNullable()
            .WithColumn("status").AsString().NotNullable()
            .WithColumn("dedupe_key").AsString().NotNullable()
            .WithColumn("warehouse_id").AsCustom(Dialect.Id).Nullable().ForeignKey("warehouses", "id")
            .WithColumn("sku").AsString().Nullable()
            .WithColumn("purchase_order_id").AsCustom(Dialect.Id).Nullable().ForeignKey("fk_stock_alerts_purchase_order", "purchase_orders", "id")
            .WithColumn("proposal_id").AsCustom(Dialect.Id).Nullable().ForeignKey("fk_stock_alerts_proposal", "purchase_orders", "id")
            .WithColumn("message").AsString().NotNullable()
            .WithColumn("raised_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("acknowledged_at").AsCustom(Dialect.Instant).Nullable()
            .WithColumn("acknowledged_by").AsString().Nullable()
            .WithColumn("resolved_at").AsCustom(Dialect.Instant).Nullable()
            .WithColumn("resolved_by").AsString().Nullable()
            .WithColumn("resolution").AsString().Nullable();
        Execute.Sql("CREATE UNIQUE INDEX ux_stock_alerts_open ON stock_alerts (dedupe_key) WHERE status <> 'Resolved'");
        Create.Index("ix_stock_alerts_status").OnTable("stock_alerts").OnColumn("status").Ascending().OnColumn("raised_at").Ascending();
    }
}
