using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Replenishment;

/// <summary>What a reorder policy compares with its reorder point: free stock plus what is on order minus what customers wait for.</summary>
public sealed record StockPosition(decimal Available, decimal OnOrder, decimal Backordered)
{
    public decimal Total => Available + OnOrder - Backordered;

    /// <summary>For messages; "0.######" because decimals read back from text keep a scale ("25.0") a person would not write.</summary>
    public override string ToString() => $"available {Available:0.######}, on order {OnOrder:0.######}, backordered {Backordered:0.######}";
}

/// <summary>
/// The stock positions of all reorder policies, read once per scan. Decimals are stored as text in SQLite, so the sums
/// are taken here rather than in SQL.
/// <para>
/// Backorders are demand for a SKU, not for a warehouse: a waiting line is served by whichever warehouse gets stock
/// first. So that the same backorder does not make every warehouse reorder, it is counted once, against the policy of
/// the warehouse with the lowest priority number (the one drawn from first; ties by warehouse code) that has a policy
/// for the SKU. The other warehouses' positions leave backorders out.
/// </para>
/// </summary>
internal sealed class StockPositions
{
    private readonly Dictionary<(WarehouseId, string), decimal> _available = [];
    private readonly Dictionary<string, decimal> _backordered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WarehouseId> _backordersCountedAt = new(StringComparer.Ordinal);

    private StockPositions(IReadOnlyList<PurchaseOrder> openOrders) => OpenOrders = openOrders;

    /// <summary>Purchase orders still to arrive (Draft to PartiallyReceived), with their lines.</summary>
    public IReadOnlyList<PurchaseOrder> OpenOrders { get; }

    /// <summary>The positions of every policy, for the scan: with every open purchase order, which the late check reads too.</summary>
    public static async Task<StockPositions> LoadAsync(OrderlyDbContext db, IReadOnlyList<ReorderPolicy> policies,
        IReadOnlyDictionary<WarehouseId, Warehouse> warehouses, CancellationToken ct)
    {
        var skus = policies.Select(p => p.Sku).Distinct().ToList();
        var openOrders = await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines)
            .Where(o => PurchaseOrder.OpenStatuses.Contains(o.Status)).ToListAsync(ct);
        return await BuildAsync(db, policies, warehouses, openOrders, ct);
    }

    /// <summary>
    /// The positions of <paramref name="policies"/> (every policy of their SKUs, so backorders are counted at the right
    /// warehouse) read from those SKUs' open purchase orders and backorder queue only: work that follows the SKUs' open
    /// supply and waiting lines, not the book or its history, for resolving alerts at an event.
    /// </summary>
    public static async Task<StockPositions> OfSkusAsync(OrderlyDbContext db, IReadOnlyList<ReorderPolicy> policies,
        IReadOnlyDictionary<WarehouseId, Warehouse> warehouses, CancellationToken ct)
    {
        var skus = policies.Select(p => p.Sku).Distinct().ToList();
        // From the open purchase orders (ix_purchase_orders_status), not every purchase order line the SKUs ever had.
        var purchaseIds = await (from o in db.PurchaseOrders.AsNoTracking()
                                 where PurchaseOrder.OpenStatuses.Contains(o.Status)
                                 join l in db.Set<PurchaseOrderLine>() on o.Id equals l.PurchaseOrderId
                                 where skus.Contains(l.Sku)
                                 select o.Id).Distinct().ToListAsync(ct);
        var openOrders = await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).Where(o => purchaseIds.Contains(o.Id)).ToListAsync(ct);
        return await BuildAsync(db, policies, warehouses, openOrders, ct);
    }

    private static async Task<StockPositions> BuildAsync(OrderlyDbContext db, IReadOnlyList<ReorderPolicy> policies,
        IReadOnlyDictionary<WarehouseId, Warehouse> warehouses, IReadOnlyList<PurchaseOrder> openOrders, CancellationToken ct)
    {
        var skus = policies.Select(p => p.Sku).Distinct().ToList();
        var positions = new StockPositions(openOrders);

        foreach (var level in await db.StockLevels.AsNoTracking().Where(s => skus.Contains(s.Sku)).ToListAsync(ct))
            positions._available[(level.WarehouseId, level.Sku)] = level.OnHand - level.Reserved;

        foreach (var (sku, waiting) in await BackorderQueue.WaitingAsync(db, skus, ct)) positions._backordered[sku] = waiting;

        foreach (var bySku in policies.GroupBy(p => p.Sku))
        {
            var first = bySku.Select(p => warehouses[p.WarehouseId])
                .OrderBy(w => w.Priority).ThenBy(w => w.Code, StringComparer.Ordinal).First();
            positions._backordersCountedAt[bySku.Key] = first.Id;
        }
        return positions;
    }

    public StockPosition Of(ReorderPolicy policy)
    {
        var onOrder = OpenOrders.Where(o => o.WarehouseId == policy.WarehouseId)
            .SelectMany(o => o.Lines).Where(l => l.Sku == policy.Sku).Sum(l => l.OpenQuantity);
        var backordered = _backordersCountedAt.GetValueOrDefault(policy.Sku) == policy.WarehouseId
            ? _backordered.GetValueOrDefault(policy.Sku)
            : 0m;
        return new StockPosition(_available.GetValueOrDefault((policy.WarehouseId, policy.Sku)), onOrder, backordered);
    }

    /// <summary>
    /// How the open low-stock <paramref name="alert"/> of <paramref name="policy"/> is resolved, or null while the position is
    /// still at or below the reorder point. The alert's own proposal, while nobody has sent it, does not count as recovery:
    /// a draft fixes nothing yet. The one rule for the scan and for the events that move a position.
    /// </summary>
    public string? Recovery(StockAlert alert, ReorderPolicy policy)
    {
        var position = Of(policy);
        var draft = DraftQuantity(alert.ProposalId, policy.Sku);
        var recovered = position with { OnOrder = position.OnOrder - draft };
        if (recovered.Total <= policy.ReorderPoint) return null;
        return $"Stock position recovered to {recovered.Total:0.######} ({recovered}), above the reorder point {policy.ReorderPoint:0.######}." +
               (draft > 0 ? " The proposed purchase order is still a draft: cancel it if it is no longer needed." : "");
    }

    /// <summary>The open quantity of <paramref name="sku"/> on <paramref name="order"/> while it is still a draft; 0 otherwise.</summary>
    public decimal DraftQuantity(PurchaseOrderId? order, string sku) =>
        OpenOrders.Where(o => o.Id == order && o.Status == PurchaseOrderStatus.Draft)
            .SelectMany(o => o.Lines).Where(l => l.Sku == sku).Sum(l => l.OpenQuantity);
}
