using Orderly.Application.Persistence;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Promise dates inside a request, in work bounded by the order at hand (ADR 0009): the order's own open lines are
/// promised as if they stood last in each SKU's queue (<see cref="PromiseAtTail"/>, from on hand, open demand and
/// expected supply), and the SKUs are queued so that <see cref="PromiseRefresher"/> recomputes every line of them
/// exactly after commit (ADR 0008's fair queue). Neither bumps an order's version.
/// </summary>
public sealed class PromiseDates(OrderlyDbContext db, PromiseQueue queue, TimeProvider clock)
{
    /// <summary>
    /// Promises the open lines of <paramref name="order"/> as it stands in memory, queues its SKUs (and
    /// <paramref name="formerSkus"/>, the SKUs an edit removed) for the exact re-promise, and saves the caller's changes
    /// with the promises in one save, inside the caller's transaction.
    /// </summary>
    public async Task PromiseOrderAsync(SalesOrder order, string actor, CancellationToken ct, IEnumerable<string>? formerSkus = null)
    {
        var skus = order.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        await queue.AddAsync(skus.Concat(formerSkus ?? []), ct);
        if (OpenDemand.IsOpen(order.Status)) await PromiseOpenLinesAsync(order, skus, actor, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task PromiseOpenLinesAsync(SalesOrder order, IReadOnlyList<string> skus, string actor, CancellationToken ct)
    {
        var open = order.Lines.Where(l => l.Quantity > l.ShippedQuantity).ToList();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var positions = await SkuPositions.LoadAsync(db, skus, ct);
        // Open demand as saved, less what this order counted in it when last saved: the demand of every other line.
        var demand = await OpenDemand.OfAsync(db, skus, now, ct);
        var counted = OpenDemand.SavedOf(db, order);
        foreach (var sku in skus)
        {
            var own = open.Where(l => l.Sku == sku).ToList();
            if (own.Count == 0) continue;
            var position = positions[sku];
            var others = demand[sku] - counted.GetValueOrDefault(sku);
            foreach (var (line, promise) in PromiseAtTail.For(sku, own, position.OnHand, others, new SupplyTimeline(position.Supply),
                         position.Supplier, today))
                order.Promise(line.LineNo, promise.Date, promise.Basis, actor, now);
        }
    }

    /// <summary>
    /// Demand or supply of these SKUs moved (stock, purchase orders, suppliers, another order's reservation): saves the
    /// caller's pending changes and queues the SKUs for the exact re-promise, inside the caller's transaction.
    /// </summary>
    public async Task ChangedAsync(IEnumerable<string> skus, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await queue.AddAsync(skus, ct);
    }
}
