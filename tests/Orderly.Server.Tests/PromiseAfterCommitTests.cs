using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>Promises after commit (ADR 0009) through the API: the worker, the estimate in the request, and ETags.</summary>
public sealed class PromiseAfterCommitTests
{
    [Fact]
    public async Task The_worker_moves_an_earlier_orders_promise_when_an_urgent_order_takes_its_stock()
    {
        using var api = new OrderlyApi(("Orderly:PromiseRefreshDelayMilliseconds", "20"));
        await api.SeedAsync();
        await BackorderAndPromiseTests.OfferAsync(api, "PRIME", "CHAI", leadTimeDays: 7);
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var normal = await api.PlaceOrderAsync("ALFKI", ("CHAI", 10));
        normal.Lines[0].PromiseBasis.ShouldBe("reservable from free stock");

        var urgent = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 10)); // committed orders go first in the queue
        urgent.Lines[0].PromiseBasis.ShouldContain("to be bought"); // in the request: as if last in the queue

        var deadline = DateTime.UtcNow.AddSeconds(20);
        OrderView moved;
        do
        {
            await Task.Delay(50);
            moved = await api.GetAsync<OrderView>($"/api/orders/{normal.Id}");
        } while (moved.Lines[0].PromiseBasis == "reservable from free stock" && DateTime.UtcNow < deadline);
        moved.Lines[0].PromisedDate.ShouldBe(api.ServerToday.AddDays(7));
        moved.Lines[0].PromiseBasis.ShouldContain("to be bought from PRIME");
        (await api.GetAsync<OrderView>($"/api/orders/{urgent.Id}")).Lines[0].PromiseBasis.ShouldBe("reservable from free stock");
        var history = await api.GetAsync<List<OrderHistoryView>>($"/api/orders/{normal.Id}/history");
        history.ShouldContain(h => h.Action == "promise" && h.Actor == PromiseRefresher.Actor);
    }

    [Fact]
    public async Task A_promise_moved_by_another_order_does_not_make_the_callers_etag_stale()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await BackorderAndPromiseTests.OfferAsync(api, "PRIME", "CHAI", leadTimeDays: 7);
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var placed = await api.Client.PostAsJsonAsync("/api/orders",
            new { customerCode = "ALFKI", requestedDate = OrderlyApi.Today.AddDays(30), lines = new[] { new { sku = "CHAI", quantity = 10 } } }, OrderlyApi.Json);
        var order = await OrderlyApi.Read<OrderView>(placed, HttpStatusCode.Created);

        await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 10));
        await api.DrainPromisesAsync();
        var moved = await api.GetAsync<OrderView>($"/api/orders/{order.Id}");
        moved.Lines[0].PromiseBasis.ShouldContain("to be bought");
        moved.Version.ShouldBe(order.Version);

        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order.Id}/submit") { Content = JsonContent.Create(new { }) };
        submit.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{order.Version}\"")); // the version the client read at entry
        (await api.Client.SendAsync(submit)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
