using Microsoft.EntityFrameworkCore;
using Orderly.Application.Events;
using Orderly.Application.Persistence;
using Orderly.Domain.Billing;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Tests.Invariants;

/// <summary>
/// The guarantees that must hold after any sequence of operations, read straight from the database: stock conserved,
/// nothing reserved twice, invoices that agree with themselves, each customer's kept credit exposure, the kept backorder queue, a line's invoices that add up to the line, never more paid than invoiced, and purchase orders
/// whose received quantity is the sum of their goods receipts.
/// </summary>
public static class LedgerInvariants
{
    public static async Task<IReadOnlyList<string>> ViolationsAsync(OrderlyDbContext db, MoneyRounding rounding)
    {
        var problems = new List<string>();
        var levels = await db.StockLevels.AsNoTracking().ToListAsync();
        var movements = await db.StockMovements.AsNoTracking().ToListAsync();
        var reservations = await db.SalesOrders.AsNoTracking().SelectMany(o => o.Reservations).ToListAsync();
        foreach (var level in levels)
        {
            var mine = movements.Where(m => m.WarehouseId == level.WarehouseId && m.Sku == level.Sku).ToList();
            var where = $"{level.Sku}@{level.WarehouseId}";
            if (level.OnHand != mine.Sum(m => m.OnHandChange)) problems.Add($"{where}: on hand {level.OnHand} != sum of movements {mine.Sum(m => m.OnHandChange)}");
            if (level.Reserved != mine.Sum(m => m.ReservedChange)) problems.Add($"{where}: reserved {level.Reserved} != sum of movements {mine.Sum(m => m.ReservedChange)}");
            if (level.Reserved < 0 || level.Reserved > level.OnHand) problems.Add($"{where}: reserved {level.Reserved} outside 0..{level.OnHand}");
            var held = reservations.Where(r => r.WarehouseId == level.WarehouseId && r.Sku == level.Sku).Sum(r => r.Quantity);
            if (held != level.Reserved) problems.Add($"{where}: orders hold {held} but the warehouse has {level.Reserved} reserved");
        }

        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments).ToListAsync();
        foreach (var invoice in invoices)
        {
            var minor = Currency.Of(invoice.Currency).MinorUnits;
            if (invoice.TotalAmount != invoice.Lines.Sum(l => l.GrossAmount)) problems.Add($"{invoice.Number}: total != sum of lines");
            if (invoice.Lines.Any(l => Math.Round(l.GrossAmount, minor) != l.GrossAmount || Math.Round(l.TaxAmount, minor) != l.TaxAmount))
                problems.Add($"{invoice.Number}: a line is not rounded to {minor} decimals");
            if (invoice.PaidAmount != invoice.Payments.Sum(p => p.Amount)) problems.Add($"{invoice.Number}: paid != sum of payments");
            if (invoice.PaidAmount > invoice.TotalAmount) problems.Add($"{invoice.Number}: paid {invoice.PaidAmount} > invoiced {invoice.TotalAmount}");
        }

