using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Procurement;
using Orderly.Application.Replenishment;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// The whole path of issue #3 through the HTTP API: shortage → alert → purchase order → late supplier → re-source →
/// receipt → automatic reservation → shipment, with the document flow showing every step.
/// </summary>
public sealed class ShortageToShipmentPathTests
{
    [Fact]
    public async Task A_shortage_is_bought_re_sourced_when_the_supplier_is_late_received_reserved_and_shipped()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await BackorderAndPromiseTests.OfferAsync(api, "PRIME", "CHAI", leadTimeDays: 10, rank: 1);
        await BackorderAndPromiseTests.OfferAsync(api, "FAST", "CHAI", leadTimeDays: 3, rank: 2, price: 11m);
        await api.ReceiveAsync("MAIN", "CHAI", 5);
        (await api.Client.PutAsJsonAsync("/api/reorder-policies",
            new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 4, reorderQuantity = 30 }, OrderlyApi.Json))
            .IsSuccessStatusCode.ShouldBeTrue();

        // A customer wants 8; 5 are reserved and 3 wait as a backorder.
        var order = await BackorderAndPromiseTests.ReservedAsync(api, priority: 3, quantity: 8);
        order.Lines.Single().BackorderedQuantity.ShouldBe(3m);

        // Shortage → alert with a proposal from the primary supplier.
        var scan = await ScanAsync(api);
        var lowStock = scan.Raised.ShouldHaveSingleItem();
        lowStock.Kind.ShouldBe("LowStock");
        var proposal = scan.Proposals.ShouldHaveSingleItem();
        proposal.SupplierCode.ShouldBe("PRIME");
        (await PurchaseCommandAsync(api, proposal.PurchaseOrderId, "send")).Status.ShouldBe("Sent");
        // The sent proposal counts as on order: the low-stock alert closes with the send itself.
        (await api.GetAsync<AlertView>($"/api/alerts/{lowStock.Id}")).Status.ShouldBe("Resolved");
        var promised = api.ServerToday.AddDays(10);
        (await PurchaseCommandAsync(api, proposal.PurchaseOrderId, "confirm", new { promisedDate = promised })).Status.ShouldBe("Confirmed");
        await api.DrainPromisesAsync();

        var waiting = await api.GetAsync<OrderView>($"/api/orders/{order.Id}");
        waiting.Lines.Single().PromisedDate.ShouldBe(promised);
        waiting.Lines.Single().PromiseBasis.ShouldContain(proposal.Number);
        var flow = await api.GetAsync<OrderFlowView>($"/api/orders/{order.Id}/flow");
        flow.PurchaseOrderLines.ShouldHaveSingleItem().Number.ShouldBe(proposal.Number);
        var po = await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{proposal.PurchaseOrderId}");
        po.Lines.Single().Backorders.ShouldHaveSingleItem().OrderNumber.ShouldBe(order.Number);

        // The promised day passes without delivery: the scan flags the late order and re-sources from the faster supplier.
        api.Clock.Advance(TimeSpan.FromDays(12));
        var lateScan = await ScanAsync(api);
        var late = lateScan.Raised.ShouldHaveSingleItem(lateScan.Summary);
        (late.Kind, late.PurchaseOrderId).ShouldBe(("LatePurchaseOrder", proposal.PurchaseOrderId));
        var resource = lateScan.Proposals.ShouldHaveSingleItem();
        (resource.SupplierCode, resource.Quantity).ShouldBe(("FAST", 30m));
        resource.Origin.ShouldContain(proposal.Number);
        lateScan.Resolved.ShouldBeEmpty(lateScan.Summary);

        await PurchaseCommandAsync(api, resource.PurchaseOrderId, "send");
        await PurchaseCommandAsync(api, resource.PurchaseOrderId, "confirm", new { promisedDate = api.ServerToday.AddDays(3) });
        await PurchaseCommandAsync(api, proposal.PurchaseOrderId, "cancel", new { reason = "PRIME is late; re-sourced from FAST" });
        // Cancelling the late purchase order closes its alert at once.
        (await api.GetAsync<AlertView>($"/api/alerts/{late.Id}")).Resolution.ShouldBe($"{proposal.Number} was cancelled.");
        await api.DrainPromisesAsync();
        (await api.GetAsync<OrderView>($"/api/orders/{order.Id}")).Lines.Single().PromisedDate.ShouldBe(api.ServerToday.AddDays(3));

        // Goods arrive: the backorder is reserved automatically, then shipped.
        var receipt = await OrderlyApi.Read<ReceiptOutcome>(await api.Client.PostAsJsonAsync(
            $"/api/purchase-orders/{resource.PurchaseOrderId}/receipts", new { lineNo = 1, quantity = 30, reference = "DN-881" }, OrderlyApi.Json),
            HttpStatusCode.Created);
        var served = receipt.BackorderDecisions.ShouldHaveSingleItem();
        (served.OrderNumber, served.Reserved).ShouldBe((order.Number, 3m));
        var shipped = await api.RunAsync(order.Id, "ship");
        shipped.Status.ShouldBe("Shipped");

        var final = await api.GetAsync<OrderFlowView>($"/api/orders/{order.Id}/flow");
        final.Receipts.ShouldHaveSingleItem().PurchaseOrderNumber.ShouldBe(resource.Number);
        final.Shipments.ShouldHaveSingleItem().Lines.Sum(l => l.Quantity).ShouldBe(8m);
        final.PurchaseOrderLines.Select(l => l.Number).ShouldContain(resource.Number);

        // Every alert closed with the event that ended it: the next scan has nothing to resolve or raise.
        var closing = await ScanAsync(api);
        closing.Resolved.ShouldBeEmpty(closing.Summary);
        closing.Raised.ShouldBeEmpty(closing.Summary);
        (await api.GetAsync<List<AlertView>>("/api/alerts?status=Open")).ShouldBeEmpty();
    }

    private static async Task<ScanReport> ScanAsync(OrderlyApi api) =>
        await OrderlyApi.Read<ScanReport>(await api.Client.PostAsync("/api/replenishment/scan", ApiRequests.NoBody()), HttpStatusCode.OK);

    private static async Task<PurchaseOrderView> PurchaseCommandAsync(OrderlyApi api, Guid po, string command, object? body = null) =>
        await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po}/{command}", body ?? new { }, OrderlyApi.Json),
            HttpStatusCode.OK);
}
