using FluentMigrator;
using static Orderly.Application.Persistence.Schema.Migrations.ColumnConstraints;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Master data and the stock ledger. Codes and SKUs are unique; reserved stock stays between 0 and on hand (ADR 0003).
/// </summary>
[Migration(1, "0001_master_data_and_stock")]
public sealed class M0001_MasterDataAndStock(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("customers")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("code").AsString().NotNullable()
            .WithColumn("name").AsString().NotNullable()
            .WithColumn("currency").AsString().NotNullable()
            .WithColumn("credit_limit").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("payment_terms_days").AsInt32().NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable();

        Create.Index("ux_customers_code").OnTable("customers").OnColumn("code").Unique();

        Create.Table("products")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("sku").AsString().NotNullable()
            .WithColumn("name").AsString().NotNullable()
            .WithColumn("unit").AsString().NotNullable()
            .WithColumn("unit_decimals").AsInt32().NotNullable()
            .WithColumn("list_price").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("currency").AsString().NotNullable()
            .WithColumn("tax_rate").AsCustom(Dialect.Rate).NotNullable()
            .WithColumn("max_discount_percent").AsCustom(Dialect.Rate).NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable();

        Create.Index("ux_products_sku").OnTable("products").OnColumn("sku").Unique();

        Create.Table("warehouses")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("code").AsString().NotNullable()
            .WithColumn("name").AsString().NotNullable()
            .WithColumn("priority").AsInt32().NotNullable();

        Create.Index("ux_warehouses_code").OnTable("warehouses").OnColumn("code").Unique();

        Create.Table("stock_levels")
            .WithColumn("warehouse_id").AsCustom(Dialect.Id).NotNullable().PrimaryKey().ForeignKey("warehouses", "id")
            .WithColumn("sku").AsString().NotNullable().PrimaryKey().ForeignKey("products", "sku")
            .WithColumn("on_hand").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("reserved").AsCustom(Checked(Dialect.Quantity, Dialect.ReservedWithinOnHand)).NotNullable();

        Create.Table("stock_movements")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("warehouse_id").AsCustom(Dialect.Id).NotNullable()
            .WithColumn("sku").AsString().NotNullable()
                .ForeignKey("fk_stock_movements_stock_levels", "stock_levels", "sku").Over(["warehouse_id", "sku"], ["warehouse_id", "sku"])
            .WithColumn("kind").AsString().NotNullable()
            .WithColumn("on_hand_change").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("reserved_change").AsCustom(Dialect.Quantity).NotNullable()
            .WithColumn("order_id").AsCustom(Dialect.Id).Nullable()
            .WithColumn("reference").AsString().NotNullable()
            .WithColumn("actor").AsString().NotNullable()
            .WithColumn("at").AsCustom(Dialect.Instant).NotNullable();
        Create.Index("ix_stock_movements_stock").OnTable("stock_movements").OnColumn("warehouse_id").Ascending().OnColumn("sku").Ascending();
        Create.Index("ix_stock_movements_order").OnTable("stock_movements").OnColumn("order_id");

        Create.Table("number_sequences")
            .WithColumn("name").AsString().NotNullable().PrimaryKey()
            .WithColumn("year").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("next_value").AsInt64().NotNullable();
    }
}
