using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Procurement;
using Orderly.Application.Replenishment;

namespace Orderly.Server.Tests;

/// <summary>
/// Reorder policies, the replenishment scan and alerts through the HTTP API: a shortage raises one alert with a proposed
/// purchase order, a repeated scan adds nothing, and the alert is acknowledged, resolved, or resolves itself when stock
/// recovers. (Late purchase orders need a moved clock: see LatePurchaseOrderTests in the application tests.)
/// </summary>
public sealed class ReplenishmentApiTests
{
    [Fact]
    public async Task Scan_WithStockAtTheReorderPoint_RaisesOneAlertWithAProposalFromThePrimarySupplier_AndASecondScanNothing()
    {
        using var api = await ReplenishmentApiAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 5);
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 4, reorderQuantity = 30 });

        var report = await ScanAsync(api);

        var alert = report.Raised.ShouldHaveSingleItem();
        alert.ShouldSatisfyAllConditions(
            a => (a.Kind, a.Status, a.WarehouseCode, a.Sku).ShouldBe(("LowStock", "Open", "MAIN", "CHAI")),
            a => a.Message.ShouldContain("stock position 5 (available 5, on order 0, backordered 0) is at or below the reorder point 10"),
            a => a.Message.ShouldContain($"Proposed {a.ProposalNumber}: 30 CHAI from Prime Teas, the primary supplier (rank 1), expected {OrderlyApi.Today.AddDays(7):yyyy-MM-dd}."));
        var proposal = report.Proposals.ShouldHaveSingleItem();
        (proposal.PurchaseOrderId, proposal.SupplierCode, proposal.WarehouseCode, proposal.Sku, proposal.Quantity, proposal.ExpectedDate)
            .ShouldBe((alert.ProposalId!.Value, "PRIME", "MAIN", "CHAI", 30m, OrderlyApi.Today.AddDays(7)));

        var po = await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{proposal.PurchaseOrderId}");
        (po.Status, po.SupplierCode, po.Lines.ShouldHaveSingleItem().UnitPrice).ShouldBe(("Draft", "PRIME", 4.50m));
        po.Origin.ShouldStartWith("Low-stock proposal for CHAI at MAIN: stock position 5");
        po.Origin.ShouldContain("The policy asks for 30; ordering 30 from PRIME, the primary supplier (rank 1)");

        var second = await ScanAsync(api);
        (second.Raised.Count, second.Proposals.Count, second.Resolved.Count).ShouldBe((0, 0, 0), second.Summary);
        (await AlertsAsync(api, "?status=Open")).ShouldHaveSingleItem().Id.ShouldBe(alert.Id);
    }

    [Fact]
    public async Task Scan_WhenThePrimarySupplierIsUnavailable_ProposesFromTheBackupAndSaysWhy()
    {
        using var api = await ReplenishmentApiAsync();
        await MarkUnavailableAsync(api, "PRIME", "Harvest failed");
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 4, maxStock = 50 });

        var report = await ScanAsync(api);

        var proposal = report.Proposals.ShouldHaveSingleItem();
        (proposal.SupplierCode, proposal.Quantity, proposal.ExpectedDate).ShouldBe(("BACKUP", 50m, OrderlyApi.Today.AddDays(3)));
        proposal.Origin.ShouldContain("from BACKUP, a backup supplier (rank 2); PRIME (rank 1) is unavailable: Harvest failed");
        var alert = report.Raised.ShouldHaveSingleItem();
        alert.Message.ShouldContain("below the safety stock 4");
        alert.ProposalId.ShouldBe(proposal.PurchaseOrderId);
    }

    [Fact]
    public async Task Scan_WhenNoSupplierOffersTheSku_RaisesTheAlertWithoutAProposalAndSaysSo()
    {
        using var api = await ReplenishmentApiAsync();
        await SetPolicyAsync(api, new { warehouseCode = "EAST", sku = "BOOK", reorderPoint = 2, safetyStock = 0, reorderQuantity = 10 });

        var report = await ScanAsync(api);

        var alert = report.Raised.ShouldHaveSingleItem();
        (alert.Sku, alert.WarehouseCode, alert.ProposalId).ShouldBe(("BOOK", "EAST", (Guid?)null));
        alert.Message.ShouldContain("No purchase order was proposed: no available supplier offers BOOK");
        report.Proposals.ShouldBeEmpty();
    }

    [Fact]
    public async Task Scan_CountsOnOrderAndBackorders_BackordersOnlyAtTheFirstWarehouseWithAPolicy()
    {
        using var api = await ReplenishmentApiAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 20);
        await api.ReceiveAsync("EAST", "CHAI", 20);
        await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 15)); // confirmed, not reserved: 15 waiting
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 0, reorderQuantity = 10 });
        await SetPolicyAsync(api, new { warehouseCode = "EAST", sku = "CHAI", reorderPoint = 10, safetyStock = 0, reorderQuantity = 10 });

        var report = await ScanAsync(api);

        var alert = report.Raised.ShouldHaveSingleItem();
        alert.WarehouseCode.ShouldBe("MAIN");
        alert.Message.ShouldContain("stock position 5 (available 20, on order 0, backordered 15)");
    }

    [Fact]
    public async Task Alert_IsAcknowledgedThenResolved_AndEachStepIsRefusedWhenNoLongerAllowed()
    {
        using var api = await ReplenishmentApiAsync();
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 4, reorderQuantity = 30 });
        var alert = (await ScanAsync(api)).Raised.ShouldHaveSingleItem();

        var acknowledged = await OrderlyApi.Read<AlertView>(await api.Client.PostAsync($"/api/alerts/{alert.Id}/acknowledge", ApiRequests.NoBody()), HttpStatusCode.OK);
        (acknowledged.Status, acknowledged.AcknowledgedBy).ShouldBe(("Acknowledged", OrderlyApi.AdminEmail));
        await OrderlyApi.ProblemAsync(await api.Client.PostAsync($"/api/alerts/{alert.Id}/acknowledge", ApiRequests.NoBody()), HttpStatusCode.Conflict, "alert.not_open");

        var blank = await OrderlyApi.ProblemAsync(await ResolveAsync(api, alert.Id, " "), HttpStatusCode.BadRequest, "alert.resolution_required");
        blank.Errors!.Keys.ShouldContain("resolution");
        var resolved = await OrderlyApi.Read<AlertView>(await ResolveAsync(api, alert.Id, "Sent the proposal to Prime."), HttpStatusCode.OK);
        (resolved.Status, resolved.Resolution, resolved.ResolvedBy).ShouldBe(("Resolved", "Sent the proposal to Prime.", OrderlyApi.AdminEmail));
        await OrderlyApi.ProblemAsync(await ResolveAsync(api, alert.Id, "Again."), HttpStatusCode.Conflict, "alert.already_resolved");
        (await api.GetAsync<AlertView>($"/api/alerts/{alert.Id}")).Status.ShouldBe("Resolved");

        var unknown = Guid.NewGuid();
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/alerts/{unknown}"), HttpStatusCode.NotFound, "alert.not_found");
        await OrderlyApi.ProblemAsync(await api.Client.PostAsync($"/api/alerts/{unknown}/acknowledge", ApiRequests.NoBody()), HttpStatusCode.NotFound, "alert.not_found");
        await OrderlyApi.ProblemAsync(await ResolveAsync(api, unknown, "x"), HttpStatusCode.NotFound, "alert.not_found");

        // The draft proposal still counts as on order, so the resolved shortage is not raised again.
        (await ScanAsync(api)).Raised.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_receipt_above_the_reorder_point_resolves_the_low_stock_alert_at_once_without_a_scan()
    {
        using var api = await ReplenishmentApiAsync();
        var alert = await LowStockAlertAsync(api, onHand: 5);

        await api.ReceiveAsync("MAIN", "CHAI", 20);

        var resolved = await api.GetAsync<AlertView>($"/api/alerts/{alert.Id}");
        (resolved.Status, resolved.ResolvedBy).ShouldBe(("Resolved", "system:alerts"));
        resolved.Resolution!.ShouldStartWith("Stock position recovered to 25 (available 25, on order 0, backordered 0), above the reorder point 10.");
        resolved.Resolution.ShouldContain("still a draft");
        (await AlertsAsync(api, "?status=Open")).ShouldBeEmpty();
        var report = await ScanAsync(api);
        (report.Raised.Count, report.Resolved.Count).ShouldBe((0, 0), report.Summary);
    }

    [Fact]
    public async Task Sending_the_proposal_resolves_its_low_stock_alert_once_it_counts_as_on_order()
    {
        using var api = await ReplenishmentApiAsync();
        var alert = await LowStockAlertAsync(api, onHand: 5);

        await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync($"/api/purchase-orders/{alert.ProposalId}/send", new { },
            OrderlyApi.Json), HttpStatusCode.OK);

        var resolved = await api.GetAsync<AlertView>($"/api/alerts/{alert.Id}");
        resolved.Status.ShouldBe("Resolved");
        resolved.Resolution.ShouldBe("Stock position recovered to 35 (available 5, on order 30, backordered 0), above the reorder point 10.");
    }

    [Fact]
    public async Task Cancelling_the_order_whose_reservation_caused_the_shortage_resolves_the_low_stock_alert()
    {
        using var api = await ReplenishmentApiAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 15);
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 4, reorderQuantity = 30 });
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 12));
        await api.RunAsync(order.Id, "reserve");
        var alert = (await ScanAsync(api)).Raised.ShouldHaveSingleItem();

        await api.RunAsync(order.Id, "cancel", new { reason = "customer withdrew" });

        var resolved = await api.GetAsync<AlertView>($"/api/alerts/{alert.Id}");
        resolved.Status.ShouldBe("Resolved");
        resolved.Resolution!.ShouldStartWith("Stock position recovered to 15 (available 15, on order 0, backordered 0)");
    }

    [Fact]
    public async Task Lowering_the_reorder_point_below_the_position_resolves_the_low_stock_alert()
    {
        using var api = await ReplenishmentApiAsync();
        var alert = await LowStockAlertAsync(api, onHand: 5);

        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 4, safetyStock = 2, reorderQuantity = 30 });

        (await api.GetAsync<AlertView>($"/api/alerts/{alert.Id}")).Status.ShouldBe("Resolved");
    }

    [Fact]
    public async Task A_receipt_that_leaves_the_position_at_the_reorder_point_keeps_the_alert_open()
    {
        using var api = await ReplenishmentApiAsync();
        var alert = await LowStockAlertAsync(api, onHand: 0);

        await api.ReceiveAsync("MAIN", "CHAI", 10);

        (await api.GetAsync<AlertView>($"/api/alerts/{alert.Id}")).Status.ShouldBe("Open");
    }

    [Fact]
    public async Task Alerts_List_NewestFirst_AndRefusesUnknownFilters()
    {
        using var api = await ReplenishmentApiAsync();
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 0, reorderQuantity = 30 });
        await ScanAsync(api);
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "COFFEE", reorderPoint = 1.5m, safetyStock = 0, reorderQuantity = 5 });
        await ScanAsync(api);

        (await AlertsAsync(api, "")).Select(a => a.Sku).ShouldBe(["COFFEE", "CHAI"]);
        (await AlertsAsync(api, "?sku=CHAI")).ShouldHaveSingleItem().Sku.ShouldBe("CHAI");
        (await AlertsAsync(api, "?kind=LatePurchaseOrder")).ShouldBeEmpty();

        var problem = await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/alerts?status=Closed&kind=1"), HttpStatusCode.BadRequest, "alert.query_invalid");
        problem.Errors!.Keys.ShouldBe(["status", "kind"], ignoreOrder: true);
    }

    [Fact]
    public async Task ReorderPolicies_AreSetChangedListedAndDeleted()
    {
        using var api = await ReplenishmentApiAsync();
        var set = await OrderlyApi.Read<ReorderPolicyView>(await PutPolicyAsync(api,
            new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 4, reorderQuantity = 30 }), HttpStatusCode.OK);
        (set.WarehouseCode, set.Sku, set.ReorderPoint, set.SafetyStock, set.ReorderQuantity, set.MaxStock).ShouldBe(("MAIN", "CHAI", 10m, 4m, (decimal?)30m, (decimal?)null));
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 12, safetyStock = 4, maxStock = 60 });
        await SetPolicyAsync(api, new { warehouseCode = "EAST", sku = "COFFEE", reorderPoint = 2.5m, safetyStock = 1, reorderQuantity = 10 });

        var chai = (await api.GetAsync<List<ReorderPolicyView>>("/api/reorder-policies?warehouse=MAIN")).ShouldHaveSingleItem();
        (chai.ReorderPoint, chai.ReorderQuantity, chai.MaxStock).ShouldBe((12m, (decimal?)null, (decimal?)60m));
        (await api.GetAsync<List<ReorderPolicyView>>("/api/reorder-policies")).Count.ShouldBe(2);
        (await api.GetAsync<List<ReorderPolicyView>>("/api/reorder-policies?sku=COFFEE")).ShouldHaveSingleItem().WarehouseCode.ShouldBe("EAST");
        (await api.GetAsync<ReorderPolicyView>("/api/reorder-policies/EAST/COFFEE")).ReorderPoint.ShouldBe(2.5m);

        (await api.SendJsonAsync(HttpMethod.Delete, "/api/reorder-policies/MAIN/CHAI", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await OrderlyApi.ProblemAsync(await api.SendJsonAsync(HttpMethod.Delete, "/api/reorder-policies/MAIN/CHAI", null), HttpStatusCode.NotFound, "reorder_policy.not_found");
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/reorder-policies/NOWHERE/CHAI"), HttpStatusCode.NotFound, "reorder_policy.not_found");
        (await api.GetAsync<List<ReorderPolicyView>>("/api/reorder-policies")).ShouldHaveSingleItem().Sku.ShouldBe("COFFEE");
    }

    [Fact]
    public async Task DeletingAPolicy_ResolvesItsOpenLowStockAlert()
    {
        using var api = await ReplenishmentApiAsync();
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 0, reorderQuantity = 30 });
        var alert = (await ScanAsync(api)).Raised.ShouldHaveSingleItem();

        (await api.SendJsonAsync(HttpMethod.Delete, "/api/reorder-policies/MAIN/CHAI", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var resolved = await api.GetAsync<AlertView>($"/api/alerts/{alert.Id}");
        (resolved.Status, resolved.Resolution).ShouldBe(("Resolved", "The reorder policy of CHAI at MAIN was removed."));
    }

    [Fact]
    public async Task Scan_WhenAConfirmedPurchaseOrderPassesItsPromisedDate_RaisesALateAlertAndReSourcesFromTheBackup()
    {
        using var api = await ReplenishmentApiAsync();
        var po = await ConfirmedPurchaseOrderAsync(api);
        (await ScanAsync(api)).Raised.ShouldBeEmpty();

        api.Clock.Advance(TimeSpan.FromDays(5));
        var report = await ScanAsync(api);

        var alert = report.Raised.ShouldHaveSingleItem();
        (alert.Kind, alert.PurchaseOrderNumber).ShouldBe(("LatePurchaseOrder", po.Number));
        alert.Message.ShouldContain($"{po.Number} from PRIME is 3 day(s) late");
        var proposal = report.Proposals.ShouldHaveSingleItem();
        (proposal.PurchaseOrderId, proposal.SupplierCode, proposal.Quantity, proposal.ExpectedDate)
            .ShouldBe((alert.ProposalId!.Value, "BACKUP", 24m, api.ServerToday.AddDays(3)));
        (await ScanAsync(api)).Raised.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("cancel", "was cancelled.")]
    [InlineData("receive", "was received in full.")]
    [InlineData("confirm", "is no longer late: delivery is now promised for")]
    public async Task The_event_that_ends_a_late_purchase_order_resolves_its_alert_at_once(string ending, string resolution)
    {
        using var api = await ReplenishmentApiAsync();
        var po = await ConfirmedPurchaseOrderAsync(api);
        api.Clock.Advance(TimeSpan.FromDays(5));
        var alert = (await ScanAsync(api)).Raised.ShouldHaveSingleItem();

        var response = ending switch
        {
            "cancel" => await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/cancel", new { reason = "late" }, OrderlyApi.Json),
            "receive" => await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/receipts", new { lineNo = 1, quantity = 24 }, OrderlyApi.Json),
            _ => await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/confirm", new { promisedDate = api.ServerToday.AddDays(1) }, OrderlyApi.Json),
        };

        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        var resolved = await api.GetAsync<AlertView>($"/api/alerts/{alert.Id}");
        (resolved.Status, resolved.ResolvedBy).ShouldBe(("Resolved", "system:alerts"));
        resolved.Resolution!.ShouldStartWith($"{po.Number} {resolution}");
    }

    public static TheoryData<object, string[]> InvalidPolicies() => new()
    {
        { new { warehouseCode = "NOWHERE", sku = "NOPE", reorderPoint = 10, safetyStock = 4, reorderQuantity = 30 }, ["warehouseCode", "sku"] },
        { new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10.5m, safetyStock = 4, reorderQuantity = 30 }, ["reorderPoint"] },
        { new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 4, reorderQuantity = 30, maxStock = 50 }, ["reorderQuantity"] },
        { new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 12 }, ["safetyStock", "reorderQuantity"] },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public async Task SetReorderPolicy_WithInvalidInput_IsRefusedNamingTheFields(object body, string[] fields)
    {
        using var api = await ReplenishmentApiAsync();

        var problem = await OrderlyApi.ProblemAsync(await PutPolicyAsync(api, body), HttpStatusCode.BadRequest, "reorder_policy.invalid");

        problem.Errors!.Keys.ShouldBe(fields, ignoreOrder: true);
        (await api.GetAsync<List<ReorderPolicyView>>("/api/reorder-policies")).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheReplenishmentEndpoints_AreInTheOpenApiDocument()
    {
        using var api = new OrderlyApi();
        var openApi = await api.Client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/reorder-policies", "/api/alerts/{id}/resolve", "/api/replenishment/scan" })
            openApi.ShouldContain($"\"{path}\"");
        openApi.ShouldContain("\"ScanReport\"");
    }

    /// <summary>The seeded API with two suppliers of CHAI: PRIME (rank 1, 7 days) and BACKUP (rank 2, 3 days); COFFEE from PRIME.</summary>
    private static async Task<OrderlyApi> ReplenishmentApiAsync()
    {
        var api = new OrderlyApi();
        await api.SeedAsync();
        var prime = await SupplierAsync(api, "PRIME", "Prime Teas");
        var backup = await SupplierAsync(api, "BACKUP", "Backup Traders");
        await OfferAsync(api, prime, new { sku = "CHAI", unitPrice = 4.50m, leadTimeDays = 7, minimumOrderQuantity = 0, rank = 1 });
        await OfferAsync(api, backup, new { sku = "CHAI", unitPrice = 5.10m, leadTimeDays = 3, minimumOrderQuantity = 0, rank = 2 });
        await OfferAsync(api, prime, new { sku = "COFFEE", unitPrice = 9.00m, leadTimeDays = 10, minimumOrderQuantity = 0, rank = 1 });
        return api;
    }

    private static async Task<Guid> SupplierAsync(OrderlyApi api, string code, string name) =>
        (await OrderlyApi.Read<SupplierView>(await api.Client.PostAsJsonAsync("/api/suppliers", new { code, name, currency = "EUR" }, OrderlyApi.Json),
            HttpStatusCode.Created)).Id;

    private static async Task OfferAsync(OrderlyApi api, Guid supplier, object offer) =>
        await OrderlyApi.Read<SupplierOfferView>(await api.Client.PutAsJsonAsync($"/api/suppliers/{supplier}/offers", offer, OrderlyApi.Json), HttpStatusCode.OK);

    private static async Task MarkUnavailableAsync(OrderlyApi api, string code, string reason)
    {
        var supplier = (await api.GetAsync<List<SupplierView>>("/api/suppliers")).Single(s => s.Code == code);
        await OrderlyApi.Read<SupplierView>(await api.Client.PostAsJsonAsync($"/api/suppliers/{supplier.Id}/unavailable", new { reason }, OrderlyApi.Json),
            HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> PutPolicyAsync(OrderlyApi api, object policy) =>
        api.Client.PutAsJsonAsync("/api/reorder-policies", policy, OrderlyApi.Json);

    private static async Task SetPolicyAsync(OrderlyApi api, object policy) =>
        await OrderlyApi.Read<ReorderPolicyView>(await PutPolicyAsync(api, policy), HttpStatusCode.OK);

    private static async Task<ScanReport> ScanAsync(OrderlyApi api) =>
        await OrderlyApi.Read<ScanReport>(await api.Client.PostAsync("/api/replenishment/scan", ApiRequests.NoBody()), HttpStatusCode.OK);

    /// <summary>The open low-stock alert of CHAI at MAIN (reorder point 10, safety stock 4, 30 at a time) with <paramref name="onHand"/> in stock.</summary>
    private static async Task<AlertView> LowStockAlertAsync(OrderlyApi api, decimal onHand)
    {
        if (onHand > 0) await api.ReceiveAsync("MAIN", "CHAI", onHand);
        await SetPolicyAsync(api, new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 4, reorderQuantity = 30 });
        return (await ScanAsync(api)).Raised.ShouldHaveSingleItem();
    }

    /// <summary>A purchase order of 24 CHAI from PRIME into MAIN, sent and confirmed for the day after tomorrow.</summary>
    private static async Task<PurchaseOrderView> ConfirmedPurchaseOrderAsync(OrderlyApi api)
    {
        var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
            new { supplierCode = "PRIME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 24 } } }, OrderlyApi.Json), HttpStatusCode.Created);
        await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json), HttpStatusCode.OK);
        await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/confirm",
            new { promisedDate = api.ServerToday.AddDays(2) }, OrderlyApi.Json), HttpStatusCode.OK);
        return po;
    }

    private static Task<List<AlertView>> AlertsAsync(OrderlyApi api, string query) => api.GetAsync<List<AlertView>>($"/api/alerts{query}");

    private static Task<HttpResponseMessage> ResolveAsync(OrderlyApi api, Guid alert, string resolution) =>
        api.Client.PostAsJsonAsync($"/api/alerts/{alert}/resolve", new { resolution }, OrderlyApi.Json);
}
