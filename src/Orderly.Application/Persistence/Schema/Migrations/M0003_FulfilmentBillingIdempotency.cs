using System.Data;
using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>Shipments, invoices and payments, and the idempotency keys of retried requests.</summary>
[Migration(3, "0003_fulfilment_billing_idempotency")]
public sealed class M0003_FulfilmentBillingIdempotency(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("shipments")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("number").AsString().NotNullable()
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("sales_orders", "id")
            .WithColumn("shipped_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("shipped_by").AsString().NotNullable();
        Create.Index("ux_shipments_number").OnTable("shipments").OnColumn("number").Unique();
        Create.Index("ix_shipments_order").OnTable("shipments").OnColumn("order_id");

        Create.Table("shipment_lines")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("shipment_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("shipments", "id").OnDelete(Rule.Cascade)
            .WithColumn("order_line_no").AsInt32().NotNullable()
            .WithColumn("warehouse_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("warehouses", "id")
            .WithColumn("sku").AsString().NotNullable()
            .WithColumn("quantity").AsCustom(Dialect.Quantity).NotNullable();
        Create.Index("ix_shipment_lines_shipment").OnTable("shipment_lines").OnColumn("shipment_id");

        Create.Table("invoices")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("number").AsString().NotNullable()
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("sales_orders", "id")
            .WithColumn("customer_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("customers", "id")
            .WithColumn("currency").AsString().NotNullable()
            .WithColumn("issued_on").AsCustom(Dialect.Day).NotNullable()
            .WithColumn("due_on").AsCustom(Dialect.Day).NotNullable()
            .WithColumn("net_amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("tax_amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("total_amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("paid_amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("issued_at").AsCustom(Dialect.Instant).NotNullable();
        Create.Index("ux_invoices_number").OnTable("invoices").OnColumn("number").Unique();
        Create.Index("ix_invoices_order").OnTable("invoices").OnColumn("order_id");
        Create.Index("ix_invoices_customer").OnTable("invoices").OnColumn("customer_id");

        Create.Table("invoice_lines")
            .WithColumn("invoice_id").AsCustom(Dialect.Id).NotNullable().PrimaryKey().ForeignKey("invoices", "id").OnDelete(Rule.Cascade)
            .WithColumn("order_line_no").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("sku").AsString().NotNullable()
            .WithColumn("description").AsString().NotNullable()
            .WithColumn("quantity").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("unit_price").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("tax_rate").AsCustom(Dialect.Rate).NotNullable()
            .WithColumn("net_amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("tax_amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("gross_amount").AsCustom(Dialect.Money).NotNullable();

        Create.Table("payments")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("invoice_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("invoices", "id")
            .WithColumn("amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("received_on").AsCustom(Dialect.Day).NotNullable()
            .WithColumn("reference").AsString().NotNullable()
            .WithColumn("recorded_by").AsString().NotNullable()
            .WithColumn("recorded_at").AsCustom(Dialect.Instant).NotNullable();
        Create.Index("ix_payments_invoice").OnTable("payments").OnColumn("invoice_id");

        // Replaced by migration 8 (keys per caller and operation).
        Create.Table("idempotency_keys")
            .WithColumn("scope").AsString().NotNullable().PrimaryKey()
            .WithColumn("key").AsString().NotNullable().PrimaryKey()
            .WithColumn("request_hash").AsString().NotNullable()
            .WithColumn("status_code").AsInt32().NotNullable()
            .WithColumn("response_body").AsString().NotNullable()
            .WithColumn("location").AsString().Nullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable();
    }
}
