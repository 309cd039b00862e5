using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

/// <summary>Unreserved quantity is "not yet reserved" until a reservation is tried for the line, "backordered" after (issue 8, item 14).</summary>
public class ReservationStateTests
{
    [Fact]
    public void A_confirmed_order_never_reserved_has_nothing_backordered()
    {
        var order = new OrderBuilder().Confirmed();

        order.Lines.Select(l => (l.NotYetReservedQuantity(order.Status), l.BackorderedQuantity(order.Status))).ShouldBe([(10m, 0m), (3m, 0m)]);
    }

    [Fact]
    public void A_reserve_tries_every_open_line_so_what_it_could_not_meet_is_backordered()
    {
        var order = new OrderBuilder().Confirmed();

        order.ReserveLine(1, 6m);

        order.Lines.Select(l => (l.NotYetReservedQuantity(order.Status), l.BackorderedQuantity(order.Status))).ShouldBe([(0m, 4m), (0m, 3m)]);
    }

    [Fact]
    public void Stock_serving_one_backorder_line_tries_only_that_line()
    {
        var order = new OrderBuilder().Confirmed();

        order.RecordReservations([new StockAllocation(1, OrderBuilder.MainWarehouse, order.Line(1).Sku, 6m)], OrderBuilder.Clerk, OrderBuilder.Now,
            servedLine: 1);

        order.Lines.Select(l => (l.NotYetReservedQuantity(order.Status), l.BackorderedQuantity(order.Status))).ShouldBe([(0m, 4m), (3m, 0m)]);
        order.History[^1].Reason.ShouldBe("Reserved 6 in 1 allocation(s). Backordered line 1: 4 pc.");
    }

    [Fact]
    public void A_cancelled_order_has_nothing_waiting()
    {
        var order = new OrderBuilder().Confirmed();
        order.ReserveLine(1, 6m);

        order.Cancel("customer withdrew", OrderBuilder.Clerk, OrderBuilder.Now);

        order.Lines.ShouldAllBe(l => l.NotYetReservedQuantity(order.Status) == 0 && l.BackorderedQuantity(order.Status) == 0);
    }
}
