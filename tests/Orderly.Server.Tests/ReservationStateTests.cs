using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// What is reserved, what is not yet reserved (no reservation tried) and what is backordered (tried, short) are shown
/// apart, per line and per order (issue 8, item 14): a confirmed order is not "backordered" before anyone tried.
/// </summary>
public sealed class ReservationStateTests
{
    [Fact]
    public async Task A_confirmed_order_with_stock_on_the_shelf_is_not_yet_reserved_not_backordered()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 50);

        var confirmed = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 45));

        Quantities(confirmed.Lines.Single()).ShouldBe((0m, 45m, 0m));
        confirmed.Reservation.ShouldBe(new OrderReservationSummary(ReservedLines: 0, NotYetReservedLines: 1, BackorderedLines: 0));
    }

    [Fact]
    public async Task An_order_before_confirmation_is_not_yet_reserved()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var placed = await api.PlaceOrderAsync("ALFKI", ("CHAI", 45));

        Quantities(placed.Lines.Single()).ShouldBe((0m, 45m, 0m));
    }

    [Fact]
    public async Task After_a_reservation_meets_only_part_of_a_line_the_rest_is_backordered()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 40);
        var confirmed = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 45));

        var reserved = await api.RunAsync(confirmed.Id, "reserve");

        Quantities(reserved.Lines.Single()).ShouldBe((40m, 0m, 5m));
        reserved.Reservation.ShouldBe(new OrderReservationSummary(1, 0, 1));
        var flow = await api.GetAsync<OrderFlowView>($"/api/orders/{confirmed.Id}/flow");
        flow.Lines.Single().ShouldSatisfyAllConditions(l => l.NotYetReserved.ShouldBe(0m), l => l.Backordered.ShouldBe(5m));
    }

    [Fact]
    public async Task Arriving_stock_that_serves_one_line_of_an_unreserved_order_leaves_its_other_lines_not_yet_reserved()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var confirmed = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5), ("COFFEE", 2));

        await api.ReceiveAsync("MAIN", "CHAI", 3);

        var order = await api.OrderAsync(confirmed.Id);
        order.Lines.Select(Quantities).ShouldBe([(3m, 0m, 2m), (0m, 2m, 0m)]);
        var queue = (await api.GetAsync<BackorderPage>("/api/backorders")).Items;
        queue.Select(b => (b.Sku, b.Waiting, b.Backordered, b.NotYetReserved)).ShouldBe([("CHAI", 2m, 2m, 0m), ("COFFEE", 2m, 0m, 2m)]);
    }

    [Fact]
    public async Task A_cancelled_order_shows_nothing_waiting()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var confirmed = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5));
        await api.RunAsync(confirmed.Id, "reserve");

        var cancelled = await api.RunAsync(confirmed.Id, "cancel", new { reason = "customer withdrew" });

        Quantities(cancelled.Lines.Single()).ShouldBe((0m, 0m, 0m));
        cancelled.Reservation.ShouldBe(new OrderReservationSummary(0, 0, 0));
    }

    private static (decimal Reserved, decimal NotYetReserved, decimal Backordered) Quantities(OrderLineView line) =>
        (line.ReservedQuantity, line.NotYetReservedQuantity, line.BackorderedQuantity);
}
