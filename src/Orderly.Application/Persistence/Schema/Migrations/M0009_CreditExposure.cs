using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Credit exposure per customer, kept by every save (CreditExposure), so that review reads one row instead of the
/// customer's orders and invoices.
/// </summary>
[Migration(9, "0009_credit_exposure")]
public sealed class M0009_CreditExposure(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        // What each customer has on order (approved to partially invoiced, not yet invoiced, gross) and owes (invoiced,
        // unpaid), in the customer's currency. A missing row is counted from the customer's orders and invoices when first
        // needed.
        Create.Table("customer_credit")
            .WithColumn("customer_id").AsCustom(Dialect.Id).NotNullable().PrimaryKey().ForeignKey("customers", "id")
            .WithColumn("open_orders_amount").AsCustom(Dialect.Money).NotNullable()
            .WithColumn("open_receivables").AsCustom(Dialect.Money).NotNullable();

        // What this order counts in its customer's open_orders_amount (0 outside Approved..PartiallyInvoiced). Orders saved
        // before this migration are set when their customer's row is first counted.
        Alter.Table("sales_orders").AddColumn("credit_exposure").AsCustom(Dialect.Money).NotNullable().WithDefaultValue("0.0");

        // An invoice with an amount still open; the oldest due of a customer's open invoices is read through the index.
        Alter.Table("invoices").AddColumn("is_open").AsCustom(Dialect.Flag).NotNullable().WithDefaultValue(true);
        Execute.Sql($"UPDATE invoices SET is_open = ({Dialect.Number("total_amount")} > {Dialect.Number("paid_amount")})");
        Execute.Sql($"CREATE INDEX ix_invoices_customer_open_due ON invoices (customer_id, due_on) WHERE {Dialect.IsSet("is_open")}");
    }
}
