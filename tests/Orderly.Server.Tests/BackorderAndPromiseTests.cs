using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Inventory;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>Explained sourcing, backorders served fairly when goods arrive, and promise dates, through the API.</summary>
public sealed class BackorderAndPromiseTests
{
    [Fact]
    public async Task Each_reservation_says_why_its_warehouse_was_chosen()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 4);
        await api.ReceiveAsync("EAST", "CHAI", 20);

        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 10));
        var reserved = await api.RunAsync(order.Id, "reserve");

        var only = reserved.Reservations.ShouldHaveSingleItem();
        only.WarehouseCode.ShouldBe("EAST");
        only.Reason.ShouldContain("the only warehouse that can fill the whole line");
        var flow = await api.GetAsync<OrderFlowView>($"/api/orders/{order.Id}/flow");
        flow.Reservations.Single().Reason.ShouldBe(only.Reason);

        await api.RunAsync(order.Id, "ship");
        (await api.GetAsync<OrderView>($"/api/orders/{order.Id}")).Reservations.ShouldBeEmpty();
        var history = await api.GetAsync<List<OrderHistoryView>>($"/api/orders/{order.Id}/history");
        history.Single(h => h.Action == "reserve").Reason.ShouldContain(only.Reason); // the why outlives the reservation
    }

    [Fact]
    public async Task Arriving_goods_serve_backorders_by_priority_then_promise_then_order_date()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var first = await ReservedAsync(api, priority: 5, quantity: 4);
        var urgent = await ReservedAsync(api, priority: 1, quantity: 4);
        var last = await ReservedAsync(api, priority: 5, quantity: 4);
        (await api.GetAsync<BackorderPage>("/api/backorders?sku=CHAI")).Items.Select(b => b.OrderNumber)
            .ShouldBe([urgent.Number, first.Number, last.Number]);

        await api.ReceiveAsync("MAIN", "CHAI", 6);

        var served = await Task.WhenAll(new[] { urgent, first, last }.Select(o => api.GetAsync<OrderView>($"/api/orders/{o.Id}")));
        served.Select(o => o.Lines.Single().ReservedQuantity).ShouldBe([4m, 2m, 0m]);
        served[0].Status.ShouldBe("Fulfilling");
        served[0].Reservations.Single().Reason.ShouldContain("backorder 1 in the queue");
        served[1].Reservations.Single().Reason.ShouldContain("backorder 2 in the queue");
        served[2].Status.ShouldBe("Confirmed");
        var history = await api.GetAsync<List<OrderHistoryView>>($"/api/orders/{urgent.Id}/history");
        history.ShouldContain(h => h.Action == "reserve" && h.To == "Fulfilling");
        var stock = await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI");
        stock.Single().Reserved.ShouldBe(6m);
        (await api.GetAsync<BackorderPage>("/api/backorders?sku=CHAI")).Items.Select(b => (b.OrderNumber, b.Waiting))
            .ShouldBe([(first.Number, 2m), (last.Number, 4m)]);
    }

    [Fact]
    public async Task A_line_is_promised_today_from_stock_and_after_the_suppliers_lead_time_otherwise()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 5);
        await OfferAsync(api, "ACME", "CHAI", leadTimeDays: 9);

        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 5), ("COFFEE", 1));

        order.Lines[0].PromisedDate.ShouldBe(api.ServerToday);
        order.Lines[0].PromiseBasis.ShouldBe("reservable from free stock");
        order.Lines[1].PromisedDate.ShouldBeNull();
        order.Lines[1].PromiseBasis.ShouldContain("no available supplier");

        var second = await api.PlaceOrderAsync("ALFKI", ("CHAI", 2));
        second.Lines[0].PromisedDate.ShouldBe(api.ServerToday.AddDays(9));
        second.Lines[0].PromiseBasis.ShouldContain("ACME");
    }

    [Fact]
    public async Task A_supplier_becoming_unavailable_moves_promises_to_the_backup_suppliers_lead_time()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var prime = await OfferAsync(api, "PRIME", "CHAI", leadTimeDays: 5, rank: 1);
        await OfferAsync(api, "SLOW", "CHAI", leadTimeDays: 20, rank: 2);
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 2));
        order.Lines[0].PromisedDate.ShouldBe(api.ServerToday.AddDays(5));

        (await api.Client.PostAsJsonAsync($"/api/suppliers/{prime}/unavailable", new { reason = "factory fire" }, OrderlyApi.Json))
            .IsSuccessStatusCode.ShouldBeTrue();
        await api.DrainPromisesAsync();

        var moved = await api.GetAsync<OrderView>($"/api/orders/{order.Id}");
        moved.Lines[0].PromisedDate.ShouldBe(api.ServerToday.AddDays(20));
        moved.Lines[0].PromiseBasis.ShouldContain("SLOW");
        (await api.GetAsync<List<OrderHistoryView>>($"/api/orders/{order.Id}/history")).Last().Action.ShouldBe("promise");
    }

    [Fact]
    public async Task Review_holds_an_order_whose_requested_date_is_before_the_promise()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await OfferAsync(api, "ACME", "CHAI", leadTimeDays: 30);
        var order = await OrderlyApi.Read<OrderView>(await api.Client.PostAsJsonAsync("/api/orders", new
        {
            customerCode = "ALFKI", requestedDate = api.ServerToday.AddDays(10), lines = new[] { new { sku = "CHAI", quantity = 3 } },
        }, OrderlyApi.Json), HttpStatusCode.Created);

        var submitted = await api.RunAsync(order.Id, "submit");

        submitted.Status.ShouldBe("OnHold");
        submitted.HoldReason.ShouldBe("Delivery");
        submitted.HoldNote.ShouldContain("[review.requested_before_promise]");
        submitted.HoldNote.ShouldContain(api.ServerToday.AddDays(30).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Stock_released_by_a_cancelled_order_goes_to_the_next_backorder()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 3);
        var served = await ReservedAsync(api, priority: 5, quantity: 3);
        var waiting = await ReservedAsync(api, priority: 5, quantity: 3);
        waiting.Lines.Single().ReservedQuantity.ShouldBe(0m);

        await api.RunAsync(served.Id, "cancel", new { reason = "customer withdrew" });

        var now = await api.GetAsync<OrderView>($"/api/orders/{waiting.Id}");
        now.Lines.Single().ReservedQuantity.ShouldBe(3m);
        now.Reservations.Single().Reason.ShouldContain($"released by cancelling {served.Number}");
        (await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI")).Single().Reserved.ShouldBe(3m);
    }

    internal static async Task<OrderView> ReservedAsync(OrderlyApi api, int priority, decimal quantity)
    {
        var placed = await OrderlyApi.Read<OrderView>(await api.Client.PostAsJsonAsync("/api/orders", new
        {
            customerCode = "ALFKI", requestedDate = api.ServerToday.AddDays(60), priority,
            lines = new[] { new { sku = "CHAI", quantity } },
        }, OrderlyApi.Json), HttpStatusCode.Created);
        (await api.RunAsync(placed.Id, "submit")).Status.ShouldBe("Approved");
        await api.RunAsync(placed.Id, "confirm");
        return await api.RunAsync(placed.Id, "reserve");
    }

    internal static async Task<Guid> OfferAsync(OrderlyApi api, string supplier, string sku, int leadTimeDays, int rank = 1, decimal price = 9m)
    {
        var suppliers = await api.GetAsync<List<Orderly.Application.Procurement.SupplierView>>("/api/suppliers");
        var id = suppliers.FirstOrDefault(s => s.Code == supplier)?.Id
                 ?? (await OrderlyApi.Read<Orderly.Application.Procurement.SupplierView>(await api.Client.PostAsJsonAsync("/api/suppliers",
                     new { code = supplier, name = supplier, currency = "EUR" }, OrderlyApi.Json), HttpStatusCode.Created)).Id;
        var offer = await api.Client.PutAsJsonAsync($"/api/suppliers/{id}/offers",
            new { sku, unitPrice = price, leadTimeDays, minimumOrderQuantity = 1, rank }, OrderlyApi.Json);
        offer.IsSuccessStatusCode.ShouldBeTrue(await offer.Content.ReadAsStringAsync());
        return id;
    }
}
