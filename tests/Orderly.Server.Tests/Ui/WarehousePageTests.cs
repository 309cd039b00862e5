using System.Net;
using Orderly.Application.Inventory;

namespace Orderly.Server.Tests.Ui;

/// <summary>The warehouse page (issue 12): what to ship, stock by SKU and warehouse, goods receipts and adjustments as the API takes them, the ledger; only the warehouse changes stock.</summary>
public sealed class WarehousePageTests
{
    [Fact]
    public async Task The_warehouse_receives_and_adjusts_stock_on_the_page_and_a_refusal_changes_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 4));
        await api.RunAsync(order.Id, "reserve");
        var warehouse = await UiBrowser.SignedInAsAsync(api, "wanda@orderly.test", ["warehouse"]);

        var (page, html) = await warehouse.GetAsync("/app/warehouse");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($">{order.Number}</a>", customMessage: "the reserved order waits in the ship queue, linked to its page");
        html.ShouldContain("<tr data-stock=\"CHAI@MAIN\">");

        var (received, _) = await warehouse.PostAsync("/app/warehouse", html, "stock-receipt",
            ("Receipt.Warehouse", "EAST"), ("Receipt.Sku", "CHAI"), ("Receipt.Quantity", "5"), ("Receipt.Reference", "DN-4711"));
        (received.StatusCode, UiBrowser.PathOf(received)).ShouldBe((HttpStatusCode.Redirect, "/app/warehouse?sku=CHAI&done=receipt"));
        var (_, after) = await warehouse.GetAsync(UiBrowser.PathOf(received));
        after.ShouldContain("Goods received");
        after.ShouldContain("DN-4711");
        Stock(await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI"), "EAST").OnHand.ShouldBe(5m);

        var (refused, refusal) = await warehouse.PostAsync("/app/warehouse", html, "stock-adjustment",
            ("Adjustment.Warehouse", "MAIN"), ("Adjustment.Sku", "CHAI"), ("Adjustment.Change", "-2"), ("Adjustment.Reason", ""));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refusal.ShouldContain("<span id=\"adjustment-reason-error\" class=\"field-error\">Say why the stock is adjusted (count, damage, ...).</span>");
        Stock(await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI"), "MAIN").OnHand.ShouldBe(10m, "the refused adjustment took nothing");
        var (adjusted, _) = await warehouse.PostAsync("/app/warehouse", html, "stock-adjustment",
            ("Adjustment.Warehouse", "MAIN"), ("Adjustment.Sku", "CHAI"), ("Adjustment.Change", "-2"), ("Adjustment.Reason", "count: two cases damaged"));
        adjusted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Stock(await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI"), "MAIN").OnHand.ShouldBe(8m);
    }

    [Fact]
    public async Task Sales_reads_stock_but_is_offered_no_receipt_and_a_forged_one_is_not_taken()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var sales = await UiBrowser.SignedInAsAsync(api, "sam@orderly.test", ["sales"]);

        var (_, html) = await sales.GetAsync("/app/warehouse");
        html.ShouldContain("Stock by SKU and warehouse");
        html.ShouldNotContain("Receipt.Quantity");
        var (forged, _) = await sales.PostAsync("/app/warehouse", html, "stock-receipt", ("Receipt.Warehouse", "MAIN"), ("Receipt.Sku", "CHAI"), ("Receipt.Quantity", "5"));

        forged.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI")).ShouldBeEmpty("no stock was received");
    }

    private static StockView Stock(List<StockView> levels, string warehouse) => levels.Single(l => l.WarehouseCode == warehouse);
}
