using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Replenishment;

/// <summary>A purchase order the scan drafted, for a person to check and send.</summary>
public sealed record ProposalView(
    Guid PurchaseOrderId, string Number, string SupplierCode, string WarehouseCode, string Sku, decimal Quantity, DateOnly ExpectedDate,
    string Origin);

/// <summary>What one run of the replenishment scan found and did.</summary>
public sealed record ScanReport(
    DateTimeOffset RanAt, int PoliciesChecked, int OpenPurchaseOrdersChecked, IReadOnlyList<AlertView> Raised,
    IReadOnlyList<ProposalView> Proposals, IReadOnlyList<AlertView> Resolved)
{
    public string Summary =>
        $"Checked {PoliciesChecked} reorder policies and {OpenPurchaseOrdersChecked} open purchase orders: raised {Raised.Count} alert(s), " +
        $"proposed {Proposals.Count} purchase order(s), resolved {Resolved.Count} alert(s).";
}

/// <summary>
/// The early warning (库存预警), in one transaction: for each reorder policy, a stock position at or below the reorder
/// point raises a low-stock alert with a proposed purchase order from the preferred supplier, and a position back above
/// it resolves the alert; each purchase order past its promised date raises a late alert with proposals to re-source
/// the open quantity from the fastest other supplier. An open alert blocks raising the same one again, and draft
/// proposals count as on order, so running the scan twice proposes nothing twice.
/// </summary>
public sealed class ReplenishmentScan(
    OrderlyDbContext db, SourcingOptions sourcing, PurchaseOrderUseCases purchasing, PromiseDates promises, BusinessClock clock)
{
    public async Task<ScanReport> RunAsync(string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var open = await db.StockAlerts.Where(a => a.Status != AlertStatus.Resolved).ToDictionaryAsync(a => a.DedupeKey, ct);
            var run = new ScanRun(db, purchasing, open, actor, clock.Now, clock.Today);
            var warehouses = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Id, ct);
            var policies = await db.ReorderPolicies.AsNoTracking().ToListAsync(ct);
            var positions = await StockPositions.LoadAsync(db, policies, warehouses, ct);

            foreach (var policy in policies.OrderBy(p => p.Sku, StringComparer.Ordinal).ThenBy(p => warehouses[p.WarehouseId].Priority))
                await CheckStockAsync(run, policy, warehouses[policy.WarehouseId], positions, ct);
            await new LatePurchaseOrders(db, sourcing).CheckAsync(run, positions.OpenOrders, ct);
            await promises.ChangedAsync(run.Proposals.SelectMany(p => p.Lines).Select(l => l.Sku), ct);
            return new ScanReport(run.Now, policies.Count, positions.OpenOrders.Count, await AlertUseCases.ViewsAsync(db, run.Raised, ct),
                await ProposalViewsAsync(run.Proposals, warehouses, ct), await AlertUseCases.ViewsAsync(db, run.Resolved, ct));
        }, ct);

    private async Task CheckStockAsync(ScanRun run, ReorderPolicy policy, Warehouse warehouse, StockPositions positions, CancellationToken ct)
    {
        var position = positions.Of(policy);
        if (run.OpenAlert(StockAlert.LowStockKey(policy.WarehouseId, policy.Sku)) is { } alert)
        {
            if (alert.Status != AlertStatus.Resolved && positions.Recovery(alert, policy) is { } resolution) run.Resolve(alert, resolution);
            return;
        }

        var shortfall = policy.ShortfallQuantity(position.Total);
        if (shortfall <= 0) return;
        var why = $"{policy.Sku} at {warehouse.Code}: stock position {position.Total:0.######} ({position}) is at or below the reorder point " +
                  $"{policy.ReorderPoint:0.######}" + (position.Total < policy.SafetyStock
                      ? $" and below the safety stock {policy.SafetyStock:0.######}, so it may run out before a delivery arrives"
                      : $" (safety stock {policy.SafetyStock:0.######})");
        var options = await sourcing.ForSkuAsync(policy.Sku, ct);
        var choice = SupplierChoice.Preferred(options);
        if (choice is null)
        {
            run.Raise(StockAlert.LowStock(policy.WarehouseId, policy.Sku,
                $"Low stock of {why}. No purchase order was proposed: no available supplier offers {policy.Sku}{Skipped(options, null)}.", null, run.Actor, run.Now));
            return;
        }

        var quantity = choice.Offer.OrderQuantityFor(shortfall);
        var origin = $"Low-stock proposal for {why}. The policy asks for {shortfall:0.######}; ordering {quantity:0.######}" +
                     (quantity > shortfall ? $" (the supplier's minimum order quantity)" : "") +
                     $" from {choice.Supplier.Code}, {RankOf(choice)}{Skipped(options, choice)}.";
        var proposal = await run.ProposeAsync(choice, policy.WarehouseId, policy.Sku, quantity, origin, ct);
        run.Raise(StockAlert.LowStock(policy.WarehouseId, policy.Sku,
            $"Low stock of {why}. Proposed {proposal.Number}: {quantity:0.######} {policy.Sku} from {choice.Supplier.Name}, {RankOf(choice)}, " +
            $"expected {proposal.ExpectedDate:yyyy-MM-dd}.", proposal.Id, run.Actor, run.Now));
    }

    internal static string RankOf(SourcingOption o) =>
        o.Offer.Rank == 1 ? "the primary supplier (rank 1)" : $"a backup supplier (rank {o.Offer.Rank})";

    /// <summary>Better-ranked suppliers passed over because they are unavailable, so the choice is explained.</summary>
    private static string Skipped(IEnumerable<SourcingOption> options, SourcingOption? chosen)
    {
        var skipped = options.Where(o => !o.Supplier.IsAvailable && (chosen is null || o.Offer.Rank <= chosen.Offer.Rank))
            .OrderBy(o => o.Offer.Rank).Select(o => $"{o.Supplier.Code} (rank {o.Offer.Rank}) is unavailable: {o.Supplier.UnavailableReason}").ToList();
        return skipped.Count == 0 ? "" : $"; {string.Join("; ", skipped)}";
    }

    private async Task<IReadOnlyList<ProposalView>> ProposalViewsAsync(IReadOnlyList<PurchaseOrder> proposals,
        IReadOnlyDictionary<WarehouseId, Warehouse> warehouses, CancellationToken ct)
    {
        var supplierIds = proposals.Select(p => p.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var unitDecimals = await db.UnitDecimalsAsync(proposals.SelectMany(p => p.Lines).Select(l => l.Sku), ct);
        return proposals.SelectMany(p => p.Lines.Select(l => new ProposalView(p.Id.Value, p.Number, suppliers[p.SupplierId],
            warehouses[p.WarehouseId].Code, l.Sku, NumberForm.Quantity(l.Quantity, unitDecimals.GetValueOrDefault(l.Sku)), p.ExpectedDate,
            p.Origin))).ToList();
    }
}

