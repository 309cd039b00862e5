using Orderly.Domain.Common;

namespace Orderly.Domain.Procurement;

/// <summary>
/// History, never changed or deleted: a goods receipt against a purchase order line served (reserved stock for) a
/// backordered sales order line. Unlike a <see cref="BackorderLink"/>, which says what an order line still waits for and
/// follows every re-promise, this stays once the line is served, so the document flow shows both ways which purchase
/// order and receipt filled which order (issue 8, item 13).
/// </summary>
public sealed class ServedBackorder
{
    private ServedBackorder() { }

    public long Id { get; private set; }
    public OrderId OrderId { get; private set; }
    public int OrderLineNo { get; private set; }
    public PurchaseOrderId PurchaseOrderId { get; private set; }
    public int PurchaseOrderLineNo { get; private set; }
    public long GoodsReceiptId { get; private set; }
    /// <summary>What the receipt reserved for the order line, in the line's unit.</summary>
    public decimal Quantity { get; private set; }
    public DateTimeOffset ServedAt { get; private set; }

    /// <summary>The record of <paramref name="receipt"/> (saved, so it has its id) serving <paramref name="quantity"/> of an order line.</summary>
    public static ServedBackorder Record(GoodsReceipt receipt, OrderId order, int orderLineNo, decimal quantity, DateTimeOffset now)
    {
        if (receipt.Id == 0) throw new InvalidOperationException("Save the goods receipt before recording what it served.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        return new()
        {
            OrderId = order, OrderLineNo = orderLineNo, PurchaseOrderId = receipt.PurchaseOrderId, PurchaseOrderLineNo = receipt.LineNo,
            GoodsReceiptId = receipt.Id, Quantity = quantity, ServedAt = now,
        };
    }
}
