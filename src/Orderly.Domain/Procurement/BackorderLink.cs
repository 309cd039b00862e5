using Orderly.Domain.Common;

namespace Orderly.Domain.Procurement;

/// <summary>A backordered sales order line waiting for (part of) a purchase order line; visible from both sides.</summary>
public sealed class BackorderLink
{
    private BackorderLink() { }

    public long Id { get; private set; }
    public OrderId OrderId { get; private set; }
    public int OrderLineNo { get; private set; }
    public PurchaseOrderId PurchaseOrderId { get; private set; }
    public int PurchaseOrderLineNo { get; private set; }
    public decimal Quantity { get; set; }
    public DateTimeOffset LinkedAt { get; private set; }

    public static BackorderLink Create(OrderId order, int orderLineNo, PurchaseOrderId purchaseOrder, int purchaseOrderLineNo,
        decimal quantity, DateTimeOffset now) => new()
    {
        OrderId = order, OrderLineNo = orderLineNo, PurchaseOrderId = purchaseOrder, PurchaseOrderLineNo = purchaseOrderLineNo,
        Quantity = quantity, LinkedAt = now,
    };
}
