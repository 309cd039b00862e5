using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orderly.Application.Inventory;
using Orderly.Application.Procurement;

namespace Orderly.Server.Tests;

/// <summary>
/// Suppliers, their offers, purchase orders and goods receipts through the HTTP API: the path from a draft to a full
/// receipt with the stock ledger, and each way a request is refused.
/// </summary>
public sealed class ProcurementApiTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    [Fact]
    public async Task A_purchase_order_goes_from_draft_to_received_and_each_receipt_posts_exactly_its_quantity_to_the_ledger()
    {
        using var api = await ProcurementApiAsync();
        var po = await DraftAsync(api, new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new object[]
        {
            new { sku = "CHAI", quantity = 20 },
            new { sku = "COFFEE", quantity = 5.5m, unitPrice = 11.00m },
        }});

        Regex.IsMatch(po.Number, @"^PO-\d{4}-000001$").ShouldBeTrue(po.Number);
        (po.Status, po.SupplierCode, po.WarehouseCode, po.Currency, po.Origin).ShouldBe(("Draft", "ACME", "MAIN", "EUR", $"Drafted by {OrderlyApi.AdminEmail}"));
        po.ExpectedDate.ShouldBe(OrderlyApi.Today.AddDays(10), "the slowest line's lead time (COFFEE, 10 days)");
        po.Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice, l.Amount)).ShouldBe([("CHAI", 20m, 4.50m, 90.00m), ("COFFEE", 5.5m, 11.00m, 60.50m)]);
        po.TotalAmount.ShouldBe(150.50m);
        po.AllowedActions.ShouldBe(["send", "cancel"], ignoreOrder: true);

        (await CommandAsync(api, po.Id, "send")).Status.ShouldBe("Sent");
        var confirmed = await CommandAsync(api, po.Id, "confirm", new { promisedDate = OrderlyApi.Today.AddDays(6) });
        (confirmed.Status, confirmed.PromisedDate, confirmed.ExpectedDate).ShouldBe(("Confirmed", OrderlyApi.Today.AddDays(6), OrderlyApi.Today.AddDays(6)));
        (await OnHandAsync(api, "CHAI")).ShouldBe(0m);

        var first = await ReceiveAsync(api, po.Id, new { lineNo = 1, quantity = 8, reference = "DN-4711" });

        (first.Receipt.Sku, first.Receipt.Quantity, first.Receipt.Reference, first.Receipt.WarehouseCode, first.Receipt.ReceivedBy)
            .ShouldBe(("CHAI", 8m, "DN-4711", "MAIN", OrderlyApi.AdminEmail));
        (first.PurchaseOrderNumber, first.PurchaseOrderStatus).ShouldBe((po.Number, "PartiallyReceived"));
        (await OnHandAsync(api, "CHAI")).ShouldBe(8m);
        var movement = (await api.GetAsync<List<StockMovementView>>("/api/stock/movements?sku=CHAI")).ShouldHaveSingleItem();
        (movement.Kind, movement.OnHandChange, movement.ReservedChange, movement.Reference, movement.WarehouseCode, movement.Actor)
            .ShouldBe(("Receipt", 8m, 0m, po.Number, "MAIN", OrderlyApi.AdminEmail));

        await ReceiveAsync(api, po.Id, new { lineNo = 1, quantity = 12 });
        var last = await ReceiveAsync(api, po.Id, new { lineNo = 2, quantity = 5.5m, reference = "DN-4712" });

        last.PurchaseOrderStatus.ShouldBe("Received");
        (await OnHandAsync(api, "CHAI")).ShouldBe(20m);
        (await OnHandAsync(api, "COFFEE")).ShouldBe(5.5m);
        var received = await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}");
        received.Lines.Select(l => (l.ReceivedQuantity, l.OpenQuantity)).ShouldBe([(20m, 0m), (5.5m, 0m)]);
        received.AllowedActions.ShouldBeEmpty();
        received.History.Select(h => h.Action).ShouldBe(["draft", "send", "confirm", "receive", "receive", "receive"]);
        var receipts = await api.GetAsync<List<GoodsReceiptView>>($"/api/purchase-orders/{po.Id}/receipts");
        foreach (var line in received.Lines)
            receipts.Where(r => r.LineNo == line.LineNo).Sum(r => r.Quantity).ShouldBe(line.ReceivedQuantity, $"line {line.LineNo}");
        var ledger = await api.GetAsync<List<StockMovementView>>("/api/stock/movements?sku=CHAI");
        ledger.Where(m => m.Reference == po.Number).Sum(m => m.OnHandChange).ShouldBe(20m);
        (await api.GetAsync<List<PurchaseOrderHistoryView>>($"/api/purchase-orders/{po.Id}/history")).Count.ShouldBe(6);
    }

    [Fact]
    public async Task A_receipt_serves_the_backorder_linked_to_the_purchase_order_line()
    {
        using var api = await ProcurementApiAsync();
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 30));
        var drafted = await DraftAsync(api, new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 40 } } });
        drafted.Lines.ShouldHaveSingleItem().Backorders.ShouldBeEmpty(); // linked after commit, by the re-promise (ADR 0009)
        await api.DrainPromisesAsync();
        var po = await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{drafted.Id}");

        var link = po.Lines.ShouldHaveSingleItem().Backorders.ShouldHaveSingleItem();
        (link.OrderId, link.OrderNumber, link.OrderLineNo, link.Quantity).ShouldBe((order.Id, order.Number, 1, 30m));

        await CommandAsync(api, po.Id, "send");
        var outcome = await ReceiveAsync(api, po.Id, new { lineNo = 1, quantity = 40 });

        var decision = outcome.BackorderDecisions.ShouldHaveSingleItem();
        (decision.OrderId, decision.LineNo, decision.Reserved).ShouldBe((order.Id, 1, 30m));
        (await api.GetAsync<Orderly.Application.Sales.OrderView>($"/api/orders/{order.Id}")).Lines[0].ReservedQuantity.ShouldBe(30m);
    }

    [Fact]
    public async Task Offers_of_a_sku_come_best_first_and_an_unavailable_supplier_is_never_preferred()
    {
        using var api = await ProcurementApiAsync();
        var backup = await SupplierAsync(api, "BACKUP", "EUR");
        await OfferAsync(api, backup.Id, new { sku = "CHAI", unitPrice = 4.10m, leadTimeDays = 3, rank = 2 });

        var offers = await api.GetAsync<List<SupplierOfferView>>("/api/products/CHAI/suppliers");
        offers.Select(o => (o.SupplierCode, o.Rank, o.Preferred)).ShouldBe([("ACME", 1, true), ("BACKUP", 2, false)]);
        offers.ShouldAllBe(o => o.Currency == "EUR");

        var acme = offers[0].SupplierId;
        var marked = await OkAsync<SupplierView>(await api.Client.PostAsJsonAsync($"/api/suppliers/{acme}/unavailable", new { reason = "strike" }, OrderlyApi.Json));
        (marked.IsAvailable, marked.UnavailableReason).ShouldBe((false, "strike"));

        offers = await api.GetAsync<List<SupplierOfferView>>("/api/products/CHAI/suppliers");
        offers.Select(o => (o.SupplierCode, o.SupplierAvailable, o.Preferred)).ShouldBe([("BACKUP", true, true), ("ACME", false, false)]);
        (await api.GetAsync<List<SupplierOfferView>>($"/api/suppliers/{acme}/offers")).Select(o => o.Sku).ShouldBe(["CHAI", "COFFEE"]);

        var draft = await SendAsync(api, Post, "/api/purchase-orders", new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 10 } } });
        await OrderlyApi.ProblemAsync(draft, HttpStatusCode.Conflict, "supplier.unavailable");

        (await OkAsync<SupplierView>(await api.Client.PostAsync($"/api/suppliers/{acme}/available", ApiRequests.NoBody()))).IsAvailable.ShouldBeTrue();
        (await api.GetAsync<List<SupplierOfferView>>("/api/products/CHAI/suppliers"))[0].SupplierCode.ShouldBe("ACME");
    }

    [Fact]
    public async Task An_offer_put_again_updates_its_terms_in_the_suppliers_currency()
    {
        using var api = await ProcurementApiAsync();
        var acme = (await api.GetAsync<List<SupplierView>>("/api/suppliers")).Single(s => s.Code == "ACME");

        var updated = await OfferAsync(api, acme.Id, new { sku = "CHAI", unitPrice = 4.75m, leadTimeDays = 9, minimumOrderQuantity = 12, rank = 1 });

        (updated.UnitPrice, updated.LeadTimeDays, updated.MinimumOrderQuantity, updated.Currency).ShouldBe((4.75m, 9, 12m, "EUR"));
        (await api.GetAsync<List<SupplierOfferView>>($"/api/suppliers/{acme.Id}/offers")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Registering_a_supplier_code_twice_is_a_409()
    {
        using var api = await ProcurementApiAsync();

        var again = await SendAsync(api, Post, "/api/suppliers", new { code = "ACME", name = "Another Acme", currency = "USD" });

        await OrderlyApi.ProblemAsync(again, HttpStatusCode.Conflict, "supplier.code_taken");
    }

    [Fact]
    public async Task An_offer_for_an_unknown_sku_is_a_400_and_for_an_unknown_supplier_a_404()
    {
        using var api = await ProcurementApiAsync();
        var acme = (await api.GetAsync<List<SupplierView>>("/api/suppliers")).Single();

        var unknownSku = await SendAsync(api, HttpMethod.Put, $"/api/suppliers/{acme.Id}/offers", new { sku = "NOPE", unitPrice = 1m, leadTimeDays = 1 });
        var unknownSupplier = await SendAsync(api, HttpMethod.Put, $"/api/suppliers/{Guid.NewGuid()}/offers", new { sku = "CHAI", unitPrice = 1m, leadTimeDays = 1 });

        ShouldNameFields(await OrderlyApi.ProblemAsync(unknownSku, HttpStatusCode.BadRequest, "supplier_offer.invalid"), "sku");
        await OrderlyApi.ProblemAsync(unknownSupplier, HttpStatusCode.NotFound, "supplier.not_found");
    }

    [Fact]
    public async Task Drafting_from_an_unknown_supplier_is_a_400_naming_the_field()
    {
        using var api = await ProcurementApiAsync();

        var response = await SendAsync(api, Post, "/api/purchase-orders",
            new { supplierCode = "NOBODY", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 10 } } });

        ShouldNameFields(await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "purchase_order.invalid"), "supplierCode");
        (await api.GetAsync<PurchaseOrderPage>("/api/purchase-orders")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Drafting_what_the_supplier_does_not_offer_or_below_its_minimum_is_a_400_per_line()
    {
        using var api = await ProcurementApiAsync();

        var response = await SendAsync(api, Post, "/api/purchase-orders", new { supplierCode = "ACME", warehouseCode = "NOWHERE", lines = new object[]
        {
            new { sku = "CHAI", quantity = 9 },
            new { sku = "BOOK", quantity = 1 },
            new { sku = "GHOST", quantity = 1 },
        }});

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "purchase_order.invalid");
        ShouldNameFields(problem, "warehouseCode", "lines[0].quantity", "lines[1].sku", "lines[2].sku");
        problem.Errors!["lines[0].quantity"][0].ShouldContain("minimum order quantity");
    }

    [Fact]
    public async Task A_command_the_lifecycle_does_not_allow_is_a_409_and_changes_nothing()
    {
        using var api = await ProcurementApiAsync();
        var po = await DraftChaiAsync(api);

        var confirm = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/confirm", new { promisedDate = OrderlyApi.Today.AddDays(3) });
        var receive = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/receipts", new { lineNo = 1, quantity = 1 });

        (await OrderlyApi.ProblemAsync(confirm, HttpStatusCode.Conflict, "purchase_order.command_not_allowed")).Detail.ShouldContain("send, cancel");
        await OrderlyApi.ProblemAsync(receive, HttpStatusCode.Conflict, "purchase_order.command_not_allowed");
        var after = await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}");
        (after.Status, after.Version, after.History.Count).ShouldBe(("Draft", po.Version, 1));
        (await OnHandAsync(api, "CHAI")).ShouldBe(0m);
    }

    [Fact]
    public async Task A_stale_if_match_is_a_412_and_the_current_etag_is_accepted()
    {
        using var api = await ProcurementApiAsync();
        var po = await DraftChaiAsync(api);
        var read = await api.Client.GetAsync($"/api/purchase-orders/{po.Id}");
        var etag = read.Headers.ETag!.Tag;
        etag.ShouldBe($"\"{po.Version}\"");
        await CommandAsync(api, po.Id, "send");

        var stale = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/cancel", new { reason = "changed my mind" }, ("If-Match", etag));
        var staleReceipt = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/receipts", new { lineNo = 1, quantity = 1 }, ("If-Match", etag));

        await OrderlyApi.ProblemAsync(stale, HttpStatusCode.PreconditionFailed, "concurrency.stale_version");
        await OrderlyApi.ProblemAsync(staleReceipt, HttpStatusCode.PreconditionFailed, "concurrency.stale_version");
        var current = await api.Client.GetAsync($"/api/purchase-orders/{po.Id}");
        var cancelled = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/cancel", new { reason = "changed my mind" },
            ("If-Match", current.Headers.ETag!.Tag));
        var view = await OkAsync<PurchaseOrderView>(cancelled);
        view.Status.ShouldBe("Cancelled");
        cancelled.Headers.ETag!.Tag.ShouldBe($"\"{view.Version}\"");
    }

    [Fact]
    public async Task Receiving_more_than_is_open_is_a_409_and_posts_no_stock()
    {
        using var api = await ProcurementApiAsync();
        var po = await DraftChaiAsync(api);
        await CommandAsync(api, po.Id, "send");
        await ReceiveAsync(api, po.Id, new { lineNo = 1, quantity = 15 });

        var over = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/receipts", new { lineNo = 1, quantity = 6 });

        await OrderlyApi.ProblemAsync(over, HttpStatusCode.Conflict, "receipt.exceeds_open_quantity");
        (await OnHandAsync(api, "CHAI")).ShouldBe(15m);
        (await api.GetAsync<List<GoodsReceiptView>>($"/api/purchase-orders/{po.Id}/receipts")).Count.ShouldBe(1);
        (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Lines[0].ReceivedQuantity.ShouldBe(15m);
    }

    [Fact]
    public async Task A_receipt_above_the_largest_quantity_is_a_400_at_the_quantity_and_posts_no_stock()
    {
        using var api = await ProcurementApiAsync();
        var po = await DraftChaiAsync(api);
        await CommandAsync(api, po.Id, "send");

        var huge = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/receipts", new { lineNo = 1, quantity = 1e28m });

        (await OrderlyApi.ProblemAsync(huge, HttpStatusCode.BadRequest, "receipt.invalid")).ShouldHaveFieldErrors("quantity");
        (await api.GetAsync<List<GoodsReceiptView>>($"/api/purchase-orders/{po.Id}/receipts")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_receipt_retried_with_its_idempotency_key_posts_stock_once()
    {
        using var api = await ProcurementApiAsync();
        var po = await DraftChaiAsync(api);
        await CommandAsync(api, po.Id, "send");
        var body = new { lineNo = 1, quantity = 7, reference = "DN-1" };
        var key = ("Idempotency-Key", "receipt-dn-1");

        var first = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/receipts", body, key);
        var retry = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/receipts", body, key);

        var created = await OrderlyApi.Read<ReceiptOutcome>(first, HttpStatusCode.Created);
        (await OrderlyApi.Read<ReceiptOutcome>(retry, HttpStatusCode.Created)).Receipt.Id.ShouldBe(created.Receipt.Id);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        first.Headers.Location!.ToString().ShouldBe($"/api/purchase-orders/{po.Id}/receipts/{created.Receipt.Id}");
        (await api.GetAsync<GoodsReceiptView>(first.Headers.Location.ToString())).Quantity.ShouldBe(7m);
        (await OnHandAsync(api, "CHAI")).ShouldBe(7m);
        (await api.GetAsync<List<StockMovementView>>("/api/stock/movements?sku=CHAI")).Count.ShouldBe(1);
        (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Lines[0].ReceivedQuantity.ShouldBe(7m);
    }

    [Fact]
    public async Task Confirm_needs_a_promised_date_that_is_not_in_the_past()
    {
        using var api = await ProcurementApiAsync();
        var po = await DraftChaiAsync(api);
        await CommandAsync(api, po.Id, "send");

        var without = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/confirm", new { });
        var past = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/confirm", new { promisedDate = OrderlyApi.Today.AddDays(-1) });

        ShouldNameFields(await OrderlyApi.ProblemAsync(without, HttpStatusCode.BadRequest, "purchase_order.promised_date_required"), "promisedDate");
        ShouldNameFields(await OrderlyApi.ProblemAsync(past, HttpStatusCode.BadRequest, "purchase_order.promised_date_in_past"), "promisedDate");
        (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Status.ShouldBe("Sent");
    }

    [Theory]
    [InlineData("receive")]
    [InlineData("approve")]
    [InlineData("1")]
    public async Task A_command_that_is_not_a_purchase_order_command_is_a_400(string command)
    {
        using var api = await ProcurementApiAsync();
        var po = await DraftChaiAsync(api);

        var response = await SendAsync(api, Post, $"/api/purchase-orders/{po.Id}/{command}", new { });

        ShouldNameFields(await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "purchase_order.command_unknown"), "command");
    }

    [Fact]
    public async Task The_list_is_newest_first_and_filters_by_status_supplier_and_sku()
    {
        using var api = await ProcurementApiAsync();
        var chai = await DraftChaiAsync(api);
        var coffee = await DraftAsync(api, new { supplierCode = "ACME", warehouseCode = "EAST", lines = new[] { new { sku = "COFFEE", quantity = 2 } } });
        await CommandAsync(api, coffee.Id, "send");

        (await api.GetAsync<PurchaseOrderPage>("/api/purchase-orders")).Items.Select(p => p.Number).ShouldBe([coffee.Number, chai.Number]);
        (await api.GetAsync<PurchaseOrderPage>("/api/purchase-orders?status=sent")).Items.ShouldHaveSingleItem().Id.ShouldBe(coffee.Id);
        (await api.GetAsync<PurchaseOrderPage>("/api/purchase-orders?sku=CHAI")).Items.ShouldHaveSingleItem().Id.ShouldBe(chai.Id);
        (await api.GetAsync<PurchaseOrderPage>("/api/purchase-orders?supplierCode=ACME&pageSize=1")).ShouldSatisfyAllConditions(
            p => p.TotalCount.ShouldBe(2), p => p.Items.ShouldHaveSingleItem().Number.ShouldBe(coffee.Number));
        (await api.GetAsync<PurchaseOrderPage>($"/api/purchase-orders?supplierId={chai.SupplierId}&status=Draft")).TotalCount.ShouldBe(1);
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/purchase-orders?status=shipped"), HttpStatusCode.BadRequest,
            "purchase_order.query_invalid");
    }

    [Fact]
    public async Task An_unknown_purchase_order_is_a_404()
    {
        using var api = await ProcurementApiAsync();

        await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/purchase-orders/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "purchase_order.not_found");
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/purchase-orders/{Guid.NewGuid()}/receipts"), HttpStatusCode.NotFound, "purchase_order.not_found");
        await OrderlyApi.ProblemAsync(await SendAsync(api, Post, $"/api/purchase-orders/{Guid.NewGuid()}/send", new { }), HttpStatusCode.NotFound,
            "purchase_order.not_found");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_procurement_operations()
    {
        using var api = new OrderlyApi();

        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("operationId", out _))
            .Select(op => op.Value.GetProperty("operationId").GetString()).ToList();
        foreach (var operation in new[] { "RegisterSupplier", "MarkSupplierUnavailable", "DefineSupplierOffer", "ListProductSuppliers",
                     "DraftPurchaseOrder", "ListPurchaseOrders", "GetPurchaseOrder", "RunPurchaseOrderCommand", "ReceiveGoods",
                     "ListGoodsReceipts", "GetPurchaseOrderHistory" })
            operations.ShouldContain(operation);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        schemas.TryGetProperty("PurchaseOrderView", out _).ShouldBeTrue();
        schemas.TryGetProperty("ReceiptOutcome", out _).ShouldBeTrue();
    }

    /// <summary>The seeded API plus supplier ACME (EUR) offering CHAI (4.50, 7 days, from 10) and COFFEE (12.00, 10 days).</summary>
    private static async Task<OrderlyApi> ProcurementApiAsync()
    {
        var api = new OrderlyApi();
        await api.SeedAsync();
        var acme = await SupplierAsync(api, "ACME", "EUR");
        await OfferAsync(api, acme.Id, new { sku = "CHAI", unitPrice = 4.50m, leadTimeDays = 7, minimumOrderQuantity = 10, rank = 1 });
        await OfferAsync(api, acme.Id, new { sku = "COFFEE", unitPrice = 12.00m, leadTimeDays = 10, rank = 1 });
        return api;
    }

    private static async Task<SupplierView> SupplierAsync(OrderlyApi api, string code, string currency) =>
        await OrderlyApi.Read<SupplierView>(await SendAsync(api, Post, "/api/suppliers", new { code, name = $"{code} Ltd", currency }), HttpStatusCode.Created);

    private static async Task<SupplierOfferView> OfferAsync(OrderlyApi api, Guid supplier, object offer) =>
        await OkAsync<SupplierOfferView>(await SendAsync(api, HttpMethod.Put, $"/api/suppliers/{supplier}/offers", offer));

    private static async Task<PurchaseOrderView> DraftAsync(OrderlyApi api, object body)
    {
        var response = await SendAsync(api, Post, "/api/purchase-orders", body);
        var po = await OrderlyApi.Read<PurchaseOrderView>(response, HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/purchase-orders/{po.Id}");
        return po;
    }

    /// <summary>A Draft purchase order of 20 CHAI from ACME into MAIN.</summary>
    private static Task<PurchaseOrderView> DraftChaiAsync(OrderlyApi api) =>
        DraftAsync(api, new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 20 } } });

    private static async Task<PurchaseOrderView> CommandAsync(OrderlyApi api, Guid po, string command, object? body = null) =>
        await OkAsync<PurchaseOrderView>(await SendAsync(api, Post, $"/api/purchase-orders/{po}/{command}", body ?? new { }));

    private static async Task<ReceiptOutcome> ReceiveAsync(OrderlyApi api, Guid po, object body) =>
        await OrderlyApi.Read<ReceiptOutcome>(await SendAsync(api, Post, $"/api/purchase-orders/{po}/receipts", body), HttpStatusCode.Created);

    private static async Task<decimal> OnHandAsync(OrderlyApi api, string sku) =>
        (await api.GetAsync<List<StockView>>($"/api/stock?sku={sku}&warehouse=MAIN")).Sum(s => s.OnHand);

    private static void ShouldNameFields(Problem problem, params string[] fields) =>
        problem.Errors.ShouldNotBeNull(problem.Detail).Keys.ShouldBe(fields, ignoreOrder: true);

    private static Task<T> OkAsync<T>(HttpResponseMessage response) => OrderlyApi.Read<T>(response, HttpStatusCode.OK);

    private static Task<HttpResponseMessage> SendAsync(OrderlyApi api, HttpMethod method, string path, object body,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: OrderlyApi.Json) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue(name);
        return api.Client.SendAsync(request);
    }
}
