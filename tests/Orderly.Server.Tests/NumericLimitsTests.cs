using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Inventory;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;
using Orderly.Domain.Common;

namespace Orderly.Server.Tests;

/// <summary>
/// Numbers beyond <see cref="Limits"/> are refused with 400 and a field error, and nothing computed from stored values
/// overflows into a 500 (issue #8, item 4).
/// </summary>
public sealed class NumericLimitsTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;

    [Theory]
    [InlineData("1e20")]
    [InlineData("1000000000.000001")]
    [InlineData("79228162514264337593543950335")]
    public async Task A_list_price_above_the_limit_is_a_400_at_list_price(string listPrice)
    {
        using var api = new OrderlyApi();

        var response = await api.SendRawAsync(Post, "/api/products",
            $$"""{"sku": "GOLD", "name": "Gold", "unit": "kg", "unitDecimals": 3, "listPrice": {{listPrice}}, "currency": "EUR", "taxRate": 0.19, "maxDiscountPercent": 0}""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "product.invalid")).ShouldHaveFieldErrors("listPrice");
    }

    [Fact]
    [Trait("RunsOn", "Sqlite")] // a price above numeric(19,4) cannot be stored on PostgreSQL, so the case cannot arise there (tools/test)
    public async Task An_order_without_a_price_of_a_product_listed_above_the_limit_before_it_existed_is_a_400_at_the_unit_price()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await SqlAsync(api, "UPDATE products SET list_price = '100000000000000000000' WHERE sku = 'CHAI'");

        var response = await api.Client.PostAsJsonAsync("/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 1_000_000_000m)), OrderlyApi.Json);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.invalid")).ShouldHaveFieldErrors("lines[0].unitPrice");
    }

    [Fact]
    public async Task The_largest_order_is_taken_and_reviewed_and_its_totals_are_exact()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var body = new
        {
            customerCode = "ALFKI",
            requestedDate = OrderlyApi.Today.AddDays(14),
            lines = new[] { new { sku = "COFFEE", quantity = Limits.MaxQuantity, unitPrice = Limits.MaxUnitPrice } },
        };

        var placed = await OrderlyApi.Read<OrderView>(await api.Client.PostAsJsonAsync("/api/orders", body, OrderlyApi.Json), HttpStatusCode.Created);
        var submitted = await api.RunAsync(placed.Id, "submit");

        (placed.NetAmount, placed.TaxAmount, placed.TotalAmount).ShouldBe((1e18m, 1.9e17m, 1.19e18m));
        (submitted.Status, submitted.HoldReason).ShouldBe(("OnHold", "Credit"));
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1e28")]
    [InlineData("1000000001")]
    public async Task A_stock_receipt_above_the_largest_quantity_is_a_400_at_the_quantity(string quantity)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/stock/receipts", $$"""{"warehouseCode": "MAIN", "sku": "CHAI", "quantity": {{quantity}}}""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "stock.invalid")).ShouldHaveFieldErrors("quantity");
        (await api.GetAsync<List<StockView>>("/api/stock")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_receipt_that_would_take_stock_past_the_most_on_hand_is_a_400_and_other_warehouses_still_receive()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 1);
        await SqlAsync(api, $"UPDATE stock_levels SET on_hand = '{Limits.MaxOnHand - 1}'");

        var over = await api.Client.PostAsJsonAsync("/api/stock/receipts", new { warehouseCode = "MAIN", sku = "CHAI", quantity = 2m }, OrderlyApi.Json);
        var found = await api.Client.PostAsJsonAsync("/api/stock/adjustments",
            new { warehouseCode = "MAIN", sku = "CHAI", change = 2m, reason = "count" }, OrderlyApi.Json);

        (await OrderlyApi.ProblemAsync(over, HttpStatusCode.BadRequest, "stock.on_hand_limit")).ShouldHaveFieldErrors("quantity");
        (await OrderlyApi.ProblemAsync(found, HttpStatusCode.BadRequest, "stock.on_hand_limit")).ShouldHaveFieldErrors("change");
        await api.ReceiveAsync("MAIN", "CHAI", 1);
        await api.ReceiveAsync("EAST", "CHAI", Limits.MaxQuantity);
        var stock = await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI");
        stock.Select(s => (s.WarehouseCode, s.OnHand)).ShouldBe([("MAIN", Limits.MaxOnHand), ("EAST", Limits.MaxQuantity)]);
    }

    [Fact]
    public async Task A_stock_adjustment_above_the_largest_quantity_is_a_400_at_the_change()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsJsonAsync("/api/stock/adjustments",
            new { warehouseCode = "MAIN", sku = "CHAI", change = -2_000_000_000m, reason = "count" }, OrderlyApi.Json);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "stock.invalid")).ShouldHaveFieldErrors("change");
    }

    [Fact]
    public async Task A_credit_limit_above_the_largest_amount_is_a_400_at_the_credit_limit()
    {
        using var api = new OrderlyApi();

        var response = await api.SendRawAsync(Post, "/api/customers",
            """{"code": "RICH", "name": "Rich", "currency": "EUR", "creditLimit": 1e25, "paymentTermsDays": 30}""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "customer.invalid")).ShouldHaveFieldErrors("creditLimit");
    }

    [Fact]
    public async Task A_supplier_offer_beyond_the_limits_is_a_400_at_each_field()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var supplier = await OrderlyApi.Read<SupplierView>(await api.Client.PostAsJsonAsync("/api/suppliers",
            new { code = "ACME", name = "Acme", currency = "EUR" }, OrderlyApi.Json), HttpStatusCode.Created);

        var response = await api.SendJsonAsync(Put, $"/api/suppliers/{supplier.Id}/offers",
            new { sku = "CHAI", unitPrice = 2e9m, leadTimeDays = 731, minimumOrderQuantity = 2e9m, rank = 1 });

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "supplier_offer.invalid"))
            .ShouldHaveFieldErrors("unitPrice", "leadTimeDays", "minimumOrderQuantity");
    }

    [Fact]
    public async Task Reorder_levels_above_the_largest_quantity_are_a_400_at_each_field()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendJsonAsync(Put, "/api/reorder-policies",
            new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 2e9m, safetyStock = 2e9m, maxStock = 3e9m });

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "reorder_policy.invalid"))
            .ShouldHaveFieldErrors("reorderPoint", "safetyStock", "maxStock");
    }

    private static async Task SqlAsync(OrderlyApi api, string sql) => (await api.ExecuteSqlAsync(sql)).ShouldBeGreaterThan(0);
}
