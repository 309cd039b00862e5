using Microsoft.EntityFrameworkCore;

namespace Orderly.Application.Persistence;

/// <summary>
/// Hot-SKU locks in one fixed order (ADR 0017). A unit of work that changes the stock of several rows (an order's
/// reservation over its lines and warehouses, a shipment, a cancellation, a receipt that serves backorders) first locks
/// every stock row of its SKUs, by SKU then warehouse, so two server instances working on the same hot SKUs queue on
/// the first row instead of deadlocking halfway. The changes themselves stay one conditional update each (ADR 0003).
/// PostgreSQL only (<c>SELECT … FOR UPDATE</c>); SQLite has one writer at a time, so it sends nothing.
/// </summary>
internal static class StockRowLocks
{
    public static async Task LockStockOfAsync(this OrderlyDbContext db, IEnumerable<string> skus, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        var ordered = skus.Distinct(StringComparer.Ordinal).ToArray();
        if (ordered.Length == 0) return;
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM stock_levels WHERE sku = ANY({ordered}) ORDER BY sku, warehouse_id FOR UPDATE", ct);
    }
}
