using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>What automatic reservation did with newly arrived stock for one order line.</summary>
public sealed record BackorderDecision(Guid OrderId, string OrderNumber, int LineNo, decimal Reserved, string Reason);

/// <summary>
/// A confirmed order line still waiting for stock, as procurement sees it, in the order arriving goods serve it. Of
/// <c>Waiting</c> (unreserved, unshipped), <c>Backordered</c> is what a reservation tried and could not meet and
/// <c>NotYetReserved</c> what nobody has tried to reserve yet (a confirmed order not yet reserved); arriving goods serve both.
/// </summary>
public sealed record BackorderView(Guid OrderId, string OrderNumber, int LineNo, string Sku, decimal Quantity, decimal Waiting,
    decimal Backordered, decimal NotYetReserved, int Priority, DateOnly? RequestedDate, DateOnly? PromisedDate, string PromiseBasis,
    DateTimeOffset OrderedAt);

/// <summary>
/// Serves waiting backorders when goods arrive. The queue is fair and documented: order priority (1 first), then
/// promised date (earliest first, none last), then order date (oldest first). Each line is reserved through the same
/// atomic path as a manual reserve; the decision, with its place in the queue, is kept in the reservation's reason, and
/// the reservation itself in the order's history. See docs/decisions/0008-sourcing-and-promise-rules.md.
/// </summary>
public sealed class Backorders(OrderlyDbContext db, OrderReservations reservations, PromiseDates promises, BusinessClock clock)
{
    /// <summary>
    /// Reserves newly available stock of <paramref name="sku"/> for waiting backorders, inside the caller's transaction.
    /// When the stock came with <paramref name="receipt"/> (saved), what it served is kept as <see cref="ServedBackorder"/> history.
    /// </summary>
    public async Task<IReadOnlyList<BackorderDecision>> ServeAsync(string sku, string reference, string actor, CancellationToken ct,
        GoodsReceipt? receipt = null)
    {
        var served = receipt is null ? null : new ReceiptServings(db, receipt);
        var queue = await QueueAsync(sku, ct);
        var decisions = new List<BackorderDecision>();
        for (var place = 0; place < queue.Count; place++)
        {
            var (order, line) = queue[place];
            var context = $"Goods arrived ({reference}); backorder {place + 1} of {queue.Count} in the queue " +
                          $"(priority {order.Priority}, promised {line.PromisedDate?.ToString("yyyy-MM-dd") ?? "no date"}, " +
                          $"ordered {clock.Local(order.ReceivedAt):yyyy-MM-dd HH:mm}). ";
            var allocations = await reservations.AllocateAsync(order, line, await reservations.PreferredWarehouseAsync(order, ct), context, actor, ct);
            if (allocations.Count == 0) break; // nothing left to hand out
            order.RecordReservations(allocations, actor, clock.Now, servedLine: line.LineNo);
            served?.Add(order, line.LineNo, allocations, clock.Now);
            decisions.Add(new BackorderDecision(order.Id.Value, order.Number, line.LineNo,
                NumberForm.Quantity(allocations.Sum(a => a.Quantity), line.UnitDecimals),
                string.Join(" ", allocations.Select(a => a.Reason))));
        }
        return decisions;
    }

    /// <summary>
    /// New stock of <paramref name="sku"/> was posted (receipt, positive count): saves it, serves waiting backorders,
    /// and recomputes the SKU's promises, inside the caller's transaction.
    /// </summary>
    public async Task<IReadOnlyList<BackorderDecision>> StockArrivedAsync(string sku, string reference, string actor, CancellationToken ct,
        GoodsReceipt? receipt = null)
    {
        await db.SaveChangesAsync(ct);
        var decisions = await ServeAsync(sku, reference, actor, ct, receipt);
        await promises.ChangedAsync([sku], ct);
        return decisions;
    }

    /// <summary>What one goods receipt served, line by line, never more than it brought into its warehouse.</summary>
    private sealed class ReceiptServings(OrderlyDbContext db, GoodsReceipt receipt)
    {
        private decimal _left = receipt.Quantity;

        public void Add(SalesOrder order, int lineNo, IReadOnlyList<StockAllocation> allocations, DateTimeOffset now)
        {
            var fromReceipt = Math.Min(_left, allocations.Where(a => a.WarehouseId == receipt.WarehouseId).Sum(a => a.Quantity));
            if (fromReceipt <= 0) return;
            _left -= fromReceipt;
            db.ServedBackorders.Add(ServedBackorder.Record(receipt, order.Id, lineNo, fromReceipt, now));
        }
    }

    /// <summary>Every confirmed line still waiting for stock, in the order it will be served.</summary>
    public async Task<IReadOnlyList<BackorderView>> ListAsync(string? sku, CancellationToken ct)
    {
        var queue = await QueueAsync(sku, ct);
        return queue.Select(x => new BackorderView(x.Order.Id.Value, x.Order.Number, x.Line.LineNo, x.Line.Sku,
            NumberForm.Quantity(x.Line.Quantity, x.Line.UnitDecimals), NumberForm.Quantity(x.Line.QuantityToReserve, x.Line.UnitDecimals),
            NumberForm.Quantity(x.Line.BackorderedQuantity(x.Order.Status), x.Line.UnitDecimals),
            NumberForm.Quantity(x.Line.NotYetReservedQuantity(x.Order.Status), x.Line.UnitDecimals),
            x.Order.Priority, x.Order.RequestedDate, x.Line.PromisedDate, x.Line.PromiseBasis, x.Order.ReceivedAt)).ToList();
    }

    private async Task<List<(SalesOrder Order, OrderLine Line)>> QueueAsync(string? sku, CancellationToken ct)
    {
        // From the SKU's lines, so the cost follows them, not the book (o.Lines.Any(...) ran a subquery per waiting order).
        var orders = await (sku is null ? db.SalesOrders : db.SalesOrders.WithLineOf(sku))
            .Where(o => OrderStatuses.Committed.Contains(o.Status))
            .Include(o => o.Lines).Include(o => o.Reservations).AsSplitQuery().ToListAsync(ct);
        return orders
            .SelectMany(o => o.Lines.Where(l => (sku == null || l.Sku == sku) && l.QuantityToReserve > 0).Select(l => (o, l)))
            .OrderBy(x => x.o.Priority)
            .ThenBy(x => x.l.PromisedDate ?? DateOnly.MaxValue)
            .ThenBy(x => x.o.ReceivedAt)
            .ThenBy(x => x.o.Number, StringComparer.Ordinal)
            .ThenBy(x => x.l.LineNo)
            .ToList();
    }
}
