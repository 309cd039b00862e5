using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Sets stock aside for an order's open lines and hands it back on cancel. Where stock comes from is planned by
/// <see cref="SourcingRule"/> (and the reason kept on each reservation); every unit is then taken through
/// <see cref="StockLedger"/>, whose conditional update is the only place availability is decided.
/// </summary>
public sealed class OrderReservations(OrderlyDbContext db, StockLedger ledger, OrderlyOptions options, TimeProvider clock,
    ReservationConflicts conflicts)
{
    /// <summary>
    /// Reserves what stock allows for every open line; the rest stays backordered, and each line left short counts a
    /// <see cref="ReservationConflicts.ShortOfStock"/>.
    /// </summary>
    public async Task ReserveAsync(SalesOrder order, string actor, CancellationToken ct)
    {
        order.EnsureAllowed(OrderCommand.Reserve);
        var preferred = await PreferredWarehouseAsync(order, ct);
        var open = order.Lines.Where(l => l.QuantityToReserve > 0).OrderBy(l => l.LineNo).ToList();
        await db.LockStockOfAsync(open.Select(l => l.Sku), ct);
        // One read of free stock for all the order's SKUs; a SKU's second line reads again, after the first took its share.
        var unread = open.Select(l => l.Sku).ToHashSet(StringComparer.Ordinal);
        var known = await CandidatesAsync(unread, ct);
        var allocations = new List<StockAllocation>();
        foreach (var line in open)
        {
            var free = unread.Remove(line.Sku) ? known.GetValueOrDefault(line.Sku) ?? [] : null;
            var taken = await AllocateAsync(order, line, preferred, "", actor, ct, free);
            if (taken.Sum(a => a.Quantity) < line.QuantityToReserve) conflicts.ShortOfStock();
            allocations.AddRange(taken);
        }
        order.RecordReservations(allocations, actor, clock.GetUtcNow());
    }

    /// <summary>
    /// Takes stock for one line as the sourcing rule plans it; re-plans the remainder when a step got less than planned
    /// because someone else took the stock first. Returns what was taken; the caller records it on the order.
    /// </summary>
    /// <remarks><c>known</c>: free stock of the line's SKU read just before, for the first plan (null: read it now).</remarks>
    internal async Task<IReadOnlyList<StockAllocation>> AllocateAsync(SalesOrder order, OrderLine line, WarehouseId? preferred, string context,
        string actor, CancellationToken ct, IReadOnlyList<SourcingCandidate>? known = null)
    {
        var taken = new List<StockAllocation>();
        var open = line.QuantityToReserve;
        for (var round = 0; round < 3 && open > 0; round++)
        {
            var candidates = round == 0 && known is not null ? known : await CandidatesAsync(line.Sku, ct);
            var plan = SourcingRule.Plan(open, candidates, preferred, options.Sourcing);
            if (plan.Count == 0) break;
            foreach (var step in plan)
            {
                var got = await ledger.ReserveUpToAsync(step.WarehouseId, line.Sku, step.Quantity, order.Id, order.Number, actor, ct);
                if (got == 0) continue;
                var shortNote = got < step.Quantity ? $" Got {got} of the {step.Quantity} planned: the rest was taken at the same moment." : "";
                taken.Add(new StockAllocation(line.LineNo, step.WarehouseId, line.Sku, got, context + step.Reason + shortNote));
                open -= got;
            }
        }
        return taken;
    }

    /// <summary>Cancels the order and returns every reserved unit to its warehouse.</summary>
    public async Task CancelAsync(SalesOrder order, string reason, string actor, CancellationToken ct)
    {
        var releases = order.Cancel(reason, actor, clock.GetUtcNow());
        await db.LockStockOfAsync(releases.Select(r => r.Sku), ct);
        foreach (var release in releases)
            await ledger.ReleaseAsync(release.WarehouseId, release.Sku, release.Quantity, order.Id, order.Number, actor, ct);
    }

    internal async Task<WarehouseId?> PreferredWarehouseAsync(SalesOrder order, CancellationToken ct) =>
        await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.PreferredWarehouseId).SingleAsync(ct);

    /// <summary>Warehouses that hold free stock of <paramref name="sku"/> now, as the sourcing rule compares them.</summary>
    private async Task<IReadOnlyList<SourcingCandidate>> CandidatesAsync(string sku, CancellationToken ct) =>
        (await CandidatesAsync([sku], ct)).GetValueOrDefault(sku) ?? [];

    /// <summary>The same for several SKUs in one query, by SKU (a SKU without free stock is absent).</summary>
    private async Task<Dictionary<string, IReadOnlyList<SourcingCandidate>>> CandidatesAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        var rows = await (from s in db.StockLevels.AsNoTracking()
                          join w in db.Warehouses.AsNoTracking() on s.WarehouseId equals w.Id
                          where skus.Contains(s.Sku) && s.OnHand - s.Reserved > 0
                          select new { s.Sku, w.Id, w.Code, w.Priority, s.OnHand, s.Reserved }).ToListAsync(ct);
        return rows.GroupBy(r => r.Sku).ToDictionary(g => g.Key,
            g => (IReadOnlyList<SourcingCandidate>)g.Select(r => new SourcingCandidate(r.Id, r.Code, r.Priority, r.OnHand - r.Reserved)).ToList());
    }
}
