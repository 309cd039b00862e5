using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Procurement;

namespace Orderly.Server.Tests.Ui;

/// <summary>
/// A purchase order's page (issue 12 "Procurement"): procurement sends and confirms it with the supplier's date, the
/// warehouse receives goods line by line, a receipt beyond what is open and a stale version are refused with the API's
/// words, and the receipts and history show what happened.
/// </summary>
public sealed class PurchaseOrderPageTests
{
    [Fact]
    public async Task Procurement_sends_and_confirms_and_the_warehouse_receives_part_then_the_rest_through_the_page()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await BackorderAndPromiseTests.OfferAsync(api, "ACME", "CHAI", leadTimeDays: 7);
        var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
            new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 20 } } }, OrderlyApi.Json), HttpStatusCode.Created);
        var path = $"/app/procurement/purchase-orders/{po.Id}";
        var buyer = await UiBrowser.SignedInAsAsync(api, "bea@orderly.test", ["procurement"]);

        var (_, page) = await buyer.GetAsync(path);
        page.ShouldContain(po.Number);
        page.ShouldContain("data-action=\"send\"");
        var (sent, _) = await buyer.PostAsync(path, page, "po-action", ("act", "send"), ("version", po.Version.ToString()));
        (sent.StatusCode, UiBrowser.PathOf(sent)).ShouldBe((HttpStatusCode.Redirect, $"{path}?done=send"));
        var (_, afterSend) = await buyer.GetAsync(UiBrowser.PathOf(sent));
        afterSend.ShouldContain("Done: Send to supplier.");
        var version = (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Version;
        var promised = api.ServerToday.AddDays(6).ToString("yyyy-MM-dd");
        var (confirmed, _) = await buyer.PostAsync(path, afterSend, "po-action", ("act", "confirm"), ("version", version.ToString()), ("promisedDate", promised));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).PromisedDate.ShouldBe(api.ServerToday.AddDays(6));

        var (stale, staleHtml) = await buyer.PostAsync(path, afterSend, "po-action", ("act", "cancel"), ("version", version.ToString()), ("reason", "too late"));
        (stale.StatusCode, staleHtml.Contains("Someone else changed this order")).ShouldBe((HttpStatusCode.PreconditionFailed, true));

        var clerk = await UiBrowser.SignedInAsAsync(api, "wanda@orderly.test", ["warehouse"]);
        var (_, receiving) = await clerk.GetAsync(path);
        receiving.ShouldNotContain("data-action=\"cancel\"", customMessage: "the warehouse receives; it does not cancel purchase orders");
        version = (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Version;
        var (tooMuch, tooMuchHtml) = await clerk.PostAsync(path, receiving, "po-receive", ("line", "1"), ("quantity.1", "25"), ("version", version.ToString()));
        tooMuch.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Conflict);
        tooMuchHtml.ShouldContain("has 20 open; receiving 25 would exceed what was ordered", customMessage: "the API's words, the quantity as written on both databases");
        var (part, _) = await clerk.PostAsync(path, receiving, "po-receive", ("line", "1"), ("quantity.1", "12"), ("reference.1", "DN-77"), ("version", version.ToString()));
        (part.StatusCode, UiBrowser.PathOf(part)).ShouldBe((HttpStatusCode.Redirect, $"{path}?done=receive"));
        var (_, afterPart) = await clerk.GetAsync(path);
        afterPart.ShouldContain("(DN-77)");
        version = (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Version;
        await clerk.PostAsync(path, afterPart, "po-receive", ("line", "1"), ("quantity.1", "8"), ("version", version.ToString()));

        var done = await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}");
        (done.Status, done.Lines.Single().ReceivedQuantity).ShouldBe(("Received", 20m));
        (await api.GetAsync<List<GoodsReceiptView>>($"/api/purchase-orders/{po.Id}/receipts")).Select(r => r.Quantity).ShouldBe([12m, 8m]);
    }

    [Fact]
    public async Task A_customer_cannot_open_a_purchase_order_and_an_unknown_one_is_not_found()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var buyer = await UiBrowser.SignedInAsAsync(api, "bea@orderly.test", ["procurement"]);
        (await buyer.GetAsync($"/app/procurement/purchase-orders/{Guid.NewGuid()}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var customer = await UiBrowser.SignedInAsAsync(api, "carl@orderly.test", ["customer"], "ALFKI");
        (await customer.GetAsync($"/app/procurement/purchase-orders/{Guid.NewGuid()}")).Html.ShouldContain("This page is not part of your work.");
    }
}
