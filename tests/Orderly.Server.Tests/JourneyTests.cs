using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Billing;
using Orderly.Application.Fulfilment;
using Orderly.Application.Inventory;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>One order from receipt to close, through the HTTP API only.</summary>
public sealed class JourneyTests
{
    [Fact]
    public async Task An_order_goes_from_receipt_to_close_with_partial_shipments_invoices_and_payments()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 30);
        await api.ReceiveAsync("EAST", "CHAI", 30);
        await api.ReceiveAsync("MAIN", "COFFEE", 10);

        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 40), ("COFFEE", 2.5m));
        order.Number.ShouldMatch(@"^SO-\d{4}-\d{6}$");
        order.Status.ShouldBe("Draft");
        order.AllowedActions.ShouldBe(["edit", "submit", "cancel"]);

        (await api.RunAsync(order.Id, "submit")).Status.ShouldBe("Approved");
        (await api.RunAsync(order.Id, "confirm")).Status.ShouldBe("Confirmed");
        var reserved = await api.RunAsync(order.Id, "reserve");
        reserved.Status.ShouldBe("Fulfilling");
        reserved.Lines.Select(l => l.ReservedQuantity).ShouldBe([40m, 2.5m]);
        reserved.Reservations.Where(r => r.Sku == "CHAI").Select(r => (r.WarehouseCode, r.Quantity)).ShouldBe([("MAIN", 30m), ("EAST", 10m)]);

        var first = await OrderlyApi.Read<ShipmentView>(await api.Client.PostAsJsonAsync($"/api/orders/{order.Id}/shipments",
            new { lines = new[] { new { lineNo = 1, quantity = 25 } } }, OrderlyApi.Json), HttpStatusCode.Created);
        first.Number.ShouldMatch(@"^SH-\d{4}-\d{6}$");
        first.Lines.Sum(l => l.Quantity).ShouldBe(25m);

        var invoice1 = await OrderlyApi.Read<InvoiceView>(await api.Client.PostAsync($"/api/orders/{order.Id}/invoices", ApiRequests.NoBody()), HttpStatusCode.Created);
        invoice1.TotalAmount.ShouldBe(481.50m); // 25 x 18.00 = 450.00 + 7 % tax 31.50
        invoice1.TotalAmount.ShouldBe(invoice1.Lines.Sum(l => l.GrossAmount));

        var half = await OrderlyApi.Read<PaymentView>(await api.Client.PostAsJsonAsync($"/api/invoices/{invoice1.Id}/payments",
            new { amount = 200.00m, reference = "bank 1" }, OrderlyApi.Json), HttpStatusCode.Created);
        half.Amount.ShouldBe(200m);

        (await api.RunAsync(order.Id, "ship")).Status.ShouldBe("PartiallyInvoiced");
        var invoiced = await api.RunAsync(order.Id, "invoice");
        invoiced.Status.ShouldBe("Invoiced");
        var invoices = await api.GetAsync<List<InvoiceView>>($"/api/orders/{order.Id}/invoices");
        invoices.Count.ShouldBe(2);
        invoiced.InvoicedAmount.ShouldBe(invoices.Sum(i => i.TotalAmount));

        await api.RunAsync(order.Id, "record-payment", new { amount = 281.50m, invoiceNumber = invoice1.Number });
        var paid = await api.RunAsync(order.Id, "record-payment", new { amount = invoices[1].TotalAmount });
        paid.Status.ShouldBe("Paid");
        paid.AllowedActions.ShouldBe(["close"]);
        (await api.RunAsync(order.Id, "close")).Status.ShouldBe("Closed");

        var stock = await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI");
        stock.Sum(s => s.OnHand).ShouldBe(20m);
        stock.Sum(s => s.Reserved).ShouldBe(0m);

        var history = await api.GetAsync<List<OrderHistoryView>>($"/api/orders/{order.Id}/history");
        history.Where(h => h.Action == "promise").ShouldBeEmpty(); // promised for today from stock at entry, and the date never moved
        history.Where(h => h.Action != "promise").Select(h => h.To).ShouldBe(["Draft", "Submitted", "Approved", "Confirmed", "Fulfilling", "Fulfilling", "Fulfilling", "Fulfilling",
            "PartiallyInvoiced", "Invoiced", "Invoiced", "Paid", "Closed"]);
        history.ShouldAllBe(h => h.Actor == OrderlyApi.AdminEmail || h.Actor == "system:review");
    }

    [Fact]
    public async Task Orders_list_newest_first_filtered_by_status_and_customer_and_paged()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var orders = new List<OrderView>();
        for (var i = 0; i < 5; i++) orders.Add(await api.PlaceOrderAsync("ALFKI", ("CHAI", 1)));
        await api.RunAsync(orders[1].Id, "submit");

        var page = await api.GetAsync<OrderPage>("/api/orders?pageSize=2&page=1&includeTotal=true");
        page.TotalCount.ShouldBe(5);
        page.Items.Select(o => o.Number).ShouldBe([orders[4].Number, orders[3].Number]);
        (await api.GetAsync<OrderPage>("/api/orders?pageSize=2&page=3")).Items.Single().Number.ShouldBe(orders[0].Number);
        (await api.GetAsync<OrderPage>("/api/orders?status=approved")).Items.Single().Id.ShouldBe(orders[1].Id);
        (await api.GetAsync<OrderPage>($"/api/orders?customerId={orders[0].CustomerId}&includeTotal=true")).TotalCount.ShouldBe(5);
        (await api.GetAsync<OrderPage>($"/api/orders?customerId={Guid.NewGuid()}&includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        using var api = new OrderlyApi();
        (await api.Client.GetStringAsync("/health")).ShouldContain("\"ok\"");
        var openApi = await api.Client.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("\"/api/orders/{id}/{command}\"");
        openApi.ShouldContain("\"PlaceOrderRequest\"");
        openApi.ShouldContain("\"OrderView\"");
    }
}
