using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>The customer's view of an order (issue 11 item 6): status, delay and timeline, for its own users only, with nothing internal in it.</summary>
public sealed class CustomerTrackingTests
{
    [Fact]
    public async Task A_customer_follows_its_order_from_received_to_paid()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var customer = api.ClientForCustomer("ALFKI");
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 4));
        var seen = new List<string> { (await TrackAsync(customer, order.Id)).Status };

        foreach (var command in new[] { "submit", "confirm", "reserve", "ship", "invoice" })
        {
            await api.RunAsync(order.Id, command);
            seen.Add((await TrackAsync(customer, order.Id)).Status);
        }
        var invoiced = await api.OrderAsync(order.Id);
        await api.RunAsync(order.Id, "record-payment", new { amount = invoiced.InvoicedAmount });
        var paid = await TrackAsync(customer, order.Id);

        seen.ShouldBe(["received", "in-review", "confirmed", "in-preparation", "shipped", "invoiced"]);
        (paid.Status, paid.Delayed, paid.Number).ShouldBe(("paid", false, order.Number));
        paid.Timeline.Select(m => m.Status).ShouldBe(["received", "in-review", "confirmed", "in-preparation", "shipped", "invoiced", "paid"]);
        paid.Timeline.Select(m => m.At).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task An_order_promised_after_the_requested_date_shows_delayed_with_the_new_promise()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await BackorderAndPromiseTests.OfferAsync(api, "SLOW", "CHAI", leadTimeDays: 20);
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 2)); // requested in 14 days, the supplier needs 20

        var tracking = await TrackAsync(api.ClientForCustomer("ALFKI"), order.Id);

        (tracking.Delayed, tracking.RequestedDate, tracking.PromisedDate).ShouldBe((true, api.ServerToday.AddDays(14), api.ServerToday.AddDays(20)));
    }

    [Fact]
    public async Task Another_customers_order_is_not_found_and_nothing_internal_shows()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var held = await OrderlyApi.Read<OrderView>(await api.Client.PostAsJsonAsync("/api/orders", new
        {
            customerCode = "ALFKI", requestedDate = api.ServerToday.AddDays(14), lines = new[] { new { sku = "CHAI", quantity = 1, unitPrice = 10m } },
        }, OrderlyApi.Json), HttpStatusCode.Created);
        (await api.RunAsync(held.Id, "submit")).HoldReason.ShouldBe("Price");

        var response = await api.ClientForCustomer("ALFKI").GetAsync($"/api/orders/{held.Id}/tracking");
        var json = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.ShouldContain("\"in-review\"");
        foreach (var secret in new[] { "Price", "price_below", "review.", "@orderly", "hold" }) json.ShouldNotContain(secret, Case.Insensitive);
        await OrderlyApi.ProblemAsync(await api.ClientForCustomer("TIGHT").GetAsync($"/api/orders/{held.Id}/tracking"), HttpStatusCode.NotFound, "order.not_found");
    }

    private static async Task<OrderTrackingView> TrackAsync(HttpClient client, Guid order) =>
        await OrderlyApi.Read<OrderTrackingView>(await client.GetAsync($"/api/orders/{order}/tracking"), HttpStatusCode.OK);
}
