using Orderly.Domain.Common;

namespace Orderly.Domain.Sales;

/// <summary>Stock held in one warehouse for one order line, until it ships or is released.</summary>
public sealed class LineReservation
{
    private LineReservation() { }

    public long Id { get; private set; }
    public OrderId OrderId { get; private set; }
    public int LineNo { get; private set; }
    public WarehouseId WarehouseId { get; private set; }
    public string Sku { get; private set; } = "";
    public decimal Quantity { get; internal set; }
    public DateTimeOffset ReservedAt { get; private set; }
    /// <summary>Why the stock was taken from this warehouse, in words a person can check.</summary>
    public string Reason { get; internal set; } = "";

    internal static LineReservation Create(OrderId order, int lineNo, WarehouseId warehouse, string sku, decimal quantity, string reason,
        DateTimeOffset at) =>
        new() { OrderId = order, LineNo = lineNo, WarehouseId = warehouse, Sku = sku, Quantity = quantity, Reason = reason, ReservedAt = at };
}

/// <summary>Stock the database has just set aside for a line (the conditional update succeeded).</summary>
public sealed record StockAllocation(int LineNo, WarehouseId WarehouseId, string Sku, decimal Quantity, string Reason = "");

/// <summary>Stock that leaves or returns to a warehouse because of an order: a shipment, or a release on cancel.</summary>
public sealed record StockRelease(int LineNo, WarehouseId WarehouseId, string Sku, decimal Quantity);
