using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 9: how many orders stand in each status, kept by every save (OrdersByStatus.TrackAsync), so that the metrics
/// endpoint reads one row per status instead of counting the order book on every scrape (ADR 0016).
/// </summary>
[Migration(13, "0013_order_status_counts")]
public sealed class M0013_OrderStatusCounts(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("order_status_counts")
            // an OrderStatus name, as sales_orders.status stores it
            .WithColumn("status").AsString().NotNullable().PrimaryKey()
            .WithColumn("orders").AsInt64().NotNullable();

        // The book as it stands: counted once here, through ix_sales_orders_status_received. A status without a row has no
        // orders; the first save that moves an order into it counts it (from the same index) and adds the row.
        Execute.Sql("INSERT INTO order_status_counts (status, orders) SELECT status, COUNT(*) FROM sales_orders GROUP BY status");
    }
}