        var orders = await db.SalesOrders.AsNoTracking().Include(o => o.Lines).ToListAsync();
        var shipped = await db.Shipments.AsNoTracking().SelectMany(s => s.Lines, (s, l) => new { s.OrderId, l.OrderLineNo, l.Quantity }).ToListAsync();
        foreach (var order in orders)
        {
            var billed = invoices.Where(i => i.OrderId == order.Id).ToList();
            if (order.InvoicedAmount != billed.Sum(i => i.TotalAmount)) problems.Add($"{order.Number}: invoiced amount disagrees with its invoices");
            if (order.PaidAmount != billed.Sum(i => i.PaidAmount)) problems.Add($"{order.Number}: paid amount disagrees with its invoices");
            if (order.PaidAmount > order.InvoicedAmount) problems.Add($"{order.Number}: paid > invoiced");
            foreach (var line in order.Lines)
            {
                var out_ = shipped.Where(s => s.OrderId == order.Id && s.OrderLineNo == line.LineNo).Sum(s => s.Quantity);
                if (out_ != line.ShippedQuantity) problems.Add($"{order.Number}/{line.LineNo}: shipped {line.ShippedQuantity} but shipments say {out_}");
                if (line.ReservedQuantity + line.ShippedQuantity > line.Quantity || line.InvoicedQuantity > line.ShippedQuantity)
                    problems.Add($"{order.Number}/{line.LineNo}: reserved+shipped or invoiced exceed the line");
                var parts = billed.SelectMany(i => i.Lines).Where(l => l.OrderLineNo == line.LineNo).ToList();
                var whole = line.Amounts(order.CurrencyUnit, rounding);
                if (line.InvoicedQuantity == line.Quantity && (parts.Sum(p => p.NetAmount) != whole.Net || parts.Sum(p => p.TaxAmount) != whole.Tax))
                    problems.Add($"{order.Number}/{line.LineNo}: its invoices bill {parts.Sum(p => p.GrossAmount)}, the line is {whole.Gross}");
            }
        }
        var purchases = await db.PurchaseOrders.AsNoTracking().Include(p => p.Lines).ToListAsync();
        var receipts = await db.GoodsReceipts.AsNoTracking().ToListAsync();
        foreach (var po in purchases)
        {
            foreach (var line in po.Lines)
            {
                var received = receipts.Where(r => r.PurchaseOrderId == po.Id && r.LineNo == line.LineNo).Sum(r => r.Quantity);
                if (received != line.ReceivedQuantity) problems.Add($"{po.Number}/{line.LineNo}: received {line.ReceivedQuantity} but receipts say {received}");
                if (line.ReceivedQuantity > line.Quantity) problems.Add($"{po.Number}/{line.LineNo}: received more than ordered");
            }
        }
        var links = await db.BackorderLinks.AsNoTracking().ToListAsync();
        if (links.Any(l => l.Quantity <= 0)) problems.Add("a backorder link has no quantity");
        problems.AddRange(await CreditExposureViolationsAsync(db, rounding, invoices));
        problems.AddRange(await BackorderQueueViolationsAsync(db, orders));
        problems.AddRange(await HistoryEventViolationsAsync(db));
        return problems;
    }

    /// <summary>
    /// The outbox (ADR 0015): each order's and purchase order's history entries have one event each, of the entry's
    /// action, in the same order; no event exists without its entry.
    /// </summary>
    private static async Task<IEnumerable<string>> HistoryEventViolationsAsync(OrderlyDbContext db)
    {
        var events = (await db.BusinessEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.AggregateId, e.Type }).ToListAsync())
            .ToLookup(e => e.AggregateId, e => e.Type);
        var orderHistory = (await db.OrderHistory.AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.OrderId, h.Action }).ToListAsync())
            .Select(h => (h.OrderId.Value, Type: EventTypes.OfOrderAction(h.Action)));
        var purchaseHistory = (await db.PurchaseOrderHistory.AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.PurchaseOrderId, h.Action }).ToListAsync())
            .Select(h => (h.PurchaseOrderId.Value, Type: EventTypes.OfPurchaseOrderAction(h.Action)));
        return orderHistory.Concat(purchaseHistory).GroupBy(h => h.Value, h => h.Type)
            .Where(history => !history.SequenceEqual(events[history.Key].Where(t => t.StartsWith("order.", StringComparison.Ordinal) || t.StartsWith("purchase_order.", StringComparison.Ordinal))))
            .Select(history => $"{history.Key}: history [{string.Join(", ", history)}] but events [{string.Join(", ", events[history.Key])}]");
    }

    /// <summary>The kept backorder queue holds exactly the committed lines with quantity to reserve, each at its place.</summary>
    private static async Task<IEnumerable<string>> BackorderQueueViolationsAsync(OrderlyDbContext db, IReadOnlyList<SalesOrder> orders)
    {
        var kept = await db.BackorderQueueEntries.AsNoTracking().ToListAsync();
        var wanted = orders.SelectMany(o => o.Lines.Where(l => OrderStatuses.Committed.Contains(o.Status) && l.QuantityToReserve > 0)
            .Select(l => (o.Id, l.LineNo, Place: (l.Sku, o.Priority, l.PromisedDate ?? DateOnly.MaxValue, o.ReceivedAt.UtcDateTime, o.Number)))).ToList();
        var keptPlaces = kept.ToDictionary(q => (q.OrderId, q.LineNo), q => (q.Sku, q.Priority, q.ServeBy, q.OrderedAtUtc, q.OrderNumber));
        var problems = new List<string>();
        foreach (var (order, lineNo, place) in wanted)
            if (!keptPlaces.Remove((order, lineNo), out var at)) problems.Add($"backorder queue: {place.Number}/{lineNo} waits but has no entry");
            else if (at != place) problems.Add($"backorder queue: {place.Number}/{lineNo} is kept at {at}, belongs at {place}");
        problems.AddRange(keptPlaces.Select(q => $"backorder queue: {q.Value.OrderNumber}/{q.Key.LineNo} has an entry but does not wait"));
        return problems;
    }

    /// <summary>Each customer's kept credit exposure equals a count from its orders and invoices (a missing row counts nothing).</summary>
    private static async Task<IEnumerable<string>> CreditExposureViolationsAsync(OrderlyDbContext db, MoneyRounding rounding, IReadOnlyList<Invoice> invoices)
    {
        var problems = new List<string>();
        var orders = await db.SalesOrders.AsNoTracking().Include(o => o.Lines).ToListAsync();
        var rows = await db.CustomerCredits.AsNoTracking().ToDictionaryAsync(c => c.CustomerId);
        foreach (var customer in orders.Select(o => o.CustomerId).Concat(invoices.Select(i => i.CustomerId)).Concat(rows.Keys).Distinct())
        {
            var onOrder = orders.Where(o => o.CustomerId == customer && OrderStatuses.OnCredit.Contains(o.Status)).Sum(o => o.UninvoicedAmount(rounding));
            var owed = invoices.Where(i => i.CustomerId == customer).Sum(i => i.OpenAmount);
            var kept = rows.GetValueOrDefault(customer);
            if ((kept?.OpenOrdersAmount ?? 0) != onOrder || (kept?.OpenReceivables ?? 0) != owed)
                problems.Add($"customer {customer}: kept exposure {kept?.OpenOrdersAmount} on order / {kept?.OpenReceivables} owed, counted {onOrder} / {owed}");
        }
        return problems;
    }
}