/// <summary>One run of the scan: the moment it runs at, the open alerts by dedupe key, and what it raised, proposed and resolved.</summary>
internal sealed class ScanRun(OrderlyDbContext db, PurchaseOrderUseCases purchasing, Dictionary<string, StockAlert> open, string actor,
    DateTimeOffset now, DateOnly today)
{
    public DateTimeOffset Now { get; } = now;
    /// <summary>Who runs the scan: a person through the API, or <c>system:replenishment</c>.</summary>
    public string Actor { get; } = actor;
    /// <summary>Today in the business time zone (<see cref="BusinessClock"/>).</summary>
    public DateOnly Today { get; } = today;
    public List<StockAlert> Raised { get; } = [];
    public List<StockAlert> Resolved { get; } = [];
    public List<PurchaseOrder> Proposals { get; } = [];

    /// <summary>
    /// The alert under <paramref name="key"/> that was open when the run started or was raised by it; it blocks raising
    /// another in this run (even once resolved by it, so the unique index never sees two).
    /// </summary>
    public StockAlert? OpenAlert(string key) => open.GetValueOrDefault(key);

    public IEnumerable<StockAlert> OpenAlerts(AlertKind kind) => open.Values.Where(a => a.Kind == kind && a.Status != AlertStatus.Resolved).ToList();

    public void Raise(StockAlert alert)
    {
        db.StockAlerts.Add(alert);
        open[alert.DedupeKey] = alert;
        Raised.Add(alert);
    }

    public void Resolve(StockAlert alert, string resolution)
    {
        alert.Resolve(resolution, Actor, Now);
        Resolved.Add(alert);
    }

    /// <summary>Drafts a one-line proposal and saves it, so that the alert pointing at it is inserted after it.</summary>
    public async Task<PurchaseOrder> ProposeAsync(SourcingOption from, WarehouseId warehouse, string sku, decimal quantity, string origin,
        CancellationToken ct)
    {
        var order = await purchasing.DraftProposalAsync(from.Supplier.Id, warehouse, [new PurchaseOrderLineTerms(sku, quantity, from.Offer.UnitPrice)],
            from.Offer.ExpectedDelivery(Today), origin, Actor, ct);
        await db.SaveChangesAsync(ct);
        Proposals.Add(order);
        return order;
    }
}
