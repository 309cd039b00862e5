using Orderly.Domain.Common;

namespace Orderly.Domain.Inventory;

/// <summary>
/// Running totals of the ledger for one warehouse and SKU. Never edited directly: the application changes it
/// only together with a <see cref="StockMovement"/>, and reservations change it with one conditional update.
/// </summary>
public sealed class StockLevel
{
    private StockLevel() { }

    public WarehouseId WarehouseId { get; private set; }
    public string Sku { get; private set; } = "";
    public decimal OnHand { get; private set; }
    public decimal Reserved { get; private set; }

    public decimal Available => OnHand - Reserved;

    public static StockLevel Empty(WarehouseId warehouse, string sku) => new() { WarehouseId = warehouse, Sku = sku };
}
