using System.Net;
using Orderly.Application.Inventory;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>Many orders racing for too little stock: the database decides, nothing is oversold, the ledger stays whole.</summary>
public sealed class ReservationConcurrencyTests
{
    [Fact]
    public async Task Fifty_parallel_orders_for_ten_units_reserve_exactly_ten()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 6);
        await api.ReceiveAsync("EAST", "CHAI", 4);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 1 + i % 3));
            var response = await api.CommandAsync(order.Id, "reserve");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await OrderlyApi.Read<OrderView>(response, HttpStatusCode.OK);
        }));

        results.Sum(o => o.Lines.Single().ReservedQuantity).ShouldBe(10m);
        results.ShouldAllBe(o => o.Lines.Single().ReservedQuantity + o.Lines.Single().BackorderedQuantity == o.Lines.Single().Quantity);
        var stock = await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI");
        stock.Sum(s => s.Reserved).ShouldBe(10m);
        stock.ShouldAllBe(s => s.Reserved <= s.OnHand && s.Available == 0);
        var ledger = await api.GetAsync<List<StockMovementView>>("/api/stock/movements?sku=CHAI&limit=1000");
        ledger.Sum(m => m.ReservedChange).ShouldBe(10m);
        ledger.Sum(m => m.OnHandChange).ShouldBe(10m);
        ledger.Where(m => m.Kind == "Reservation").Select(m => m.OrderId).Distinct().Count()
            .ShouldBe(results.Count(o => o.Lines.Single().ReservedQuantity > 0));
    }
}
