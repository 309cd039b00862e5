namespace Orderly.Domain.Inventory;

/// <summary>Why stock moved. Each kind changes on-hand and reserved in one fixed way (see <see cref="StockMovement"/>).</summary>
public enum MovementKind
{
    Receipt,
    Adjustment,
    Reservation,
    Release,
    Shipment,
}
