using Orderly.Domain.Common;

namespace Orderly.Domain.Inventory;

/// <summary>
/// One line of the stock ledger. On hand is the sum of <see cref="OnHandChange"/> and reserved the sum of
/// <see cref="ReservedChange"/> over all movements of a warehouse and SKU; the stock level row is a running total of this ledger.
/// </summary>
public sealed class StockMovement
{
    private StockMovement() { }

    public long Id { get; private set; }
    public WarehouseId WarehouseId { get; private set; }
    public string Sku { get; private set; } = "";
    public MovementKind Kind { get; private set; }
    public decimal OnHandChange { get; private set; }
    public decimal ReservedChange { get; private set; }
    public OrderId? OrderId { get; private set; }
    public string Reference { get; private set; } = "";
    public string Actor { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static StockMovement Receipt(WarehouseId warehouse, string sku, decimal quantity, string reference, string actor, DateTimeOffset at) =>
        Create(warehouse, sku, MovementKind.Receipt, quantity, 0, null, reference, actor, at);

    public static StockMovement Adjustment(WarehouseId warehouse, string sku, decimal change, string reference, string actor, DateTimeOffset at) =>
        Create(warehouse, sku, MovementKind.Adjustment, change, 0, null, reference, actor, at);

    public static StockMovement Reservation(WarehouseId warehouse, string sku, decimal quantity, OrderId order, string reference, string actor, DateTimeOffset at) =>
        Create(warehouse, sku, MovementKind.Reservation, 0, quantity, order, reference, actor, at);

    public static StockMovement Release(WarehouseId warehouse, string sku, decimal quantity, OrderId order, string reference, string actor, DateTimeOffset at) =>
        Create(warehouse, sku, MovementKind.Release, 0, -quantity, order, reference, actor, at);

    public static StockMovement Shipment(WarehouseId warehouse, string sku, decimal quantity, OrderId order, string reference, string actor, DateTimeOffset at) =>
        Create(warehouse, sku, MovementKind.Shipment, -quantity, -quantity, order, reference, actor, at);

    private static StockMovement Create(WarehouseId warehouse, string sku, MovementKind kind, decimal onHand, decimal reserved,
        OrderId? order, string reference, string actor, DateTimeOffset at) => new()
    {
        WarehouseId = warehouse,
        Sku = sku,
        Kind = kind,
        OnHandChange = onHand,
        ReservedChange = reserved,
        OrderId = order,
        Reference = reference,
        Actor = actor,
        At = at,
    };
}
