using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// A purchase order and receipt that served an order stay in both documents' flow after the order line no longer waits
/// for them (issue 8, item 13): two backorders of CHAI (12 and 5), a purchase order for 20, a receipt of 15.
/// </summary>
public sealed class DocumentFlowHistoryTests
{
    [Fact]
    public async Task The_purchase_order_and_receipt_that_served_an_order_stay_in_its_flow_after_the_re_promise()
    {
        using var api = new OrderlyApi();
        var (first, second, po) = await TwoBackordersAndAConfirmedPurchaseOrderAsync(api);

        var receipt = await ReceiveAsync(api, po.Id, 15);
        await api.DrainPromisesAsync(); // the re-promise drops the links of what no longer waits

        receipt.BackorderDecisions.Select(d => (d.OrderNumber, d.Reserved)).ShouldBe([(first.Number, 12m), (second.Number, 3m)]);
        var flow = await api.GetAsync<OrderFlowView>($"/api/orders/{first.Id}/flow");
        flow.PurchaseOrderLines.Select(l => (l.Number, l.PurchaseOrderLineNo, l.OrderLineNo, l.Quantity, l.ServedQuantity))
            .ShouldBe([(po.Number, 1, 1, 0m, 12m)]);
        flow.Receipts.Select(r => (r.Id, r.Quantity, r.ServedQuantity)).ShouldBe([(receipt.Receipt.Id, 15m, 12m)]);
        var secondFlow = await api.GetAsync<OrderFlowView>($"/api/orders/{second.Id}/flow");
        secondFlow.PurchaseOrderLines.Select(l => (l.Quantity, l.ServedQuantity)).ShouldBe([(2m, 3m)]);
    }

    [Fact]
    public async Task The_purchase_order_lists_every_order_its_receipts_served_beside_the_ones_still_waiting()
    {
        using var api = new OrderlyApi();
        var (first, second, po) = await TwoBackordersAndAConfirmedPurchaseOrderAsync(api);

        var receipt = await ReceiveAsync(api, po.Id, 15);
        await api.DrainPromisesAsync();

        var line = (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Lines.ShouldHaveSingleItem();
        line.Backorders.Select(b => (b.OrderNumber, b.Quantity)).ShouldBe([(second.Number, 2m)]);
        line.Served.Select(s => (s.OrderNumber, s.OrderLineNo, s.ReceiptId, s.Quantity))
            .ShouldBe([(first.Number, 1, receipt.Receipt.Id, 12m), (second.Number, 1, receipt.Receipt.Id, 3m)]);
    }

    [Fact]
    public async Task Completing_the_purchase_order_adds_to_the_served_history_without_rewriting_it()
    {
        using var api = new OrderlyApi();
        var (first, second, po) = await TwoBackordersAndAConfirmedPurchaseOrderAsync(api);
        await ReceiveAsync(api, po.Id, 15);
        await api.DrainPromisesAsync();

        var last = await ReceiveAsync(api, po.Id, 5);
        await api.DrainPromisesAsync();

        last.PurchaseOrderStatus.ShouldBe("Received");
        var line = (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Lines.ShouldHaveSingleItem();
        line.Served.Select(s => (s.OrderNumber, s.Quantity)).ShouldBe([(first.Number, 12m), (second.Number, 3m), (second.Number, 2m)]);
        var secondFlow = await api.GetAsync<OrderFlowView>($"/api/orders/{second.Id}/flow");
        secondFlow.PurchaseOrderLines.ShouldHaveSingleItem().ServedQuantity.ShouldBe(5m);
        secondFlow.Receipts.Select(r => r.ServedQuantity).ShouldBe([3m, 2m]);
    }

    [Fact]
    public async Task A_receipt_that_covers_part_of_a_backorder_is_recorded_with_what_it_served()
    {
        using var api = new OrderlyApi();
        var (first, _, po) = await TwoBackordersAndAConfirmedPurchaseOrderAsync(api);

        var receipt = await ReceiveAsync(api, po.Id, 4);

        receipt.BackorderDecisions.ShouldHaveSingleItem().Reserved.ShouldBe(4m);
        (await api.GetAsync<OrderFlowView>($"/api/orders/{first.Id}/flow")).Receipts.ShouldHaveSingleItem().ServedQuantity.ShouldBe(4m);
    }

    /// <summary>Orders of 12 and 5 CHAI, confirmed and reserved with no stock (backordered), and a purchase order for 20, confirmed.</summary>
    private static async Task<(OrderView First, OrderView Second, PurchaseOrderView Po)> TwoBackordersAndAConfirmedPurchaseOrderAsync(OrderlyApi api)
    {
        await api.SeedAsync();
        await BackorderAndPromiseTests.OfferAsync(api, "ACME", "CHAI", leadTimeDays: 7);
        var first = await BackorderedAsync(api, 12);
        var second = await BackorderedAsync(api, 5);
        var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
            new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 20 } } }, OrderlyApi.Json),
            HttpStatusCode.Created);
        (await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json)).EnsureSuccessStatusCode();
        (await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/confirm", new { promisedDate = api.ServerToday.AddDays(5) },
            OrderlyApi.Json)).EnsureSuccessStatusCode();
        await api.DrainPromisesAsync();
        (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Lines.Single().Backorders.Select(b => b.Quantity)
            .ShouldBe([12m, 5m], "both backorders wait for the purchase order before the receipt");
        return (first, second, po);
    }

    private static async Task<OrderView> BackorderedAsync(OrderlyApi api, decimal quantity)
    {
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", quantity));
        return await api.RunAsync(order.Id, "reserve");
    }

    private static async Task<ReceiptOutcome> ReceiveAsync(OrderlyApi api, Guid po, decimal quantity) =>
        await OrderlyApi.Read<ReceiptOutcome>(await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po}/receipts",
            new { lineNo = 1, quantity, reference = $"DN-{quantity}" }, OrderlyApi.Json), HttpStatusCode.Created);
}
