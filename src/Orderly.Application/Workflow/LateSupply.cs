using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// A purchase order late against its supplier's confirmed date (the replenishment scan's late alert) becomes a
/// late-supplier exception for procurement (high) on each open sales order waiting on it (its backorder links,
/// <c>ix_backorder_links_po</c>), at most <see cref="MaxOrders"/> per purchase order and run, oldest link first; an order
/// with a late-supplier exception still open for the same purchase order gets none again (issue 11 item 5).
/// </summary>
internal static class LateSupply
{
    public const int MaxOrders = 200;

    public static async Task RaiseAsync(OrderlyDbContext db, PurchaseOrder late, string lateness, DateTime now, string actor, CancellationToken ct)
    {
        var waiting = await db.BackorderLinks.AsNoTracking().Where(l => l.PurchaseOrderId == late.Id).OrderBy(l => l.Id)
            .Select(l => new { l.OrderId, l.OrderLineNo }).Take(MaxOrders * 4).ToListAsync(ct);
        var ids = waiting.Select(w => w.OrderId).Distinct().Take(MaxOrders).ToList();
        if (ids.Count == 0) return;
        var po = late.Id.Value;
        var known = await db.OrderExceptions.AsNoTracking()
            .Where(e => ids.Contains(e.OrderId) && e.ResolvedAt == null && e.Type == ExceptionType.LateSupplier && e.PurchaseOrderId == po)
            .Select(e => e.OrderId).ToListAsync(ct);
        var orders = await db.SalesOrders.AsNoTracking().Where(o => ids.Contains(o.Id) && OrderStatuses.Open.Contains(o.Status))
            .Select(o => new { o.Id, o.Number, o.CustomerId, o.Priority }).ToListAsync(ct);
        var run = new WorkRun(db, now);
        foreach (var order in orders.Where(o => !known.Contains(o.Id)).OrderBy(o => o.Number, StringComparer.Ordinal))
        {
            var lines = string.Join(", ", waiting.Where(w => w.OrderId == order.Id).Select(w => w.OrderLineNo).Distinct());
            await run.RaiseAsync(new OrderOpening(order.Id, order.Number, order.CustomerId, order.Priority),
                new ExceptionRaise(ExceptionType.LateSupplier, ExceptionSeverity.High, $"{order.Number} line(s) {lines} wait on it: {lateness}",
                    PurchaseOrderId: po), actor, ct);
        }
    }
}
