using Orderly.Domain.People;
using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Billing;
using Orderly.Application.Events;
using Orderly.Application.Procurement;
using Orderly.Application.Replenishment;

namespace Orderly.Server.Tests;

/// <summary>
/// The business event stream (ADR 0015): each kind of state change writes its event with its type, aggregate, version
/// and actor in the change's own transaction, a refused change writes none, and the stream reads back in order by cursor.
/// </summary>
public sealed class EventStreamTests
{
    [Fact]
    public async Task An_orders_journey_reads_back_in_commit_order_through_small_pages_with_each_events_version_and_actor()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 4));
        await api.RunAsync(order.Id, "submit");
        await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/confirm", new { }, api.SignedInAs("sam@sales", Role.Sales));
        await api.RunAsync(order.Id, "reserve");
        await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/ship", new { }, api.SignedInAs("bob@warehouse", Role.Warehouse));

        var events = await ReadAllAsync(api, limit: 2);

        var ofOrder = events.Where(e => e.AggregateId == order.Id && e.Type.StartsWith("order.", StringComparison.Ordinal)).ToList();
        ofOrder.Select(e => e.Type).ShouldBe(["order.received", "order.submitted", "order.reviewed", "order.confirmed", "order.reserved", "order.shipped"]);
        ofOrder.ShouldAllBe(e => e.AggregateType == "sales_order");
        var confirmed = ofOrder.Single(e => e.Type == "order.confirmed");
        (confirmed.Actor, confirmed.Payload.GetProperty("status").GetString(), confirmed.Payload.GetProperty("number").GetString())
            .ShouldBe(("sam@sales", "Confirmed", order.Number));
        ofOrder.Single(e => e.Type == "order.shipped").Actor.ShouldBe("bob@warehouse");
        var final = await api.OrderAsync(order.Id);
        ofOrder[^1].AggregateVersion.ShouldBe(final.Version);
        ofOrder.Select(e => e.AggregateVersion!.Value).ShouldBeInOrder(SortDirection.Ascending);
        events.Select(e => e.Id).ShouldBeInOrder(SortDirection.Ascending);
        events.Select(e => e.Id).Distinct().Count().ShouldBe(events.Count);
    }

    [Fact]
    public async Task Invoicing_and_paying_write_invoice_issued_and_payment_recorded_on_the_invoice_with_who_did_it()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 4));
        await api.RunAsync(order.Id, "reserve");
        await api.RunAsync(order.Id, "ship");
        var invoice = await OrderlyApi.Read<InvoiceView>(await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/invoices", null,
            api.SignedInAs("carol@finance", Role.Finance)), HttpStatusCode.Created);
        (await api.SendJsonAsync(HttpMethod.Post, $"/api/invoices/{invoice.Id}/payments", new { amount = 10.00m, reference = "bank 1" },
            api.SignedInAs("dave@finance", Role.Finance))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var events = (await ReadAllAsync(api)).Where(e => e.AggregateId == invoice.Id).ToList();

        events.Select(e => (e.Type, e.AggregateType, e.Actor, e.AggregateVersion))
            .ShouldBe([("invoice.issued", "invoice", "carol@finance", (int?)null), ("payment.recorded", "invoice", "dave@finance", null)]);
        events[0].Payload.GetProperty("totalAmount").GetDecimal().ShouldBe(invoice.TotalAmount);
        var payment = events[1].Payload.GetProperty("payment");
        (payment.GetProperty("amount").GetDecimal(), payment.GetProperty("reference").GetString()).ShouldBe((10.00m, "bank 1"));
        events[1].Payload.GetProperty("openAmount").GetDecimal().ShouldBe(invoice.TotalAmount - 10.00m);
    }

    [Fact]
    public async Task A_purchase_order_writes_one_event_per_step_with_its_version()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var supplier = await OrderlyApi.Read<SupplierView>(await api.Client.PostAsJsonAsync("/api/suppliers",
            new { code = "ACME", name = "Acme", currency = "EUR" }, OrderlyApi.Json), HttpStatusCode.Created);
        await api.Client.PutAsJsonAsync($"/api/suppliers/{supplier.Id}/offers", new { sku = "CHAI", unitPrice = 4.50m, leadTimeDays = 7, rank = 1 }, OrderlyApi.Json);
        var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
            new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 20 } } }, OrderlyApi.Json), HttpStatusCode.Created);
        await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json);
        await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/confirm", new { promisedDate = api.ServerToday.AddDays(5) }, OrderlyApi.Json);
        (await api.SendJsonAsync(HttpMethod.Post, $"/api/purchase-orders/{po.Id}/receipts", new { lineNo = 1, quantity = 20 },
            api.SignedInAs("wes@warehouse", Role.Warehouse))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var events = (await ReadAllAsync(api)).Where(e => e.AggregateId == po.Id).ToList();

        events.Select(e => e.Type).ShouldBe(["purchase_order.drafted", "purchase_order.sent", "purchase_order.confirmed", "purchase_order.received"]);
        events.ShouldAllBe(e => e.AggregateType == "purchase_order");
        var received = await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}");
        (events[^1].Actor, events[^1].AggregateVersion, events[^1].Payload.GetProperty("status").GetString())
            .ShouldBe(("wes@warehouse", received.Version, "Received"));
    }

    [Fact]
    public async Task A_stock_alert_writes_raised_acknowledged_and_resolved_with_who_did_each()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.Client.PutAsJsonAsync("/api/reorder-policies", new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 10, safetyStock = 0, reorderQuantity = 10 },
            OrderlyApi.Json);
        var report = await OrderlyApi.Read<ScanReport>(await api.SendJsonAsync(HttpMethod.Post, "/api/replenishment/scan", null,
            api.SignedInAs("pat@procurement", Role.Procurement)), HttpStatusCode.OK);
        var alert = report.Raised.ShouldHaveSingleItem();
        await api.SendJsonAsync(HttpMethod.Post, $"/api/alerts/{alert.Id}/acknowledge", null, api.SignedInAs("ann@warehouse", Role.Warehouse));
        await api.SendJsonAsync(HttpMethod.Post, $"/api/alerts/{alert.Id}/resolve", new { resolution = "Bought elsewhere." }, api.SignedInAs("ann@warehouse", Role.Warehouse));

        var events = (await ReadAllAsync(api)).Where(e => e.AggregateId == alert.Id).ToList();

        events.Select(e => (e.Type, e.AggregateType, e.Actor)).ShouldBe([
            ("stock_alert.raised", "stock_alert", "pat@procurement"), ("stock_alert.acknowledged", "stock_alert", "ann@warehouse"),
            ("stock_alert.resolved", "stock_alert", "ann@warehouse")]);
        events[^1].Payload.GetProperty("resolution").GetString().ShouldBe("Bought elsewhere.");
    }

    [Fact]
    public async Task A_refused_change_writes_no_event()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var before = await ReadAllAsync(api);

        // An import is all or nothing: the second order's unknown SKU rolls back the first one with its events.
        var import = await api.Client.PostAsJsonAsync("/api/orders/import", new
        {
            orders = new[] { ApiRequests.OrderBody("ALFKI", ("CHAI", 1)), ApiRequests.OrderBody("ALFKI", ("NOPE", 1)) },
        }, OrderlyApi.Json);
        import.IsSuccessStatusCode.ShouldBeFalse(await import.Content.ReadAsStringAsync());

        (await ReadAllAsync(api)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task A_moved_promise_of_the_re_promise_worker_writes_order_promise_moved_with_the_orders_version()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var first = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5));
        var second = await api.PlaceOrderAsync("ALFKI", ("CHAI", 5));
        await api.ReceiveAsync("MAIN", "CHAI", 5); // serves the first; the second's promise moves after commit
        await api.DrainPromisesAsync();

        var moved = (await ReadAllAsync(api)).Where(e => e.Type == "order.promise_moved").ToList();

        moved.ShouldNotBeEmpty();
        foreach (var e in moved)
        {
            var order = await api.OrderAsync(e.AggregateId);
            (e.AggregateVersion, e.Payload.GetProperty("number").GetString()).ShouldBe((order.Version, order.Number));
            new[] { first.Id, second.Id }.ShouldContain(e.AggregateId);
        }
    }

    [Theory]
    [InlineData("after=abc", "event.cursor_invalid")]
    [InlineData("after=-1", "event.cursor_invalid")]
    [InlineData("after=99999999999999999999", "event.cursor_invalid")]
    [InlineData("after=999999", "event.cursor_invalid")] // an id the stream never issued
    [InlineData("limit=0", "event.query_invalid")]
    [InlineData("limit=201", "event.query_invalid")]
    public async Task A_bad_cursor_or_limit_is_refused_with_its_code(string query, string code)
    {
        using var api = new OrderlyApi();
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/events?{query}"), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_cursor_at_the_last_event_reads_an_empty_page_that_keeps_the_cursor()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var last = (await ReadAllAsync(api))[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var page = await api.GetAsync<EventPage>($"/api/events?after={last}");

        (page.Events.Count, page.NextCursor, page.HasMore).ShouldBe((0, last, false));
    }

    /// <summary>The whole stream, read page by page through each page's cursor.</summary>
    internal static async Task<List<EventView>> ReadAllAsync(OrderlyApi api, int limit = 200)
    {
        var all = new List<EventView>();
        string? cursor = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await api.GetAsync<EventPage>($"/api/events?limit={limit}" + (cursor is null ? "" : $"&after={cursor}"));
            all.AddRange(page.Events);
            page.Events.Count.ShouldBeLessThanOrEqualTo(limit);
            cursor = page.NextCursor;
            if (!page.HasMore) return all;
        }
        throw new InvalidOperationException("the stream did not end");
    }
}
