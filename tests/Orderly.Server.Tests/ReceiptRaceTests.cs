using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Inventory;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>Goods receipts and new orders for the same SKU at the same time: nothing reserved twice, nothing lost.</summary>
public sealed class ReceiptRaceTests
{
    [Fact]
    public async Task Receipts_racing_new_orders_reserve_each_unit_once_and_leave_no_order_waiting_beside_free_stock()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var waiting = new List<OrderView>();
        for (var i = 0; i < 5; i++) waiting.Add(await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 3)));

        var purchaseOrders = await ConfirmedPurchaseOrdersAsync(api, count: 6, quantity: 2);

        // Half the goods come against purchase orders, half as plain stock receipts; all of it while orders pour in.
        var goodsReceipts = purchaseOrders.Select(async po =>
            (await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po}/receipts", new { lineNo = 1, quantity = 2 }, OrderlyApi.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Created));
        var stockReceipts = Enumerable.Range(0, 6).Select(async _ =>
            (await api.Client.PostAsJsonAsync("/api/stock/receipts", new { warehouseCode = "MAIN", sku = "CHAI", quantity = 2 }, OrderlyApi.Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK));
        var receipts = goodsReceipts.Concat(stockReceipts);
        var orders = Enumerable.Range(0, 20).Select(async i =>
        {
            var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 1 + i % 2));
            var response = await api.CommandAsync(order.Id, "reserve");
            // Goods that arrived between confirm and reserve may already have served it in full: that refusal is fine.
            if (response.StatusCode != HttpStatusCode.OK)
                (await OrderlyApi.ProblemAsync(response, HttpStatusCode.Conflict, "order.nothing_to_reserve")).ShouldNotBeNull();
        });
        await Task.WhenAll(receipts.Concat(orders));

        var all = await api.GetAsync<OrderPage>("/api/orders?pageSize=200");
        var views = await Task.WhenAll(all.Items.Select(o => api.GetAsync<OrderView>($"/api/orders/{o.Id}")));
        var demand = views.Sum(o => o.Lines.Single().Quantity);
        var reserved = views.Sum(o => o.Lines.Single().ReservedQuantity);
        var stock = (await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI")).Single();

        stock.OnHand.ShouldBe(24m);
        stock.Reserved.ShouldBe(reserved);
        reserved.ShouldBe(Math.Min(demand, stock.OnHand), "an order waits while stock is free, or stock was reserved twice");
        views.ShouldAllBe(o => o.Lines.Single().ReservedQuantity <= o.Lines.Single().Quantity);
        views.SelectMany(o => o.Reservations).Sum(r => r.Quantity).ShouldBe(stock.Reserved);
        var ledger = await api.GetAsync<List<StockMovementView>>("/api/stock/movements?sku=CHAI&limit=1000");
        ledger.Sum(m => m.OnHandChange).ShouldBe(stock.OnHand);
        ledger.Sum(m => m.ReservedChange).ShouldBe(stock.Reserved);
        foreach (var po in purchaseOrders)
            (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po}")).Status.ShouldBe("Received");
    }

    private static async Task<List<Guid>> ConfirmedPurchaseOrdersAsync(OrderlyApi api, int count, decimal quantity)
    {
        await BackorderAndPromiseTests.OfferAsync(api, "PRIME", "CHAI", leadTimeDays: 5);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
                new { supplierCode = "PRIME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity } } }, OrderlyApi.Json),
                HttpStatusCode.Created);
            (await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json)).EnsureSuccessStatusCode();
            (await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/confirm", new { promisedDate = api.ServerToday.AddDays(5) },
                OrderlyApi.Json)).EnsureSuccessStatusCode();
            ids.Add(po.Id);
        }
        return ids;
    }
}
