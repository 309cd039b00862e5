using System.Net;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// A JSON object that names a property twice is refused with 400 <c>request.duplicate_key</c>, naming the property,
/// on every body: the last value never silently wins (issue #8, item 5).
/// </summary>
public sealed class DuplicateKeyTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    [Fact]
    public async Task A_customer_code_sent_twice_is_a_400_naming_it_and_places_no_order()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders",
            """{"customerCode":"ALFKI","customerCode":"TIGHT","lines":[{"sku":"CHAI","quantity":1}]}""");

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.duplicate_key");
        problem.ShouldHaveFieldErrors("customerCode");
        problem.Detail.ShouldContain("'customerCode'");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_quantity_sent_twice_in_a_line_is_a_400_at_that_line_and_orders_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders",
            """{"customerCode":"ALFKI","lines":[{"sku":"CHAI","quantity":1,"quantity":900}]}""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.duplicate_key")).ShouldHaveFieldErrors("lines[0].quantity");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_same_property_in_another_letter_case_counts_as_a_duplicate()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, "/api/orders",
            """{"customerCode":"ALFKI","CustomerCode":"TIGHT","lines":[{"sku":"CHAI","quantity":1}]}""");

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.duplicate_key");
    }

    [Theory]
    [InlineData("/api/orders/import", """{"orders":[{"customerCode":"ALFKI","lines":[{"sku":"CHAI","quantity":1}],"lines":[]}]}""")]
    [InlineData("/api/customers", """{"code":"A1","code":"B1","name":"A","currency":"EUR","creditLimit":1,"paymentTermsDays":1}""")]
    [InlineData("/api/stock/receipts", """{"warehouseCode":"MAIN","sku":"CHAI","quantity":1,"quantity":1000}""")]
    [InlineData("/api/purchase-orders", """{"supplierCode":"X","warehouseCode":"MAIN","warehouseCode":"EAST","lines":[]}""")]
    public async Task Every_body_with_a_duplicate_property_is_a_400(string path, string json)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(Post, path, json);

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.duplicate_key");
    }

    [Fact]
    public async Task A_command_body_with_a_duplicate_reason_is_a_400_and_leaves_the_order_as_it_was()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.SendRawAsync(Post, $"/api/orders/{order.Id}/hold", """{"reason":"a","reason":"b"}""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.duplicate_key")).ShouldHaveFieldErrors("reason");
        (await api.OrderAsync(order.Id)).Version.ShouldBe(order.Version);
    }
}
