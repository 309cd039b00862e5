using Microsoft.EntityFrameworkCore;
using Orderly.Domain.Sales;

namespace Orderly.Application.Persistence;

/// <summary>
/// Sales orders with a line of one SKU, found from that SKU's lines (<c>ix_order_lines_sku_order</c>) and then each
/// order by its key, so the cost follows the SKU's lines, not the book. Written in SQL because SQLite has no row
/// statistics here and, left to choose, starts from the orders' status index (every open order of every SKU);
/// <c>CROSS JOIN</c> is how SQLite is told which table to read first. Compose status filters and includes on top.
/// </summary>
internal static class OrdersBySku
{
    public static IQueryable<SalesOrder> WithLineOf(this DbSet<SalesOrder> orders, string sku) =>
        orders.FromSql($"""
            SELECT DISTINCT sku_order.* FROM order_lines AS sku_line
            CROSS JOIN sales_orders AS sku_order ON sku_order.id = sku_line.order_id
            WHERE sku_line.sku = {sku}
            """);
}
