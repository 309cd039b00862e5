using Orderly.Domain.Common;

namespace Orderly.Domain.Procurement;

/// <summary>Goods received against a purchase order line (收货); posted to the stock ledger as a Receipt movement.</summary>
public sealed class GoodsReceipt
{
    private GoodsReceipt() { }

    public long Id { get; private set; }
    public PurchaseOrderId PurchaseOrderId { get; private set; }
    public int LineNo { get; private set; }
    public WarehouseId WarehouseId { get; private set; }
    public string Sku { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public string Reference { get; private set; } = "";
    public string ReceivedBy { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }

    internal static GoodsReceipt Post(PurchaseOrderId order, int lineNo, WarehouseId warehouse, string sku, decimal quantity,
        string reference, string actor, DateTimeOffset now) => new()
    {
        PurchaseOrderId = order, LineNo = lineNo, WarehouseId = warehouse, Sku = sku, Quantity = quantity,
        Reference = reference, ReceivedBy = actor, ReceivedAt = now,
    };
}
