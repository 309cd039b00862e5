using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Application.Procurement;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Recomputes the promised date of every open line of a SKU, serving lines in a fair order (confirmed orders first,
/// then priority, then order date): today when reserved or reservable from free stock; otherwise the expected date of
/// open purchase-order quantity not yet promised to a line ahead of it (and the backorder is linked to that purchase
/// order line); otherwise today plus the preferred available supplier's lead time; otherwise no date. A moved promise
/// is kept in the order's history. See docs/decisions/0008-sourcing-and-promise-rules.md.
/// </summary>
public sealed class PromiseDates(OrderlyDbContext db, SourcingOptions sourcing, TimeProvider clock)
{
    private static readonly OrderStatus[] Open =
    [
        OrderStatus.Draft, OrderStatus.Submitted, OrderStatus.OnHold, OrderStatus.Approved, OrderStatus.Confirmed, OrderStatus.Fulfilling,
    ];

    private static readonly OrderStatus[] Committed = [OrderStatus.Confirmed, OrderStatus.Fulfilling];

    private static readonly PurchaseOrderStatus[] OpenPurchase =
        [PurchaseOrderStatus.Draft, PurchaseOrderStatus.Sent, PurchaseOrderStatus.Confirmed, PurchaseOrderStatus.PartiallyReceived];

    /// <summary>
    /// Saves the caller's pending changes (so the recomputation sees them), recomputes the promises of every open line
    /// of these SKUs, and saves the result, all inside the caller's transaction. Call it whenever demand or supply moved.
    /// </summary>
    public async Task RefreshAsync(IEnumerable<string> skus, string actor, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var sku in skus.Distinct(StringComparer.Ordinal)) await RefreshSkuAsync(sku, actor, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task RefreshSkuAsync(string sku, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var orders = await db.SalesOrders.Include(o => o.Lines)
            .Where(o => Open.Contains(o.Status) && o.Lines.Any(l => l.Sku == sku)).ToListAsync(ct);
        var free = (await db.StockLevels.AsNoTracking().Where(s => s.Sku == sku).ToListAsync(ct)).Sum(s => s.OnHand - s.Reserved);
        var supply = await OpenSupplyAsync(sku, ct);
        var supplier = SupplierChoice.Preferred(await sourcing.ForSkuAsync(sku, ct));
        var links = new LinkSet(db, await LinksOfSkuAsync(sku, ct), now);

        var queue = orders.Where(o => Open.Contains(o.Status))
            .SelectMany(o => o.Lines.Where(l => l.Sku == sku && l.Quantity > l.ShippedQuantity).Select(l => (Order: o, Line: l)))
            .OrderBy(x => Committed.Contains(x.Order.Status) ? 0 : 1)
            .ThenBy(x => x.Order.Priority)
            .ThenBy(x => x.Order.ReceivedAt)
            .ThenBy(x => x.Line.LineNo);
        foreach (var (order, line) in queue)
        {
            var open = line.QuantityToReserve;
            var fromStock = Math.Min(open, Math.Max(free, 0));
            free -= fromStock;
            var rest = open - fromStock;
            var (date, basis) = rest == 0
                ? (KeepEarlier(line.PromisedDate, today), open == 0 ? "reserved from stock" : "reservable from free stock")
                : Promise(order, line, rest, supply, supplier, links, today);
            order.Promise(line.LineNo, date, basis, actor, now);
        }
        links.RemoveUnused();
    }

    private static (DateOnly? Date, string Basis) Promise(SalesOrder order, OrderLine line, decimal rest, List<Supply> supply,
        SourcingOption? supplier, LinkSet links, DateOnly today)
    {
        var used = new List<(Supply Supply, decimal Quantity)>();
        foreach (var item in supply.Where(s => s.Remaining > 0))
        {
            var take = Math.Min(rest, item.Remaining);
            item.Remaining -= take;
            rest -= take;
            used.Add((item, take));
            if (rest == 0) break;
        }
        if (Committed.Contains(order.Status))
            foreach (var (item, quantity) in used)
                links.Keep(order, line.LineNo, item.PurchaseOrderId, item.LineNo, quantity);

        var latest = used.Count == 0 ? (DateOnly?)null : used.Max(u => u.Supply.Expected);
        var viaPurchase = string.Join(", ", used.Select(u => $"{u.Quantity} expected with {u.Supply.Number} on {u.Supply.Expected:yyyy-MM-dd}"));
        if (rest == 0) return (latest, viaPurchase);
        if (supplier is null)
            return (null, (viaPurchase.Length > 0 ? viaPurchase + "; " : "") +
                          $"{rest} not covered by stock or open purchase orders, and no available supplier offers {line.Sku}");
        var bought = today.AddDays(supplier.Offer.LeadTimeDays);
        var date = latest is { } l && l > bought ? l : bought;
        return (date, (viaPurchase.Length > 0 ? viaPurchase + "; " : "") +
                      $"{rest} to be bought from {supplier.Supplier.Code} with a lead time of {supplier.Offer.LeadTimeDays} day(s)");
    }

    private static DateOnly KeepEarlier(DateOnly? promised, DateOnly today) => promised is { } p && p <= today ? p : today;

    private async Task<List<Supply>> OpenSupplyAsync(string sku, CancellationToken ct)
    {
        var pos = await db.PurchaseOrders.AsNoTracking().Include(p => p.Lines)
            .Where(p => OpenPurchase.Contains(p.Status))
            .Where(p => p.Lines.Any(l => l.Sku == sku)).ToListAsync(ct);
        return pos.SelectMany(p => p.Lines.Where(l => l.Sku == sku && l.OpenQuantity > 0)
                .Select(l => new Supply(p.Id, p.Number, l.LineNo, p.ExpectedDate) { Remaining = l.OpenQuantity }))
            .OrderBy(s => s.Expected).ThenBy(s => s.Number, StringComparer.Ordinal).ToList();
    }

    private async Task<List<BackorderLink>> LinksOfSkuAsync(string sku, CancellationToken ct) =>
        await (from link in db.BackorderLinks
               join line in db.Set<PurchaseOrderLine>() on new { link.PurchaseOrderId, LineNo = link.PurchaseOrderLineNo }
                   equals new { line.PurchaseOrderId, line.LineNo }
               join po in db.PurchaseOrders on link.PurchaseOrderId equals po.Id
               where line.Sku == sku && OpenPurchase.Contains(po.Status)
               select link).ToListAsync(ct);

    /// <summary>
    /// Backorder links follow the promises: a recomputation keeps (and re-sizes) the links to open purchase orders it
    /// still uses, adds new ones and removes the rest. Links to received or cancelled purchase orders stay as a record.
    /// </summary>
    private sealed class LinkSet(OrderlyDbContext db, List<BackorderLink> existing, DateTimeOffset now)
    {
        private readonly HashSet<BackorderLink> _kept = [];

        public void Keep(SalesOrder order, int lineNo, Domain.Common.PurchaseOrderId purchaseOrder, int purchaseLineNo, decimal quantity)
        {
            var link = existing.FirstOrDefault(l => l.OrderId == order.Id && l.OrderLineNo == lineNo
                                                    && l.PurchaseOrderId == purchaseOrder && l.PurchaseOrderLineNo == purchaseLineNo);
            if (link is null)
            {
                link = BackorderLink.Create(order.Id, lineNo, purchaseOrder, purchaseLineNo, quantity, now);
                existing.Add(link);
                db.BackorderLinks.Add(link);
            }
            else if (link.Quantity != quantity)
            {
                link.Quantity = quantity;
            }
            _kept.Add(link);
        }

        public void RemoveUnused() => db.BackorderLinks.RemoveRange(existing.Where(l => !_kept.Contains(l)));
    }

    private sealed record Supply(Domain.Common.PurchaseOrderId PurchaseOrderId, string Number, int LineNo, DateOnly Expected)
    {
        public decimal Remaining { get; set; }
    }
}
