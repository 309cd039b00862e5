using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Inventory;

namespace Orderly.Application.Replenishment;

/// <summary>
/// Resolves alerts at the event that ends them, inside the event's transaction, instead of waiting for the next scan
/// (issue 8, item 15). Called whenever stock, supply or demand of some SKUs moved (<see cref="Sales.PromiseDates"/> announces
/// every such move) and when a reorder policy changes. A low-stock alert of those SKUs resolves once its position is above
/// the reorder point (<see cref="StockPositions.Recovery"/>: a receipt or count, a sent or drafted purchase order, a
/// cancelled order, a lower reorder point); a late-purchase-order alert once its order is received in full, cancelled or
/// promised again (<see cref="LatePurchaseOrders.Ended"/>). The work follows the SKUs' lines and the open alerts, not the book:
/// without an open alert it is two indexed lookups. Raising alerts stays with the scan.
/// </summary>
public sealed class AlertResolution(OrderlyDbContext db, BusinessClock clock)
{
    public const string Actor = "system:alerts";

    private static readonly AlertStatus[] Unresolved = [AlertStatus.Open, AlertStatus.Acknowledged];

    /// <summary>Stock, supply or demand of <paramref name="skus"/> moved and is saved; resolves and saves the alerts it ended.</summary>
    public async Task MovedAsync(IEnumerable<string> skus, CancellationToken ct)
    {
        var moved = skus.Distinct(StringComparer.Ordinal).ToList();
        if (moved.Count == 0) return;
        var resolved = await LowStockRecoveredAsync(moved, ct) | await LateEndedAsync(ct);
        if (resolved) await db.SaveChangesAsync(ct);
    }

    private async Task<bool> LowStockRecoveredAsync(IReadOnlyList<string> skus, CancellationToken ct)
    {
        var alerts = await db.StockAlerts
            .Where(a => a.Sku != null && skus.Contains(a.Sku) && Unresolved.Contains(a.Status) && a.Kind == AlertKind.LowStock).ToListAsync(ct);
        if (alerts.Count == 0) return false;
        var alerted = alerts.Select(a => a.Sku!).Distinct().ToList();
        var policies = await db.ReorderPolicies.AsNoTracking().Where(p => alerted.Contains(p.Sku)).ToListAsync(ct);
        var warehouses = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Id, ct);
        var positions = await StockPositions.OfSkusAsync(db, policies, warehouses, ct);
        var resolved = false;
        foreach (var alert in alerts)
        {
            var policy = policies.FirstOrDefault(p => p.WarehouseId == alert.WarehouseId && p.Sku == alert.Sku);
            if (policy is null || positions.Recovery(alert, policy) is not { } resolution) continue;
            alert.Resolve(resolution, Actor, clock.Now);
            resolved = true;
        }
        return resolved;
    }

    /// <summary>Open late alerts are few (one per late purchase order), so all of them are checked against their order.</summary>
    private async Task<bool> LateEndedAsync(CancellationToken ct)
    {
        var alerts = await db.StockAlerts
            .Where(a => Unresolved.Contains(a.Status) && a.Kind == AlertKind.LatePurchaseOrder && a.PurchaseOrderId != null).ToListAsync(ct);
        if (alerts.Count == 0) return false;
        var ids = alerts.Select(a => a.PurchaseOrderId!.Value).ToList();
        var orders = await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var resolved = false;
        foreach (var alert in alerts)
        {
            if (orders.GetValueOrDefault(alert.PurchaseOrderId!.Value) is not { } order || LatePurchaseOrders.Ended(order, clock.Today) is not { } resolution)
                continue;
            alert.Resolve(resolution, Actor, clock.Now);
            resolved = true;
        }
        return resolved;
    }
}
