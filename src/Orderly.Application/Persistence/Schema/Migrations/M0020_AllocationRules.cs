using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 11 item 2: allocation rules as data (<c>allocation_rules</c>, <c>Workflow/AllocationRule</c>), with the people
/// each rule allocates among as a JSON list of user ids; and the two master-data facts rules select on that Orderly did
/// not keep yet: a customer's sales region (<c>customers.region</c>) and a product's product line
/// (<c>products.product_line</c>), empty until set. The rules are few (at most 500) and read whole once per unit of
/// work, so they need no index beyond the unique name.
/// </summary>
[Migration(20, "0020_allocation_rules")]
public sealed class M0020_AllocationRules(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Alter.Table("customers").AddColumn("region").AsString().NotNullable().WithDefaultValue("");
        Alter.Table("products").AddColumn("product_line").AsString().NotNullable().WithDefaultValue("");

        Create.Table("allocation_rules")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("name").AsString().NotNullable().Unique("ux_allocation_rules_name")
            .WithColumn("position").AsInt32().NotNullable()
            .WithColumn("department").AsString().NotNullable()
            // an OrderStep by name (Review); null: every step of the department
            .WithColumn("step").AsString().Nullable()
            .WithColumn("customer_id").AsCustom(Dialect.Id).Nullable().ForeignKey("customers", "id")
            .WithColumn("region").AsString().Nullable()
            .WithColumn("product_line").AsString().Nullable()
            .WithColumn("min_order_value").AsCustom(Dialect.Money).Nullable()
            .WithColumn("max_order_value").AsCustom(Dialect.Money).Nullable()
            .WithColumn("currency").AsString().Nullable()
            .WithColumn("max_priority").AsInt32().Nullable()
            // JSON: the user ids the rule allocates among
            .WithColumn("people").AsString().NotNullable()
            .WithColumn("overflow").AsCustom(Dialect.Flag).NotNullable()
            .WithColumn("updated_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("updated_by").AsString().NotNullable();
    }
}
