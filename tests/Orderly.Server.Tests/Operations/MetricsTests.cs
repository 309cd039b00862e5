using System.Net;
using System.Net.Http.Json;

namespace Orderly.Server.Tests.Operations;

/// <summary>
/// <c>/metrics</c> serves what an operator watches, and its values follow what the server really did: orders per
/// status, reservation conflicts, the write queue, the re-promise queue, and the requests with their latencies
/// (issue 9, item 9).
/// </summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Placing_and_confirming_an_order_moves_it_through_the_orders_per_status()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        (await Scrape.OfAsync(api.Client)).Value("orderly_orders", ("status", "Draft")).ShouldBe(0);

        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 2));
        var placed = await Scrape.OfAsync(api.Client);
        await api.RunAsync(order.Id, "submit");
        await api.RunAsync(order.Id, "confirm");
        var confirmed = await Scrape.OfAsync(api.Client);

        (placed.Value("orderly_orders", ("status", "Draft")), placed.Value("orderly_orders", ("status", "Confirmed"))).ShouldBe((1, 0));
        (confirmed.Value("orderly_orders", ("status", "Draft")), confirmed.Value("orderly_orders", ("status", "Confirmed"))).ShouldBe((0, 1));
        confirmed.Value("orderly_orders").ShouldBe(1); // one order in all, every status named
    }

    [Fact]
    public async Task A_reservation_short_of_stock_and_a_stale_if_match_count_as_reservation_conflicts()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 3);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 10));

        await api.RunAsync(order.Id, "reserve"); // 3 of 10: the rest is backordered
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order.Id}/cancel") { Content = JsonContent.Create(new { reason = "late" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await api.Client.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var scrape = await Scrape.OfAsync(api.Client);
        scrape.Value("orderly_reservation_conflicts_total", ("kind", "short_of_stock")).ShouldBe(1);
        scrape.Value("orderly_reservation_conflicts_total", ("kind", "concurrency_refusal"), ("code", "concurrency.stale_version")).ShouldBe(1);
    }

    [Fact]
    public async Task The_requests_with_their_latencies_the_write_queue_and_the_re_promise_queue_are_served()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.PlaceOrderAsync("ALFKI", ("CHAI", 1), ("COFFEE", 1));
        var queued = await Scrape.OfAsync(api.Client);
        await api.DrainPromisesAsync();
        var drained = await Scrape.OfAsync(api.Client);

        queued.Value("http_server_request_duration_seconds_count", ("http_route", "/api/orders/"), ("http_request_method", "POST"),
            ("http_response_status_code", "201")).ShouldBe(1);
        queued.Value("http_server_request_duration_seconds_bucket", ("http_route", "/api/orders/"), ("le", "+Inf")).ShouldBe(1);
        // the 7 writes of the seed and the order, and the 2 that signed the test client in (the bootstrap administrator, its token)
        queued.Value("orderly_write_queue_wait_seconds_count").ShouldBe(10);
        queued.Value("orderly_write_queue_length").ShouldBe(0);
        queued.Value("orderly_write_queue_timeouts_total").ShouldBeNull(); // a counter shows once it counted
        (queued.Value("orderly_promise_queue_length"), drained.Value("orderly_promise_queue_length")).ShouldBe((2, 0));
    }

    [Fact]
    public async Task Two_servers_in_one_process_each_report_only_their_own_orders_and_requests()
    {
        using var busy = new OrderlyApi();
        using var quiet = new OrderlyApi();
        await busy.SeedAsync();
        await busy.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var scrape = await Scrape.OfAsync(quiet.Client);

        scrape.Value("orderly_orders", ("status", "Draft")).ShouldBe(0);
        scrape.Value("http_server_request_duration_seconds_count", ("http_route", "/api/orders/")).ShouldBeNull();
        scrape.Value("orderly_write_queue_wait_seconds_count").ShouldBe(2); // the quiet one only signed its client in (administrator, token)
    }
}
