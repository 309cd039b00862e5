using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Sales;
using Orderly.Domain.People;

namespace Orderly.Server.Tests.Permissions;

/// <summary>A customer or dealer user lists and places only its own customer's orders and does not see the internal words (issue 10 item 5, ADR 0021).</summary>
public sealed class CustomerSeesOnlyOwnTests
{
    [Fact]
    public async Task A_customer_lists_only_its_own_orders_even_when_it_asks_for_another_customer()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var own = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var other = await api.PlaceOrderAsync("TIGHT", ("CHAI", 1));
        var customer = api.ClientFor(Role.Customer);

        var all = await OrderlyApi.Read<OrderPage>(await customer.GetAsync("/api/orders"), HttpStatusCode.OK);
        all.Items.Select(o => o.Id).ShouldBe([own.Id]);
        var asked = await OrderlyApi.Read<OrderPage>(await customer.GetAsync($"/api/orders?customerId={other.CustomerId}"), HttpStatusCode.OK);
        asked.Items.ShouldBeEmpty();
        (await OrderlyApi.Read<OrderPage>(await api.Client.GetAsync("/api/orders"), HttpStatusCode.OK)).Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_customer_places_orders_for_itself_and_is_refused_for_another_customer_alike_whether_it_exists_or_not()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var dealer = api.ClientFor(Role.Dealer);

        var placed = await OrderlyApi.Read<OrderView>(await dealer.PostAsJsonAsync("/api/orders",
            new { lines = new[] { new { sku = "CHAI", quantity = 1 } } }, OrderlyApi.Json), HttpStatusCode.Created);
        var alfki = await api.GetAsync<OrderView>($"/api/orders/{placed.Id}");
        alfki.CustomerId.ShouldBe(placed.CustomerId);

        var existing = await OrderlyApi.ProblemAsync(await dealer.PostAsJsonAsync("/api/orders",
            new { customerCode = "TIGHT", lines = new[] { new { sku = "CHAI", quantity = 1 } } }, OrderlyApi.Json), HttpStatusCode.BadRequest, "order.customer_not_yours");
        var missing = await OrderlyApi.ProblemAsync(await dealer.PostAsJsonAsync("/api/orders",
            new { customerCode = "NOSUCH", lines = new[] { new { sku = "CHAI", quantity = 1 } } }, OrderlyApi.Json), HttpStatusCode.BadRequest, "order.customer_not_yours");
        existing.Detail.ShouldBe(missing.Detail);
        existing.Detail.ShouldContain("ALFKI");
        (await OrderlyApi.Read<OrderPage>(await api.Client.GetAsync("/api/orders"), HttpStatusCode.OK)).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_customer_does_not_see_why_its_order_is_held_nor_the_reasons_in_its_history()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("TIGHT", ("CHAI", 10)); // over TIGHT's credit limit of 100 EUR
        var held = await api.RunAsync(order.Id, "submit");
        held.Status.ShouldBe("OnHold");
        held.HoldReason.ShouldNotBeNull();
        var customer = api.ClientForCustomer("TIGHT");

        var seen = await OrderlyApi.Read<OrderView>(await customer.GetAsync($"/api/orders/{order.Id}"), HttpStatusCode.OK);
        seen.Status.ShouldBe("OnHold");
        seen.HoldReason.ShouldBeNull();
        seen.HoldNote.ShouldBeEmpty();
        var history = await OrderlyApi.Read<List<OrderHistoryView>>(await customer.GetAsync($"/api/orders/{order.Id}/history"), HttpStatusCode.OK);
        history.Count.ShouldBeGreaterThan(1);
        history.ShouldAllBe(h => h.Reason == "");
        (await api.GetAsync<List<OrderHistoryView>>($"/api/orders/{order.Id}/history")).ShouldContain(h => h.Reason != "");
        var flow = await OrderlyApi.Read<OrderFlowView>(await customer.GetAsync($"/api/orders/{order.Id}/flow"), HttpStatusCode.OK);
        flow.PurchaseOrderLines.ShouldBeEmpty();
    }
}
