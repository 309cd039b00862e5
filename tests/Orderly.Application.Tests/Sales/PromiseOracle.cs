using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Tests.Sales;

/// <summary>
/// The promise algorithm as it ran inside every request before ADR 0009, kept as the test oracle: loads every open
/// order of a SKU with its lines, walks them in the fair order and says what each open line should be promised and
/// which backorder links should exist. It writes nothing. Written against the entities, independent of
/// <see cref="PromiseWalk"/> and the re-promise's own queries, so that both are checked against it.
/// </summary>
internal static class PromiseOracle
{
    private static readonly OrderStatus[] Open =
        [OrderStatus.Draft, OrderStatus.Submitted, OrderStatus.OnHold, OrderStatus.Approved, OrderStatus.Confirmed, OrderStatus.Fulfilling];

    private static readonly OrderStatus[] Committed = [OrderStatus.Confirmed, OrderStatus.Fulfilling];

    private static readonly PurchaseOrderStatus[] OpenPurchase =
        [PurchaseOrderStatus.Draft, PurchaseOrderStatus.Sent, PurchaseOrderStatus.Confirmed, PurchaseOrderStatus.PartiallyReceived];

    public sealed record Expected(
        Dictionary<(OrderId Order, int LineNo), (DateOnly? Date, string Basis)> Promises,
        HashSet<(OrderId Order, int LineNo, PurchaseOrderId PurchaseOrder, int PurchaseLineNo, decimal Quantity)> Links,
        decimal OpenDemand);

    public static async Task<Expected> ForSkuAsync(OrderlyDbContext db, string sku, DateOnly today)
    {
        var orders = await db.SalesOrders.AsNoTracking().Include(o => o.Lines)
            .Where(o => Open.Contains(o.Status) && o.Lines.Any(l => l.Sku == sku)).ToListAsync();
        var free = (await db.StockLevels.AsNoTracking().Where(s => s.Sku == sku).ToListAsync()).Sum(s => s.OnHand - s.Reserved);
        var pos = await db.PurchaseOrders.AsNoTracking().Include(p => p.Lines)
            .Where(p => OpenPurchase.Contains(p.Status) && p.Lines.Any(l => l.Sku == sku)).ToListAsync();
        var supply = pos.SelectMany(p => p.Lines.Where(l => l.Sku == sku && l.OpenQuantity > 0)
                .Select(l => new Supply(p.Id, p.Number, l.LineNo, p.ExpectedDate) { Remaining = l.OpenQuantity }))
            .OrderBy(s => s.Expected).ThenBy(s => s.Number, StringComparer.Ordinal).ToList();
        var offers = await (from o in db.SupplierOffers.AsNoTracking()
                            join s in db.Suppliers.AsNoTracking() on o.SupplierId equals s.Id
                            where o.Sku == sku
                            select new SourcingOption(s, o)).ToListAsync();
        var supplier = SupplierChoice.Preferred(offers);

        var expected = new Expected([], [], orders.SelectMany(o => o.Lines.Where(l => l.Sku == sku)).Sum(l => l.Quantity - l.ShippedQuantity));
        var queue = orders
            .SelectMany(o => o.Lines.Where(l => l.Sku == sku && l.Quantity > l.ShippedQuantity).Select(l => (Order: o, Line: l)))
            .OrderBy(x => Committed.Contains(x.Order.Status) ? 0 : 1)
            .ThenBy(x => x.Order.Priority)
            .ThenBy(x => x.Order.ReceivedAt)
            .ThenBy(x => x.Line.LineNo)
            .ThenBy(x => x.Order.Id.Value);
        foreach (var (order, line) in queue)
        {
            var open = line.QuantityToReserve;
            var fromStock = Math.Min(open, Math.Max(free, 0));
            free -= fromStock;
            var rest = open - fromStock;
            expected.Promises[(order.Id, line.LineNo)] = rest == 0
                ? (line.PromisedDate is { } p && p <= today ? p : today, open == 0 ? "reserved from stock" : "reservable from free stock")
                : Promise(order, line, rest, supply, supplier, expected.Links, today);
        }
        return expected;
    }

    private static (DateOnly? Date, string Basis) Promise(SalesOrder order, OrderLine line, decimal rest, List<Supply> supply,
        SourcingOption? supplier, HashSet<(OrderId, int, PurchaseOrderId, int, decimal)> links, DateOnly today)
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
            foreach (var (item, quantity) in used) links.Add((order.Id, line.LineNo, item.PurchaseOrderId, item.LineNo, quantity));

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

    private sealed record Supply(PurchaseOrderId PurchaseOrderId, string Number, int LineNo, DateOnly Expected)
    {
        public decimal Remaining { get; set; }
    }
}
