using System.Net;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// Every response that returns an order (or a purchase order) carries its ETag, the version of the representation in
/// the body: create, read, edit, command, and the replay of a retried create or command (issue #8, item 12).
/// </summary>
public sealed class OrderETagTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    [Fact]
    public async Task A_placed_order_carries_its_etag()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 1)));

        var order = await OrderlyApi.Read<OrderView>(response, HttpStatusCode.Created);
        response.Headers.ETag.ShouldNotBeNull().Tag.ShouldBe($"\"{order.Version}\"");
    }

    [Fact]
    public async Task The_etag_of_a_placed_order_is_accepted_by_if_match()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var response = await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 1)));
        var order = await OrderlyApi.Read<OrderView>(response, HttpStatusCode.Created);

        var submit = await api.SendJsonAsync(Post, $"/api/orders/{order.Id}/submit", new { }, ("If-Match", response.Headers.ETag!.Tag));

        submit.StatusCode.ShouldBe(HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_replayed_order_carries_the_etag_of_the_body_it_replays()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var body = ApiRequests.OrderBody("ALFKI", ("CHAI", 1));
        var key = ("Idempotency-Key", "etag-replay");
        var first = await api.SendJsonAsync(Post, "/api/orders", body, key);
        var order = await OrderlyApi.Read<OrderView>(first, HttpStatusCode.Created);
        await api.RunAsync(order.Id, "submit");

        var replay = await api.SendJsonAsync(Post, "/api/orders", body, key);

        (await OrderlyApi.Read<OrderView>(replay, HttpStatusCode.Created)).Version.ShouldBe(order.Version);
        replay.Headers.ETag.ShouldNotBeNull().Tag.ShouldBe($"\"{order.Version}\"");
    }

    [Fact]
    public async Task A_replayed_command_carries_the_etag_of_the_body_it_replays()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var key = ("Idempotency-Key", "submit-etag");
        var submitted = await OrderlyApi.Read<OrderView>(await api.SendJsonAsync(Post, $"/api/orders/{order.Id}/submit", new { }, key), HttpStatusCode.OK);

        var replay = await api.SendJsonAsync(Post, $"/api/orders/{order.Id}/submit", new { }, key);

        replay.Headers.ETag.ShouldNotBeNull().Tag.ShouldBe($"\"{submitted.Version}\"");
    }

    [Fact]
    public async Task A_drafted_purchase_order_carries_its_etag()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var supplier = await OrderlyApi.Read<SupplierView>(await api.SendJsonAsync(Post, "/api/suppliers", new { code = "ACME", name = "Acme", currency = "EUR" }),
            HttpStatusCode.Created);
        (await api.SendJsonAsync(HttpMethod.Put, $"/api/suppliers/{supplier.Id}/offers", new { sku = "CHAI", unitPrice = 4.50m, leadTimeDays = 7 }))
            .EnsureSuccessStatusCode();

        var response = await api.SendJsonAsync(Post, "/api/purchase-orders",
            new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 10 } } });

        var po = await OrderlyApi.Read<PurchaseOrderView>(response, HttpStatusCode.Created);
        response.Headers.ETag.ShouldNotBeNull().Tag.ShouldBe($"\"{po.Version}\"");
    }
}
