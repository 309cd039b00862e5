using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orderly.Application.Billing;
using Orderly.Application.Procurement;

namespace Orderly.Server.Tests;

/// <summary>
/// Issue #8, item 16: money is written at its currency's minor unit and quantities at their unit's decimals, in every
/// response, as JSON numbers. The seed's products: CHAI in cases (0 decimals), COFFEE in kg (3); everything in EUR (2).
/// </summary>
public sealed class NumberFormInResponsesTests
{
    private static readonly Dictionary<string, int> UnitDecimals = new() { ["CHAI"] = 0, ["COFFEE"] = 3, ["BOOK"] = 0 };

    /// <summary>Whole numbers that are counts, ids or settings, not money or quantities.</summary>
    private static readonly HashSet<string> NotMeasures = new(StringComparer.Ordinal)
    {
        "id", "lineNo", "priority", "version", "rank", "leadTimeDays", "unitDecimals", "paymentTermsDays", "page", "pageSize",
        "totalCount", "purchaseOrderLineNo", "orderLineNo", "purchaseOrderVersion", "status", "reservedLines", "notYetReservedLines", "backorderedLines", "receiptId",
    };

    [Fact]
    public async Task The_walkthrough_writes_totals_at_the_cent_and_quantities_at_the_unit()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 40);
        await api.ReceiveAsync("EAST", "CHAI", 5);
        await api.ReceiveAsync("MAIN", "COFFEE", 10);
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 45), ("COFFEE", 2.5m));
        await api.RunAsync(order.Id, "submit");
        await api.RunAsync(order.Id, "confirm");

        var reserved = await api.CommandAsync(order.Id, "reserve");
        var body = await reserved.Content.ReadAsStringAsync();

        reserved.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        // 45 × 18.00 = 810.00, 2.5 × 21.50 = 53.75; tax 56.70 + 10.21
        body.ShouldContain("\"quantity\":45,");
        body.ShouldContain("\"quantity\":2.500,");
        body.ShouldContain("\"reservedQuantity\":45,");
        body.ShouldContain("\"netAmount\":863.75,");
        body.ShouldContain("\"invoicedAmount\":0.00,");
        body.ShouldContain("\"paidAmount\":0.00,");
        body.ShouldContain("\"unitPrice\":18.00,");
    }

    [Fact]
    public async Task Every_response_writes_money_at_the_minor_unit_and_quantities_at_the_units_decimals()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 40);
        await api.ReceiveAsync("MAIN", "COFFEE", 1.5m);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 45), ("COFFEE", 2.5m));
        await api.RunAsync(order.Id, "reserve");
        await api.CommandAsync(order.Id, "ship");
        var invoice = await OrderlyApi.Read<InvoiceView>(await api.Client.PostAsync($"/api/orders/{order.Id}/invoices", ApiRequests.NoBody()), HttpStatusCode.Created);
        (await api.Client.PostAsJsonAsync($"/api/invoices/{invoice.Id}/payments", new { amount = 500m, reference = "bank 1" }, OrderlyApi.Json))
            .EnsureSuccessStatusCode();
        var supplier = await OrderlyApi.Read<SupplierView>(await api.Client.PostAsJsonAsync("/api/suppliers",
            new { code = "PRIME", name = "Prime", currency = "EUR" }, OrderlyApi.Json), HttpStatusCode.Created);
        (await api.Client.PutAsJsonAsync($"/api/suppliers/{supplier.Id}/offers",
            new { sku = "COFFEE", unitPrice = 12m, leadTimeDays = 5, minimumOrderQuantity = 2m }, OrderlyApi.Json)).EnsureSuccessStatusCode();
        (await api.Client.PutAsJsonAsync("/api/reorder-policies",
            new { warehouseCode = "MAIN", sku = "COFFEE", reorderPoint = 1m, safetyStock = 0.5m, reorderQuantity = 4m }, OrderlyApi.Json))
            .EnsureSuccessStatusCode();
        var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
            new { warehouseCode = "MAIN", supplierCode = "PRIME", lines = new[] { new { sku = "COFFEE", quantity = 4m } } }, OrderlyApi.Json),
            HttpStatusCode.Created);
        (await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json)).EnsureSuccessStatusCode();
        (await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/receipts", new { lineNo = 1, quantity = 1m }, OrderlyApi.Json))
            .EnsureSuccessStatusCode();

        string[] reads =
        [
            $"/api/orders/{order.Id}", "/api/orders", $"/api/orders/{order.Id}/flow", $"/api/orders/{order.Id}/shipments",
            $"/api/orders/{order.Id}/invoices", $"/api/invoices/{invoice.Id}", $"/api/invoices/{invoice.Id}/payments", "/api/backorders",
            "/api/stock", "/api/stock/movements", "/api/products", "/api/customers", "/api/products/COFFEE/suppliers",
            $"/api/suppliers/{supplier.Id}/offers", "/api/reorder-policies", "/api/purchase-orders", $"/api/purchase-orders/{po.Id}",
            $"/api/purchase-orders/{po.Id}/receipts",
        ];
        var checkedNumbers = 0;
        foreach (var path in reads)
        {
            var text = await api.Client.GetStringAsync(path);
            using var json = JsonDocument.Parse(text);
            checkedNumbers += Check(json.RootElement, null, path);
        }
        checkedNumbers.ShouldBeGreaterThan(100);
    }

    /// <summary>Checks the numbers of <paramref name="element"/> and below; returns how many it checked.</summary>
    private static int Check(JsonElement element, string? sku, string path)
    {
        var count = 0;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) count += Check(item, sku, path);
            return count;
        }
        if (element.ValueKind != JsonValueKind.Object) return 0;
        if (element.TryGetProperty("sku", out var own) && own.ValueKind == JsonValueKind.String) sku = own.GetString();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number) { count += Check(property.Value, sku, path); continue; }
            var name = property.Name;
            if (NotMeasures.Contains(name)) continue;
            var literal = property.Value.GetRawText();
            var decimals = literal.Contains('.') ? literal.Length - literal.IndexOf('.') - 1 : 0;
            var where = $"{path}: \"{name}\":{literal}";
            if (name is "taxRate" or "maxDiscountPercent") (literal.Contains('.') && literal.EndsWith('0')).ShouldBeFalse(where);
            else if (IsMoney(name)) decimals.ShouldBe(2, where);
            else decimals.ShouldBe(UnitDecimals[sku.ShouldNotBeNull($"{where} is a quantity outside a SKU's object")], where);
            count++;
        }
        return count;
    }

    private static bool IsMoney(string name) =>
        name.EndsWith("Amount", StringComparison.Ordinal) || name.EndsWith("Price", StringComparison.Ordinal) || name is "amount" or "creditLimit";
}
