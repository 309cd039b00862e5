using Microsoft.EntityFrameworkCore;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Sets stock aside for an order's open lines and hands it back on cancel. Every unit goes through
/// <see cref="StockLedger"/>, whose conditional update is the only place availability is decided.
/// </summary>
public sealed class OrderReservations(OrderlyDbContext db, StockLedger ledger, TimeProvider clock)
{
    /// <summary>Reserves what stock allows, warehouse by warehouse in priority order; the rest stays backordered.</summary>
    public async Task ReserveAsync(SalesOrder order, string actor, CancellationToken ct)
    {
        order.EnsureAllowed(OrderCommand.Reserve);
        var allocations = new List<StockAllocation>();
        foreach (var line in order.Lines.Where(l => l.QuantityToReserve > 0).OrderBy(l => l.LineNo))
        {
            var open = line.QuantityToReserve;
            foreach (var warehouse in await CandidatesAsync(line.Sku, ct))
            {
                var taken = await ledger.ReserveUpToAsync(warehouse, line.Sku, open, order.Id, order.Number, actor, ct);
                if (taken == 0) continue;
                allocations.Add(new StockAllocation(line.LineNo, warehouse, line.Sku, taken));
                open -= taken;
                if (open == 0) break;
            }
        }
        order.RecordReservations(allocations, actor, clock.GetUtcNow());
    }

    /// <summary>Cancels the order and returns every reserved unit to its warehouse.</summary>
    public async Task CancelAsync(SalesOrder order, string reason, string actor, CancellationToken ct)
    {
        foreach (var release in order.Cancel(reason, actor, clock.GetUtcNow()))
            await ledger.ReleaseAsync(release.WarehouseId, release.Sku, release.Quantity, order.Id, order.Number, actor, ct);
    }

    /// <summary>Warehouses that hold free stock of <paramref name="sku"/> now, lowest priority number first.</summary>
    private async Task<IReadOnlyList<WarehouseId>> CandidatesAsync(string sku, CancellationToken ct) =>
        await (from s in db.StockLevels.AsNoTracking()
               join w in db.Warehouses.AsNoTracking() on s.WarehouseId equals w.Id
               where s.Sku == sku && s.OnHand - s.Reserved > 0
               orderby w.Priority, w.Code
               select w.Id).ToListAsync(ct);
}
