using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Billing;
using Orderly.Application.Fulfilment;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>Every <c>Location</c> header the API writes leads to the resource it created (issue #8, item 7).</summary>
public sealed class LocationTests
{
    [Fact]
    public async Task Every_location_written_on_the_way_from_master_data_to_a_paid_order_and_a_received_purchase_order_resolves()
    {
        using var api = new OrderlyApi();
        var recorder = new LocationRecorder();
        using var client = api.CreateDefaultClient(recorder);
        client.DefaultRequestHeaders.Authorization = api.Client.DefaultRequestHeaders.Authorization;

        await PostAsync(client, "/api/warehouses", new { code = "MAIN", name = "Main", priority = 1 });
        await PostAsync(client, "/api/products", new { sku = "CHAI", name = "Chai", unit = "case", unitDecimals = 0, listPrice = 18.00m, currency = "EUR", taxRate = 0.07m, maxDiscountPercent = 10m });
        await PostAsync(client, "/api/customers", new { code = "ALFKI", name = "Alfreds", currency = "EUR", creditLimit = 100_000m, paymentTermsDays = 30 });
        (await client.PostAsJsonAsync("/api/stock/receipts", new { warehouseCode = "MAIN", sku = "CHAI", quantity = 10 }, OrderlyApi.Json)).EnsureSuccessStatusCode();
        var order = await PostAsync<OrderView>(client, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 4)));
        foreach (var command in new[] { "submit", "confirm", "reserve" })
            (await client.PostAsJsonAsync($"/api/orders/{order.Id}/{command}", new { }, OrderlyApi.Json)).EnsureSuccessStatusCode();
        await PostAsync<ShipmentView>(client, $"/api/orders/{order.Id}/shipments", new { });
        var invoice = await PostAsync<InvoiceView>(client, $"/api/orders/{order.Id}/invoices", null);
        await PostAsync<PaymentView>(client, $"/api/invoices/{invoice.Id}/payments", new { amount = 10.00m, reference = "bank 1" });
        var supplier = await PostAsync<SupplierView>(client, "/api/suppliers", new { code = "ACME", name = "Acme", currency = "EUR" });
        (await client.PutAsJsonAsync($"/api/suppliers/{supplier.Id}/offers", new { sku = "CHAI", unitPrice = 4.50m, leadTimeDays = 7 }, OrderlyApi.Json))
            .EnsureSuccessStatusCode();
        var po = await PostAsync<PurchaseOrderView>(client, "/api/purchase-orders",
            new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 20 } } });
        (await client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/confirm", new { promisedDate = OrderlyApi.Today.AddDays(5) }, OrderlyApi.Json))
            .EnsureSuccessStatusCode();
        await PostAsync<ReceiptOutcome>(client, $"/api/purchase-orders/{po.Id}/receipts", new { lineNo = 1, quantity = 5 });

        recorder.Locations.Count.ShouldBe(10, string.Join("\n", recorder.Locations));
        foreach (var location in recorder.Locations)
        {
            var response = await api.Client.GetAsync(location);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{location}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task The_location_of_a_payment_reads_that_payment()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (_, invoice) = await api.InvoicedOrderAsync(2);

        var response = await api.Client.PostAsJsonAsync($"/api/invoices/{invoice.Id}/payments", new { amount = 12.34m, reference = "bank 7" }, OrderlyApi.Json);
        var payment = await OrderlyApi.Read<PaymentView>(response, HttpStatusCode.Created);

        response.Headers.Location!.ToString().ShouldBe($"/api/invoices/{invoice.Id}/payments/{payment.Id}");
        var read = await api.GetAsync<PaymentView>(response.Headers.Location.ToString());
        (read.Id, read.Amount, read.Reference).ShouldBe((payment.Id, 12.34m, "bank 7"));
    }

    [Fact]
    public async Task A_payment_of_another_invoice_is_not_found_under_this_one()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (_, first) = await api.InvoicedOrderAsync(2);
        var (_, second) = await api.InvoicedOrderAsync(1);
        var payment = await OrderlyApi.Read<PaymentView>(await api.Client.PostAsJsonAsync($"/api/invoices/{first.Id}/payments",
            new { amount = 1.00m }, OrderlyApi.Json), HttpStatusCode.Created);

        var response = await api.Client.GetAsync($"/api/invoices/{second.Id}/payments/{payment.Id}");

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.NotFound, "payment.not_found");
    }

    private static async Task PostAsync(HttpClient client, string path, object body) =>
        (await client.PostAsJsonAsync(path, body, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);

    private static async Task<T> PostAsync<T>(HttpClient client, string path, object? body) =>
        await OrderlyApi.Read<T>(body is null ? await client.PostAsync(path, ApiRequests.NoBody()) : await client.PostAsJsonAsync(path, body, OrderlyApi.Json),
            HttpStatusCode.Created);

    /// <summary>Keeps the <c>Location</c> of every response that passes through it.</summary>
    private sealed class LocationRecorder : DelegatingHandler
    {
        public List<Uri> Locations { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.Location is { } location) Locations.Add(location);
            return response;
        }
    }
}
