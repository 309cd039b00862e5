using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Domain.Tests.Inventory;

public class StockMovementTests
{
    private static readonly WarehouseId Warehouse = OrderBuilder.MainWarehouse;
    private static readonly OrderId Order = OrderId.New();

    public static TheoryData<MovementKind, decimal, decimal> EffectOfFiveUnits() => new()
    {
        { MovementKind.Receipt, 5m, 0m },
        { MovementKind.Adjustment, 5m, 0m },
        { MovementKind.Reservation, 0m, 5m },
        { MovementKind.Release, 0m, -5m },
        { MovementKind.Shipment, -5m, -5m },
    };

    [Theory]
    [MemberData(nameof(EffectOfFiveUnits))]
    public void EachKind_ChangesOnHandAndReservedInItsOneWay(MovementKind kind, decimal onHandChange, decimal reservedChange)
    {
        var movement = Move(kind, 5m);

        movement.ShouldSatisfyAllConditions(
            m => m.Kind.ShouldBe(kind),
            m => m.OnHandChange.ShouldBe(onHandChange),
            m => m.ReservedChange.ShouldBe(reservedChange),
            m => m.Sku.ShouldBe("SKU-001"),
            m => m.WarehouseId.ShouldBe(Warehouse));
    }

    [Fact]
    public void ReserveThenShip_LeavesNothingReserved_AndOnHandLowerByWhatShipped()
    {
        StockMovement[] ledger = [Move(MovementKind.Receipt, 20m), Move(MovementKind.Reservation, 8m), Move(MovementKind.Shipment, 5m),
            Move(MovementKind.Release, 3m)];

        ledger.Sum(m => m.OnHandChange).ShouldBe(15m);
        ledger.Sum(m => m.ReservedChange).ShouldBe(0m);
    }

    [Fact]
    public void MovementsForAnOrder_CarryTheOrder()
    {
        Move(MovementKind.Reservation, 1m).OrderId.ShouldBe(Order);
        Move(MovementKind.Receipt, 1m).OrderId.ShouldBeNull();
    }

    [Fact]
    public void EmptyStockLevel_HasNothingAvailable()
    {
        var level = StockLevel.Empty(Warehouse, "SKU-001");

        (level.OnHand, level.Reserved, level.Available).ShouldBe((0m, 0m, 0m));
    }

    [Theory]
    [InlineData("", "Main", 1, "code")]
    [InlineData("W1", " ", 1, "name")]
    [InlineData("W1", "Main", -1, "priority")]
    [InlineData("W1", "Main", 1001, "priority")]
    public void OpenWarehouse_WithAnInvalidField_NamesThatField(string code, string name, int priority, string field)
    {
        var refusal = Should.Throw<InvalidInput>(() => Orderly.Domain.Inventory.Warehouse.Open(code, name, priority));

        refusal.Code.ShouldBe("warehouse.invalid");
        refusal.FieldErrors.Keys.ShouldBe([field]);
    }

    private static StockMovement Move(MovementKind kind, decimal quantity) => kind switch
    {
        MovementKind.Receipt => StockMovement.Receipt(Warehouse, "SKU-001", quantity, "GR-1", OrderBuilder.Clerk, OrderBuilder.Now),
        MovementKind.Adjustment => StockMovement.Adjustment(Warehouse, "SKU-001", quantity, "count", OrderBuilder.Clerk, OrderBuilder.Now),
        MovementKind.Reservation => StockMovement.Reservation(Warehouse, "SKU-001", quantity, Order, "SO-1", OrderBuilder.Clerk, OrderBuilder.Now),
        MovementKind.Release => StockMovement.Release(Warehouse, "SKU-001", quantity, Order, "SO-1", OrderBuilder.Clerk, OrderBuilder.Now),
        MovementKind.Shipment => StockMovement.Shipment(Warehouse, "SKU-001", quantity, Order, "SH-1", OrderBuilder.Clerk, OrderBuilder.Now),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
