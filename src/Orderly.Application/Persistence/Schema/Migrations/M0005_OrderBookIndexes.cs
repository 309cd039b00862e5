using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Indexes for the hot queries of a large order book, and a sortable copy of the order date. EF Core cannot compare or
/// sort DateTimeOffset on SQLite, so the order list sorts and filters on <c>received_at_utc</c>, a generated column
/// (<see cref="SchemaDialect.OrderDateSortKey"/>). The list's sort key is (received_at_utc, number), newest first.
/// </summary>
[Migration(5, "0005_order_book_indexes")]
public sealed class M0005_OrderBookIndexes(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Alter.Table("sales_orders").AddColumn("received_at_utc").AsCustom(Dialect.SortableInstant)
            .Computed(Dialect.OrderDateSortKey, Dialect.OrderDateSortKeyStored).Nullable();

        // The order list: every filter combination (none, status, customer, customer + status), each followed by the sort
        // key, so a page is a range read of one index (also for a date range) and never a sort of every match.
        // They replace (status) and (customer_id, status), which are their prefixes.
        Delete.Index("ix_sales_orders_status").OnTable("sales_orders");
        Delete.Index("ix_sales_orders_customer_status").OnTable("sales_orders");
        OrderListIndex("ix_sales_orders_received");
        OrderListIndex("ix_sales_orders_status_received", "status");
        OrderListIndex("ix_sales_orders_customer_received", "customer_id");
        OrderListIndex("ix_sales_orders_customer_status_received", "customer_id", "status");

        // Lines of a SKU with their order: covering, so finding the orders of a SKU reads no line row.
        Delete.Index("ix_order_lines_sku").OnTable("order_lines");
        Create.Index("ix_order_lines_sku_order").OnTable("order_lines").OnColumn("sku").Ascending().OnColumn("order_id").Ascending();

        // Stock of a SKU in all warehouses (the primary key starts with warehouse_id).
        Create.Index("ix_stock_levels_sku").OnTable("stock_levels").OnColumn("sku");

        // Purchase-order lines of a SKU with their purchase order, covering as above.
        Delete.Index("ix_purchase_order_lines_sku").OnTable("purchase_order_lines");
        Create.Index("ix_purchase_order_lines_sku_order").OnTable("purchase_order_lines")
            .OnColumn("sku").Ascending().OnColumn("purchase_order_id").Ascending();
    }

    private void OrderListIndex(string name, params string[] filters)
    {
        var index = Create.Index(name).OnTable("sales_orders");
        foreach (var column in filters) index.OnColumn(column).Ascending();
        index.OnColumn("received_at_utc").Ascending().OnColumn("number").Ascending();
    }
}
