using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

public class OrderFulfilmentTests
{
    private static readonly WarehouseId Main = OrderBuilder.MainWarehouse;
    private static readonly WarehouseId Spare = OrderBuilder.SpareWarehouse;

    [Fact]
    public void Reserve_OnlyPartOfALine_KeepsTheRestBackordered()
    {
        var order = new OrderBuilder().Confirmed();

        order.ReserveLine(1, 6m);

        order.Status.ShouldBe(OrderStatus.Fulfilling);
        order.Line(1).ShouldSatisfyAllConditions(l => l.ReservedQuantity.ShouldBe(6m), l => l.QuantityToReserve.ShouldBe(4m));
        order.Line(2).QuantityToReserve.ShouldBe(3m);
        order.History[^1].Reason.ShouldBe("Reserved 6 in 1 allocation(s). Backordered line 1: 4 pc, line 2: 3 pc.");
        order.AllowedCommands.ShouldContain(OrderCommand.Reserve);
    }

    [Fact]
    public void Reserve_NothingAvailable_LeavesTheOrderConfirmed()
    {
        var order = new OrderBuilder().Confirmed();

        order.RecordReservations([], OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.Confirmed);
        order.Lines.ShouldAllBe(l => l.QuantityToReserve == l.Quantity);
    }

    [Fact]
    public void Reserve_FromTwoWarehouses_KeepsOneReservationPerWarehouse()
    {
        var order = new OrderBuilder().Confirmed();

        order.ReserveLine(1, 4m, Main);
        order.ReserveLine(1, 3m, Spare);
        order.ReserveLine(1, 2m, Main);

        order.Reservations.Select(r => (r.LineNo, r.WarehouseId, r.Quantity)).ShouldBe([(1, Main, 6m), (1, Spare, 3m)], ignoreOrder: true);
        order.Line(1).ReservedQuantity.ShouldBe(9m);
    }

    [Fact]
    public void Reserve_MoreThanALineNeeds_IsRefused()
    {
        var order = new OrderBuilder().Confirmed();

        Should.Throw<InvalidOperationException>(() => order.ReserveLine(1, 11m));
        order.Line(1).ReservedQuantity.ShouldBe(0m);
    }

    [Fact]
    public void Reserve_RefusedHalfway_ChangesNothing()
    {
        var order = new OrderBuilder().Confirmed();
        var before = OrderSnapshot.Of(order);

        Should.Throw<InvalidOperationException>(() => order.RecordReservations(
            [new StockAllocation(1, Main, "SKU-001", 10m), new StockAllocation(2, Main, "SKU-002", 4m)], OrderBuilder.Clerk, OrderBuilder.Now));

        OrderSnapshot.Of(order).ShouldBe(before);
    }

    [Fact]
    public void Ship_InSeveralParts_MovesFromFulfillingToShipped()
    {
        var order = new OrderBuilder().Confirmed();
        order.ReserveAll();

        order.ShipLine(1, 4m);
        order.Status.ShouldBe(OrderStatus.Fulfilling);
        order.Ship([new ShipmentRequestLine(1, 6m), new ShipmentRequestLine(2, 1m)], OrderBuilder.Clerk, OrderBuilder.Now);
        order.Status.ShouldBe(OrderStatus.Fulfilling);
        order.ShipLine(2, 2m);

        order.Status.ShouldBe(OrderStatus.Shipped);
        order.Lines.ShouldAllBe(l => l.ShippedQuantity == l.Quantity && l.ReservedQuantity == 0);
        order.Reservations.ShouldBeEmpty();
    }

