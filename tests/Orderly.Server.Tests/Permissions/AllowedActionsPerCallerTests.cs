using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;
using Orderly.Domain.People;

namespace Orderly.Server.Tests.Permissions;

/// <summary><c>allowedActions</c> is what the lifecycle allows now and this caller's roles permit (ADR 0021).</summary>
public sealed class AllowedActionsPerCallerTests
{
    [Theory]
    [InlineData(new[] { Role.Sales }, new[] { "edit", "submit", "cancel" })]
    [InlineData(new[] { Role.OrderAdministration }, new[] { "edit", "submit", "cancel" })]
    [InlineData(new[] { Role.Review }, new string[0])]
    [InlineData(new[] { Role.Management }, new string[0])]
    [InlineData(new[] { Role.Customer }, new string[0])]
    public async Task A_draft_shows_each_caller_what_it_may_run(Role[] roles, string[] expected)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        (await ReadAsync<OrderView>(api.ClientFor(roles), $"/api/orders/{order.Id}")).AllowedActions.ShouldBe(expected);
    }

    [Fact]
    public async Task An_approved_order_shows_review_hold_and_sales_confirm_and_cancel()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        (await api.RunAsync(order.Id, "submit")).AllowedActions.ShouldBe(["confirm", "hold", "cancel"], "unauthenticated: every allowed command");

        (await ReadAsync<OrderView>(api.ClientFor(Role.Review), $"/api/orders/{order.Id}")).AllowedActions.ShouldBe(["hold"]);
        (await ReadAsync<OrderView>(api.ClientFor(Role.Sales), $"/api/orders/{order.Id}")).AllowedActions.ShouldBe(["confirm", "cancel"]);
        (await ReadAsync<OrderView>(api.ClientFor(Role.Sales, Role.Review), $"/api/orders/{order.Id}")).AllowedActions
            .ShouldBe(["confirm", "hold", "cancel"], "several roles hold what any of them holds");
    }

    [Fact]
    public async Task The_answer_to_a_command_shows_what_its_caller_may_run_next()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.ClientFor(Role.Sales).PostAsJsonAsync($"/api/orders/{order.Id}/submit", new { }, OrderlyApi.Json);

        (await OrderlyApi.Read<OrderView>(response, HttpStatusCode.OK)).AllowedActions.ShouldBe(["confirm", "cancel"]);
    }

    [Fact]
    public async Task A_draft_purchase_order_shows_procurement_send_and_cancel_and_the_warehouse_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var supplier = await OrderlyApi.Read<SupplierView>(
            await api.Client.PostAsJsonAsync("/api/suppliers", new { code = "ACME", name = "Acme", currency = "EUR" }, OrderlyApi.Json), HttpStatusCode.Created);
        (await api.Client.PutAsJsonAsync($"/api/suppliers/{supplier.Id}/offers", new { sku = "CHAI", unitPrice = 4.50m, leadTimeDays = 7, rank = 1 }, OrderlyApi.Json))
            .EnsureSuccessStatusCode();
        var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
            new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 20 } } }, OrderlyApi.Json), HttpStatusCode.Created);

        (await ReadAsync<PurchaseOrderView>(api.ClientFor(Role.Procurement), $"/api/purchase-orders/{po.Id}")).AllowedActions.ShouldBe(["send", "cancel"]);
        (await ReadAsync<PurchaseOrderView>(api.ClientFor(Role.Warehouse), $"/api/purchase-orders/{po.Id}")).AllowedActions.ShouldBeEmpty();
        await OrderlyApi.ProblemAsync(await api.ClientFor(Role.Warehouse).PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json),
            HttpStatusCode.Forbidden, "permission.purchase-orders.send");
    }

    private static async Task<T> ReadAsync<T>(HttpClient client, string path) => await OrderlyApi.Read<T>(await client.GetAsync(path), HttpStatusCode.OK);
}
