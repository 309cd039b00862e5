using Microsoft.EntityFrameworkCore;
using Orderly.Application.Billing;
using Orderly.Application.Fulfilment;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Sales;

public sealed record FlowLine(int LineNo, string Sku, decimal Quantity, decimal Reserved, decimal Shipped, decimal Invoiced, decimal Waiting,
    DateOnly? PromisedDate, string PromiseBasis);

public sealed record FlowPurchaseOrderLine(Guid PurchaseOrderId, string Number, string Status, int PurchaseOrderLineNo, int OrderLineNo,
    decimal Quantity, DateOnly ExpectedDate, DateOnly? PromisedDate);

public sealed record FlowReceipt(Guid PurchaseOrderId, string PurchaseOrderNumber, int PurchaseOrderLineNo, string Sku, string WarehouseCode,
    decimal Quantity, DateTimeOffset ReceivedAt, string ReceivedBy);

/// <summary>Every document linked to one order, upstream (purchase orders, receipts) and downstream (shipments, invoices, payments).</summary>
public sealed record OrderFlowView(Guid OrderId, string Number, string Status, IReadOnlyList<FlowLine> Lines,
    IReadOnlyList<ReservationView> Reservations, IReadOnlyList<FlowPurchaseOrderLine> PurchaseOrderLines, IReadOnlyList<FlowReceipt> Receipts,
    IReadOnlyList<ShipmentView> Shipments, IReadOnlyList<InvoiceView> Invoices, IReadOnlyList<PaymentView> Payments);

/// <summary>The SAP-style document flow of a sales order (<c>GET /api/orders/{id}/flow</c>).</summary>
public sealed class DocumentFlow(OrderlyDbContext db, OrderStore store, ShipmentUseCases shipments, InvoiceUseCases invoices)
{
    public async Task<OrderFlowView> OfOrderAsync(Guid id, CancellationToken ct)
    {
        var order = await store.ViewAsync(id, ct);
        var orderId = OrderId.From(id);
        var links = await (from link in db.BackorderLinks.AsNoTracking()
                           join po in db.PurchaseOrders.AsNoTracking() on link.PurchaseOrderId equals po.Id
                           where link.OrderId == orderId
                           orderby po.Number, link.PurchaseOrderLineNo
                           select new { link, po.Number, po.Status, po.ExpectedDate, po.PromisedDate }).ToListAsync(ct);
        var purchaseIds = links.Select(l => l.link.PurchaseOrderId).Distinct().ToList();
        var codes = await db.WarehouseCodesAsync(ct);
        var receipts = await (from r in db.GoodsReceipts.AsNoTracking()
                              join po in db.PurchaseOrders.AsNoTracking() on r.PurchaseOrderId equals po.Id
                              where purchaseIds.Contains(r.PurchaseOrderId)
                              orderby r.Id
                              select new { r, po.Number }).ToListAsync(ct);
        var linkedLines = links.Select(l => (l.link.PurchaseOrderId, l.link.PurchaseOrderLineNo)).ToHashSet();
        var invoiceViews = await invoices.OfOrderAsync(id, ct);
        var unitDecimals = await db.UnitDecimalsAsync(order.Lines.Select(l => l.Sku), ct);
        var skuOfLine = order.Lines.ToDictionary(l => l.LineNo, l => l.Sku);
        decimal Quantity(decimal q, string? sku) => NumberForm.Quantity(q, sku is null ? 0 : unitDecimals.GetValueOrDefault(sku));

        return new OrderFlowView(order.Id, order.Number, order.Status,
            order.Lines.Select(l => new FlowLine(l.LineNo, l.Sku, l.Quantity, l.ReservedQuantity, l.ShippedQuantity, l.InvoicedQuantity,
                l.BackorderedQuantity, l.PromisedDate, l.PromiseBasis)).ToList(),
            order.Reservations,
            links.Select(l => new FlowPurchaseOrderLine(l.link.PurchaseOrderId.Value, l.Number, l.Status.ToString(), l.link.PurchaseOrderLineNo,
                l.link.OrderLineNo, Quantity(l.link.Quantity, skuOfLine.GetValueOrDefault(l.link.OrderLineNo)), l.ExpectedDate, l.PromisedDate)).ToList(),
            receipts.Where(x => linkedLines.Contains((x.r.PurchaseOrderId, x.r.LineNo)))
                .Select(x => new FlowReceipt(x.r.PurchaseOrderId.Value, x.Number, x.r.LineNo, x.r.Sku, codes.GetValueOrDefault(x.r.WarehouseId, "?"),
                    Quantity(x.r.Quantity, x.r.Sku), x.r.ReceivedAt, x.r.ReceivedBy)).ToList(),
            await shipments.OfOrderAsync(id, ct),
            invoiceViews,
            invoiceViews.SelectMany(i => i.Payments).OrderBy(p => p.RecordedAt).ToList());
    }
}
