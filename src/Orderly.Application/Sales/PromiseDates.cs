using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Replenishment;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Promise dates inside a request, in work bounded by the order at hand (ADR 0009): the order's own open lines are
/// promised as if they stood last in each SKU's queue (<see cref="PromiseAtTail"/>, from on hand, open demand and
/// expected supply), and the SKUs are queued so that <see cref="PromiseRefresher"/> recomputes every line of them
/// exactly after commit (ADR 0008's fair queue). Neither bumps an order's version.
/// <para>Every move of stock, supply or demand is announced here, so it is also where the alerts the move ended are
/// resolved (<see cref="AlertResolution"/>, in the same transaction).</para>
/// </summary>
public sealed class PromiseDates(OrderlyDbContext db, PromiseQueue queue, BusinessClock clock, AlertResolution alerts)
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
        // A committed order's unreserved quantity counts against reorder positions: cancelling it can end a low-stock alert.
        if (order.Status == OrderStatus.Cancelled) await alerts.MovedAsync(skus, ct);
    }

    /// <summary>
    /// Promises new orders (a bulk import) in memory, each as if last in the queue behind the ones before it in the
    /// list, queues their SKUs and saves them, inside the caller's transaction: the same four queries for the whole batch.
    /// </summary>
    public async Task PromiseNewOrdersAsync(IReadOnlyList<SalesOrder> orders, string actor, CancellationToken ct)
    {
        var skus = orders.SelectMany(o => o.Lines).Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        await queue.AddAsync(skus, ct);
        var now = clock.Now;
        var positions = await SkuPositions.LoadAsync(db, skus, ct);
        var ahead = new Dictionary<string, decimal>(await OpenDemand.OfAsync(db, skus, now, ct), StringComparer.Ordinal);
        foreach (var order in orders)
            foreach (var (sku, open) in Promise(order, positions, ahead, actor, now))
                ahead[sku] += open;
        await db.SaveChangesAsync(ct);
    }

    private async Task PromiseOpenLinesAsync(SalesOrder order, IReadOnlyList<string> skus, string actor, CancellationToken ct)
    {
        var now = clock.Now;
        var positions = await SkuPositions.LoadAsync(db, skus, ct);
        // Open demand as saved, less what this order counted in it when last saved: the demand of every other line.
        var demand = await OpenDemand.OfAsync(db, skus, now, ct);
        var counted = OpenDemand.SavedOf(db, order);
        Promise(order, positions, skus.ToDictionary(s => s, s => demand[s] - counted.GetValueOrDefault(s), StringComparer.Ordinal), actor, now);
    }

    /// <summary>Promises the order's open lines at the tail, behind <paramref name="others"/>; returns their open quantity per SKU.</summary>
    private Dictionary<string, decimal> Promise(SalesOrder order, IReadOnlyDictionary<string, SkuPosition> positions,
        IReadOnlyDictionary<string, decimal> others, string actor, DateTimeOffset now)
    {
        var today = clock.DateOf(now);
        var open = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var own in order.Lines.Where(l => l.Quantity > l.ShippedQuantity).GroupBy(l => l.Sku))
        {
            var position = positions[own.Key];
            foreach (var (line, promise) in PromiseAtTail.For(own.Key, own, position.OnHand, others[own.Key], new SupplyTimeline(position.Supply),
                         position.Supplier, today))
                order.Promise(line.LineNo, promise.Date, promise.Basis, actor, now);
            open[own.Key] = own.Sum(l => l.Quantity - l.ShippedQuantity);
        }
        return open;
    }

    /// <summary>
    /// Demand or supply of these SKUs moved (stock, purchase orders, suppliers, another order's reservation): saves the
    /// caller's pending changes, queues the SKUs for the exact re-promise and resolves the alerts the move ended, inside
    /// the caller's transaction.
    /// </summary>
    public async Task ChangedAsync(IEnumerable<string> skus, CancellationToken ct)
    {
        var moved = skus.ToList();
        await db.SaveChangesAsync(ct);
        await queue.AddAsync(moved, ct);
        await alerts.MovedAsync(moved, ct);
    }
}
