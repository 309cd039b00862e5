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

/// <summary>A page of the backorder queue; <c>HasMore</c> when the queue goes on after it.</summary>
public sealed record BackorderPage(IReadOnlyList<BackorderView> Items, int Page, int PageSize, bool HasMore);

/// <summary>
/// Serves waiting backorders when goods arrive. The queue is fair and documented: order priority (1 first), then
/// promised date (earliest first, none last), then order date (oldest first). Each line is reserved through the same
/// atomic path as a manual reserve; the decision, with its place in the queue, is kept in the reservation's reason, and
/// the reservation itself in the order's history. See docs/decisions/0008-sourcing-and-promise-rules.md.
/// </summary>
public sealed class Backorders(OrderlyDbContext db, OrderReservations reservations, PromiseDates promises, BusinessClock clock)
{
    /// <summary>Queue entries read at a time while serving: a receipt usually serves a few lines, rarely many.</summary>
    internal const int ServePage = 50;

    /// <summary>
    /// Reserves newly available stock of <paramref name="sku"/> for waiting backorders, inside the caller's transaction,
    /// reading the SKU's queue (<see cref="BackorderQueueEntry"/>) from its head, a page at a time, until the stock runs
    /// out: the work follows what is served, not the length of the queue or the book.
    /// When the stock came with <paramref name="receipt"/> (saved), what it served is kept as <see cref="ServedBackorder"/> history.
    /// </summary>
    public async Task<IReadOnlyList<BackorderDecision>> ServeAsync(string sku, string reference, string actor, CancellationToken ct,
        GoodsReceipt? receipt = null)
    {
        var served = receipt is null ? null : new ReceiptServings(db, receipt);
        var decisions = new List<BackorderDecision>();
        for (var skip = 0; ; skip += ServePage)
        {
            var page = await PageAsync(sku, skip, ServePage, ct);
            for (var i = 0; i < page.Count; i++)
            {
                var (order, line) = page[i];
                var context = $"Goods arrived ({reference}); backorder {skip + i + 1} in the queue " +
                              $"(priority {order.Priority}, promised {line.PromisedDate?.ToString("yyyy-MM-dd") ?? "no date"}, " +
                              $"ordered {clock.Local(order.ReceivedAt):yyyy-MM-dd HH:mm}). ";
                var allocations = await reservations.AllocateAsync(order, line, await reservations.PreferredWarehouseAsync(order, ct), context, actor, ct);
                if (allocations.Count == 0) return decisions; // nothing left to hand out
                order.RecordReservations(allocations, actor, clock.Now, servedLine: line.LineNo);
                served?.Add(order, line.LineNo, allocations, clock.Now);
                decisions.Add(new BackorderDecision(order.Id.Value, order.Number, line.LineNo,
                    NumberForm.Quantity(allocations.Sum(a => a.Quantity), line.UnitDecimals),
                    string.Join(" ", allocations.Select(a => a.Reason))));
            }
            if (page.Count < ServePage) return decisions;
        }
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

    /// <summary>
    /// One page of the confirmed lines still waiting for stock (of <paramref name="sku"/>, or of every SKU), in the order
    /// they will be served; <c>HasMore</c> says whether a next page exists. Refused with 400
    /// <c>backorder.query_invalid</c> for a page before 1 or a size outside 1–200.
    /// </summary>
    public async Task<BackorderPage> ListAsync(string? sku, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = Paging.Page(page, pageSize, errors, "backorders");
        errors.ThrowIfAny("backorder.query_invalid", "The backorder queue cannot be read with these parameters.");
        var lines = await PageAsync(string.IsNullOrWhiteSpace(sku) ? null : sku.Trim(), wanted.Skip, wanted.Size + 1, ct);
        var items = lines.Take(wanted.Size).Select(x => new BackorderView(x.Order.Id.Value, x.Order.Number, x.Line.LineNo, x.Line.Sku,
            NumberForm.Quantity(x.Line.Quantity, x.Line.UnitDecimals), NumberForm.Quantity(x.Line.QuantityToReserve, x.Line.UnitDecimals),
            NumberForm.Quantity(x.Line.BackorderedQuantity(x.Order.Status), x.Line.UnitDecimals),
            NumberForm.Quantity(x.Line.NotYetReservedQuantity(x.Order.Status), x.Line.UnitDecimals),
            x.Order.Priority, x.Order.RequestedDate, x.Line.PromisedDate, x.Line.PromiseBasis, x.Order.ReceivedAt)).ToList();
        return new BackorderPage(items, wanted.Number, wanted.Size, lines.Count > wanted.Size);
    }

    /// <summary>
    /// <paramref name="take"/> waiting lines from place <paramref name="skip"/> of the queue, with their orders (tracked,
    /// lines and reservations included): one range read of the queue's index, then the orders by id.
    /// </summary>
    private async Task<List<(SalesOrder Order, OrderLine Line)>> PageAsync(string? sku, int skip, int take, CancellationToken ct)
    {
        var entries = await BackorderQueue.InServingOrder(db, sku).Skip(skip).Take(take).Select(q => new { q.OrderId, q.LineNo }).ToListAsync(ct);
        var ids = entries.Select(e => e.OrderId).Distinct().ToList();
        var orders = await db.SalesOrders.Where(o => ids.Contains(o.Id))
            .Include(o => o.Lines).Include(o => o.Reservations).AsSplitQuery().ToDictionaryAsync(o => o.Id, ct);
        return entries.Where(e => orders.ContainsKey(e.OrderId))
            .Select(e => (orders[e.OrderId], orders[e.OrderId].Lines.Single(l => l.LineNo == e.LineNo))).ToList();
    }
}
