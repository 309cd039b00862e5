using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Sales;
using Orderly.Domain.People;

namespace Orderly.Server.Tests.Permissions;

/// <summary>A caller whose roles do not hold an operation's permission gets a 403 naming it (issue 10 item 3, ADR 0021).</summary>
public sealed class PermissionRefusalTests
{
    [Fact]
    public async Task Warehouse_approving_is_a_403_naming_the_permission_and_who_holds_it()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.ClientFor(Role.Warehouse).PostAsJsonAsync($"/api/orders/{order.Id}/approve", new { }, OrderlyApi.Json);

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.Forbidden, "permission.orders.approve");
        problem.Detail.ShouldContain("review, order-administration");
        problem.Detail.ShouldContain("you hold warehouse");
        (await api.GetAsync<OrderView>($"/api/orders/{order.Id}")).Version.ShouldBe(order.Version);
    }

    [Fact]
    public async Task Each_department_runs_its_own_step_of_an_order()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 5);
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var sales = api.ClientFor(Role.Sales);

        (await Run(sales, order.Id, "submit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Run(sales, order.Id, "confirm")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await OrderlyApi.ProblemAsync(await Run(sales, order.Id, "reserve"), HttpStatusCode.Forbidden, "permission.orders.reserve");
        (await Run(api.ClientFor(Role.Warehouse), order.Id, "reserve")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await OrderlyApi.ProblemAsync(await api.ClientFor(Role.Finance).PostAsJsonAsync($"/api/orders/{order.Id}/shipments", new { }, OrderlyApi.Json),
            HttpStatusCode.Forbidden, "permission.orders.ship");
        (await api.ClientFor(Role.Warehouse).PostAsJsonAsync($"/api/orders/{order.Id}/shipments", new { }, OrderlyApi.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await OrderlyApi.ProblemAsync(await api.ClientFor(Role.Warehouse).PostAsync($"/api/orders/{order.Id}/invoices", ApiRequests.NoBody()),
            HttpStatusCode.Forbidden, "permission.orders.invoice");
        (await api.ClientFor(Role.Finance).PostAsync($"/api/orders/{order.Id}/invoices", ApiRequests.NoBody())).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Management_reads_orders_but_cannot_submit_one()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var management = api.ClientFor(Role.Management);

        (await management.GetAsync($"/api/orders/{order.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await management.GetAsync("/api/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await OrderlyApi.ProblemAsync(await Run(management, order.Id, "submit"), HttpStatusCode.Forbidden, "permission.orders.submit");
    }

    [Fact]
    public async Task A_customer_places_and_reads_an_order_but_cannot_submit_it_or_read_credit_limits()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var customer = api.ClientFor(Role.Customer);

        var placed = await customer.PostAsJsonAsync("/api/orders", new { customerCode = "ALFKI", lines = new[] { new { sku = "CHAI", quantity = 1 } } }, OrderlyApi.Json);
        var order = await OrderlyApi.Read<OrderView>(placed, HttpStatusCode.Created);

        (await customer.GetAsync($"/api/orders/{order.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await OrderlyApi.ProblemAsync(await Run(customer, order.Id, "submit"), HttpStatusCode.Forbidden, "permission.orders.submit");
        await OrderlyApi.ProblemAsync(await customer.GetAsync("/api/customers"), HttpStatusCode.Forbidden, "permission.customers.read");
    }

    [Fact]
    public async Task A_caller_without_credentials_gets_401_before_any_permission_is_asked()
    {
        using var api = new OrderlyApi();

        var response = await api.AnonymousClient().GetAsync("/api/orders");

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.Unauthorized, "auth.required");
        response.Headers.WwwAuthenticate.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_refusal_comes_before_the_body_is_read()
    {
        using var api = new OrderlyApi();

        var response = await api.ClientFor(Role.Warehouse).PostAsync("/api/customers",
            new StringContent("{\"code\":", System.Text.Encoding.UTF8, "application/json"));

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.Forbidden, "permission.customers.manage");
    }

    [Fact]
    public async Task An_unknown_command_is_still_a_400_for_a_caller_with_roles()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        await OrderlyApi.ProblemAsync(await Run(api.ClientFor(Role.Sales), order.Id, "teleport"), HttpStatusCode.BadRequest, "order.command_unknown");
    }

    [Fact]
    public async Task Webhooks_are_managed_by_system_administration_only()
    {
        using var api = new OrderlyApi();
        var body = new { url = "https://example.test/hooks" };

        await OrderlyApi.ProblemAsync(await api.ClientFor(Role.OrderAdministration).PostAsJsonAsync("/api/webhooks", body, OrderlyApi.Json),
            HttpStatusCode.Forbidden, "permission.webhooks.manage");
        (await api.ClientFor(Role.SystemAdministration).PostAsJsonAsync("/api/webhooks", body, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Health_answers_a_caller_without_credentials()
    {
        using var api = new OrderlyApi();

        (await api.AnonymousClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> Run(HttpClient client, Guid order, string command) =>
        client.PostAsJsonAsync($"/api/orders/{order}/{command}", new { }, OrderlyApi.Json);
}
