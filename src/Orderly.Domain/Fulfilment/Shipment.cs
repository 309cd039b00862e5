using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Fulfilment;

/// <summary>Goods that left the warehouses for one order in one go (goods issue, 发货过账).</summary>
public sealed class Shipment
{
    private readonly List<ShipmentLine> _lines = [];

    private Shipment() { }

    public ShipmentId Id { get; private set; }
    public string Number { get; private set; } = "";
    public OrderId OrderId { get; private set; }
    public DateTimeOffset ShippedAt { get; private set; }
    public string ShippedBy { get; private set; } = "";
    public IReadOnlyList<ShipmentLine> Lines => _lines;

    public static Shipment Post(ShipmentId id, string number, OrderId order, IReadOnlyList<StockRelease> leaving, string actor, DateTimeOffset now)
    {
        var shipment = new Shipment { Id = id, Number = number, OrderId = order, ShippedAt = now, ShippedBy = actor };
        foreach (var item in leaving)
            shipment._lines.Add(new ShipmentLine(id, item.LineNo, item.WarehouseId, item.Sku, item.Quantity));
        return shipment;
    }
}

public sealed class ShipmentLine(ShipmentId shipmentId, int orderLineNo, WarehouseId warehouseId, string sku, decimal quantity)
{
    public long Id { get; private set; }
    public ShipmentId ShipmentId { get; private set; } = shipmentId;
    public int OrderLineNo { get; private set; } = orderLineNo;
    public WarehouseId WarehouseId { get; private set; } = warehouseId;
    public string Sku { get; private set; } = sku;
    public decimal Quantity { get; private set; } = quantity;
}
