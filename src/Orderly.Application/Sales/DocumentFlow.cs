using Microsoft.EntityFrameworkCore;
using Orderly.Application.Billing;
using Orderly.Application.Fulfilment;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Sales;

/// <summary>
/// A line in the flow, quantities in the line's unit: <c>NotYetReserved</c> is still to reserve with no reservation tried,
/// <c>Backordered</c> was tried and waits for goods (see <see cref="OrderLineView"/>).
/// </summary>
public sealed record FlowLine(int LineNo, string Sku, decimal Quantity, decimal Reserved, decimal Shipped, decimal Invoiced,
    decimal NotYetReserved, decimal Backordered, DateOnly? PromisedDate, string PromiseBasis);

/// <summary>
/// A purchase order line that serves or served an order line: <c>Quantity</c> is what the order line still waits for from it
/// (0 once it no longer waits), <c>ServedQuantity</c> what its receipts reserved for the order line. Both stay visible: a
/// link that served the order is history.
/// </summary>
public sealed record FlowPurchaseOrderLine(Guid PurchaseOrderId, string Number, string Status, int PurchaseOrderLineNo, int OrderLineNo,
    string Sku, decimal Quantity, decimal ServedQuantity, DateOnly ExpectedDate, DateOnly? PromisedDate);

/// <summary>A goods receipt of a purchase order line in the flow; <c>ServedQuantity</c> is what of it was reserved for this order.</summary>
public sealed record FlowReceipt(long Id, Guid PurchaseOrderId, string PurchaseOrderNumber, int PurchaseOrderLineNo, string Sku, string WarehouseCode,
    decimal Quantity, decimal ServedQuantity, DateTimeOffset ReceivedAt, string ReceivedBy);

/// <summary>Every document linked to one order, upstream (purchase orders, receipts) and downstream (shipments, invoices, payments).</summary>
public sealed record OrderFlowView(Guid OrderId, string Number, string Status, IReadOnlyList<FlowLine> Lines,
    IReadOnlyList<ReservationView> Reservations, IReadOnlyList<FlowPurchaseOrderLine> PurchaseOrderLines, IReadOnlyList<FlowReceipt> Receipts,
    IReadOnlyList<ShipmentView> Shipments, IReadOnlyList<InvoiceView> Invoices, IReadOnlyList<PaymentView> Payments);

/// <summary>
/// The SAP-style document flow of a sales order (<c>GET /api/orders/{id}/flow</c>). Upstream it joins what the order's lines
/// wait for (<c>backorder_links</c>, rewritten by every re-promise) with what served them (<c>served_backorders</c>,
/// history), so a purchase order and receipt that filled a line stay in its flow. A customer or dealer user sees its own
/// orders' flow without the upstream part (no purchase orders, no receipts) and with the internal words left out (<see cref="OrderView"/>).
/// </summary>
public sealed class DocumentFlow(OrderlyDbContext db, OrderStore store, ShipmentUseCases shipments, InvoiceUseCases invoices)
{
    public async Task<OrderFlowView> OfOrderAsync(Guid id, CancellationToken ct)
    {
        var order = await store.ViewAsync(id, ct);
        var orderId = OrderId.From(id);
        // Purchase orders and goods receipts are the company's dealings with its suppliers: not a customer's to see (ADR 0021).
        var upstreamShown = store.Caller.SeesInternals;
        var waiting = upstreamShown ? await db.BackorderLinks.AsNoTracking().Where(l => l.OrderId == orderId).ToListAsync(ct) : [];
        var served = upstreamShown ? await db.ServedBackorders.AsNoTracking().Where(s => s.OrderId == orderId).ToListAsync(ct) : [];
        var upstream = waiting.Select(l => (l.PurchaseOrderId, l.PurchaseOrderLineNo, l.OrderLineNo))
            .Concat(served.Select(s => (s.PurchaseOrderId, s.PurchaseOrderLineNo, s.OrderLineNo))).Distinct().ToList();
        var purchaseIds = upstream.Select(u => u.PurchaseOrderId).Distinct().ToList();
        var purchaseOrders = purchaseIds.Count == 0 ? []
            : await db.PurchaseOrders.AsNoTracking().Where(po => purchaseIds.Contains(po.Id)).ToDictionaryAsync(po => po.Id, ct);
        var codes = await db.WarehouseCodesAsync(ct);
        var receipts = purchaseIds.Count == 0 ? []
            : await db.GoodsReceipts.AsNoTracking().Where(r => purchaseIds.Contains(r.PurchaseOrderId)).OrderBy(r => r.Id).ToListAsync(ct);
        var upstreamLines = upstream.Select(u => (u.PurchaseOrderId, u.PurchaseOrderLineNo)).ToHashSet();
        var invoiceViews = await invoices.OfOrderAsync(id, ct);
        var unitDecimals = await db.UnitDecimalsAsync(order.Lines.Select(l => l.Sku), ct);
        var skuOfLine = order.Lines.ToDictionary(l => l.LineNo, l => l.Sku);
        decimal Quantity(decimal q, string? sku) => NumberForm.Quantity(q, sku is null ? 0 : unitDecimals.GetValueOrDefault(sku));

        return new OrderFlowView(order.Id, order.Number, order.Status,
            order.Lines.Select(l => new FlowLine(l.LineNo, l.Sku, l.Quantity, l.ReservedQuantity, l.ShippedQuantity, l.InvoicedQuantity,
                l.NotYetReservedQuantity, l.BackorderedQuantity, l.PromisedDate, l.PromiseBasis)).ToList(),
            order.Reservations,
            upstream.Select(u => (Key: u, Po: purchaseOrders[u.PurchaseOrderId]))
                .OrderBy(x => x.Po.Number, StringComparer.Ordinal).ThenBy(x => x.Key.PurchaseOrderLineNo).ThenBy(x => x.Key.OrderLineNo)
                .Select(x => new FlowPurchaseOrderLine(x.Po.Id.Value, x.Po.Number, x.Po.Status.ToString(), x.Key.PurchaseOrderLineNo, x.Key.OrderLineNo,
                    skuOfLine.GetValueOrDefault(x.Key.OrderLineNo, ""),
                    Quantity(waiting.Where(l => (l.PurchaseOrderId, l.PurchaseOrderLineNo, l.OrderLineNo) == x.Key).Sum(l => l.Quantity),
                        skuOfLine.GetValueOrDefault(x.Key.OrderLineNo)),
                    Quantity(served.Where(s => (s.PurchaseOrderId, s.PurchaseOrderLineNo, s.OrderLineNo) == x.Key).Sum(s => s.Quantity),
                        skuOfLine.GetValueOrDefault(x.Key.OrderLineNo)),
                    x.Po.ExpectedDate, x.Po.PromisedDate)).ToList(),
            receipts.Where(r => upstreamLines.Contains((r.PurchaseOrderId, r.LineNo)))
                .Select(r => new FlowReceipt(r.Id, r.PurchaseOrderId.Value, purchaseOrders[r.PurchaseOrderId].Number, r.LineNo, r.Sku,
                    codes.GetValueOrDefault(r.WarehouseId, "?"), Quantity(r.Quantity, r.Sku),
                    Quantity(served.Where(s => s.GoodsReceiptId == r.Id).Sum(s => s.Quantity), r.Sku),
                    r.ReceivedAt, r.ReceivedBy)).ToList(),
            await shipments.OfOrderAsync(id, ct),
            invoiceViews,
            invoiceViews.SelectMany(i => i.Payments).OrderBy(p => p.RecordedAt).ToList());
    }
}