    [Fact]
    public void Ship_TakesFromEachWarehouseHoldingTheLine()
    {
        var order = new OrderBuilder().Confirmed();
        order.ReserveLine(1, 4m, Main);
        order.ReserveLine(1, 6m, Spare);

        var leaving = order.ShipLine(1, 7m);

        leaving.ShouldBe([new StockRelease(1, Main, "SKU-001", 4m), new StockRelease(1, Spare, "SKU-001", 3m)], ignoreOrder: true);
        order.Reservations.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.WarehouseId.ShouldBe(Spare), r => r.Quantity.ShouldBe(3m));
        order.Line(1).ShouldSatisfyAllConditions(l => l.ShippedQuantity.ShouldBe(7m), l => l.ReservedQuantity.ShouldBe(3m));
    }

    [Fact]
    public void Ship_WithoutNamingLines_ShipsEverythingReserved()
    {
        var order = new OrderBuilder().Confirmed();
        order.ReserveLine(1, 5m);
        order.ReserveLine(2, 1m);

        var leaving = order.Ship(null, OrderBuilder.Clerk, OrderBuilder.Now);

        leaving.ShouldBe([new StockRelease(1, Main, "SKU-001", 5m), new StockRelease(2, Main, "SKU-002", 1m)], ignoreOrder: true);
        order.Status.ShouldBe(OrderStatus.Fulfilling);
        order.AllowedCommands.ShouldNotContain(OrderCommand.Ship);
    }

    [Fact]
    public void Ship_MoreThanReserved_IsRefusedWithAFieldErrorAndChangesNothing()
    {
        var order = new OrderBuilder().Confirmed();
        order.ReserveLine(1, 5m);
        var before = OrderSnapshot.Of(order);

        var refusal = Should.Throw<InvalidInput>(() => order.ShipLine(1, 6m));

        refusal.Code.ShouldBe("shipment.invalid");
        refusal.FieldErrors.Keys.ShouldBe(["lines[0].quantity"]);
        refusal.FieldErrors["lines[0].quantity"].ShouldBe(["Line 1 has only 5 pc reserved to ship."]);
        OrderSnapshot.Of(order).ShouldBe(before);
    }

    [Fact]
    public void Ship_WithSeveralMistakes_ReportsEachField()
    {
        var order = new OrderBuilder().Confirmed();
        order.ReserveAll();

        var refusal = Should.Throw<InvalidInput>(() => order.Ship(
        [
            new ShipmentRequestLine(9, 1m), new ShipmentRequestLine(1, 0m), new ShipmentRequestLine(2, 1.5m), new ShipmentRequestLine(1, 1m),
        ], OrderBuilder.Clerk, OrderBuilder.Now));

        refusal.Code.ShouldBe("shipment.invalid");
        refusal.FieldErrors.Keys.ShouldBe(["lines[0].lineNo", "lines[1].quantity", "lines[2].quantity", "lines"], ignoreOrder: true);
        order.Lines.ShouldAllBe(l => l.ShippedQuantity == 0);
    }

    [Fact]
    public void Cancel_HandsBackEveryReservation()
    {
        var order = new OrderBuilder().Confirmed();
        order.ReserveLine(1, 4m, Main);
        order.ReserveLine(1, 6m, Spare);
        order.ReserveLine(2, 2m, Main);
        var reserved = order.Reservations.Select(r => new StockRelease(r.LineNo, r.WarehouseId, r.Sku, r.Quantity)).ToList();

        var released = order.Cancel("customer withdrew", OrderBuilder.Clerk, OrderBuilder.Now);

        released.ShouldBe(reserved, ignoreOrder: true);
        released.Sum(r => r.Quantity).ShouldBe(12m);
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.Reservations.ShouldBeEmpty();
        order.Lines.ShouldAllBe(l => l.ReservedQuantity == 0);
        order.History[^1].Reason.ShouldBe("customer withdrew Released 12 reserved unit(s).");
    }

    [Fact]
    public void Cancel_BeforeAnythingIsReserved_ReleasesNothing()
    {
        var order = new OrderBuilder().Confirmed();

        order.Cancel("duplicate order", OrderBuilder.Clerk, OrderBuilder.Now).ShouldBeEmpty();
        order.Status.ShouldBe(OrderStatus.Cancelled);
    }

    [Fact]
    public void Cancel_AfterPartOfTheOrderShipped_IsRefused()
    {
        var order = new OrderBuilder().Confirmed();
        order.ReserveAll();
        order.ShipLine(2, 1m);
        var before = OrderSnapshot.Of(order);

        var refusal = Should.Throw<BusinessRuleViolation>(() => order.Cancel("too late", OrderBuilder.Clerk, OrderBuilder.Now));

        refusal.Code.ShouldBe("order.cannot_cancel_after_shipment");
        OrderSnapshot.Of(order).ShouldBe(before);
        order.AllowedCommands.ShouldNotContain(OrderCommand.Cancel);
    }

    [Fact]
    public void Cancel_WithoutAReason_IsRefused()
    {
        var order = new OrderBuilder().Fulfilling();
        var before = OrderSnapshot.Of(order);

        Should.Throw<InvalidInput>(() => order.Cancel("", OrderBuilder.Clerk, OrderBuilder.Now)).Code.ShouldBe("order.reason_required");
        OrderSnapshot.Of(order).ShouldBe(before);
    }

    [Fact]
    public void RecordInvoice_RefusedHalfway_ChangesNothing()
    {
        var order = new OrderBuilder().Shipped();
        var before = OrderSnapshot.Of(order);

        Should.Throw<InvalidOperationException>(() =>
            order.RecordInvoice("INV-X", [(1, 10m), (2, 4m)], 500m, OrderBuilder.Clerk, OrderBuilder.Now));

        OrderSnapshot.Of(order).ShouldBe(before);
    }
}
