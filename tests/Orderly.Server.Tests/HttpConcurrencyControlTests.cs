using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// Optimistic concurrency over HTTP: GET gives the order's version as its ETag, and a change sent with If-Match is
/// applied only to that version; a stale one is a 412 that changes nothing.
/// </summary>
public sealed class HttpConcurrencyControlTests
{
    private static readonly object EditBody = new { lines = new[] { new { sku = "CHAI", quantity = 3 } }, requestedDate = OrderlyApi.Today.AddDays(5) };

    [Fact]
    public async Task Get_gives_the_version_as_a_strong_etag()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var submitted = await api.RunAsync(order.Id, "submit");

        var response = await api.Client.GetAsync($"/api/orders/{order.Id}");

        var read = await OrderlyApi.Read<OrderView>(response, HttpStatusCode.OK);
        read.Version.ShouldBe(submitted.Version);
        response.Headers.ETag.ShouldNotBeNull();
        response.Headers.ETag.IsWeak.ShouldBeFalse();
        response.Headers.ETag.Tag.ShouldBe($"\"{read.Version}\"");
    }

    [Fact]
    public async Task A_command_with_the_current_etag_is_applied_and_moves_the_version_on()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var etag = (await api.Client.GetAsync($"/api/orders/{order.Id}")).Headers.ETag!.Tag;

        var response = await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/cancel", new { reason = "duplicate" }, ("If-Match", etag));

        var cancelled = await OrderlyApi.Read<OrderView>(response, HttpStatusCode.OK);
        cancelled.Status.ShouldBe("Cancelled");
        cancelled.Version.ShouldBe(order.Version + 1);
        (await api.Client.GetAsync($"/api/orders/{order.Id}")).Headers.ETag!.Tag.ShouldBe($"\"{order.Version + 1}\"");
    }

    [Theory]
    [InlineData("W/\"{0}\"")]
    [InlineData("*")]
    [InlineData(" \"{0}\" ")]
    public async Task Weak_and_wildcard_if_match_are_accepted(string format)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/submit", new { },
            ("If-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, order.Version)));

        (await OrderlyApi.Read<OrderView>(response, HttpStatusCode.OK)).Status.ShouldBe("Approved");
    }

    [Fact]
    public async Task A_stale_if_match_is_a_412_and_changes_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var staleEtag = $"\"{order.Version}\"";
        var submitted = await api.RunAsync(order.Id, "submit"); // someone else moved it on
        var history = await api.HistoryAsync(order.Id);

        var response = await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/cancel", new { reason = "stale view" }, ("If-Match", staleEtag));

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.PreconditionFailed, "concurrency.stale_version");
        problem.Detail.ShouldContain($"version {submitted.Version}, not {order.Version}");
        var after = await api.OrderAsync(order.Id);
        (after.Status, after.Version).ShouldBe(("Approved", submitted.Version));
        (await api.HistoryAsync(order.Id)).Count.ShouldBe(history.Count);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"three\"")]
    [InlineData("\"-1\"")]
    [InlineData("W/3")]
    [InlineData("\"")]
    public async Task A_malformed_if_match_is_a_400(string ifMatch)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/submit", new { }, ("If-Match", ifMatch));

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.if_match_invalid")).ShouldHaveFieldErrors("If-Match");
        (await api.OrderAsync(order.Id)).Status.ShouldBe("Draft");
    }

    [Fact]
    public async Task Edit_with_the_current_etag_returns_the_new_etag()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.SendJsonAsync(HttpMethod.Put, $"/api/orders/{order.Id}", EditBody, ("If-Match", $"\"{order.Version}\""));

        var edited = await OrderlyApi.Read<OrderView>(response, HttpStatusCode.OK);
        edited.Version.ShouldBeGreaterThan(order.Version); // the edit, and the recomputed promise of the new line
        edited.Lines.Single().Quantity.ShouldBe(3m);
        response.Headers.ETag.ShouldNotBeNull().Tag.ShouldBe($"\"{edited.Version}\"");
    }

    [Fact]
    public async Task Edit_with_a_stale_etag_is_a_412_and_keeps_the_old_lines()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var first = await api.SendJsonAsync(HttpMethod.Put, $"/api/orders/{order.Id}", EditBody, ("If-Match", $"\"{order.Version}\""));
        var edited = await OrderlyApi.Read<OrderView>(first, HttpStatusCode.OK);

        var second = await api.SendJsonAsync(HttpMethod.Put, $"/api/orders/{order.Id}",
            new { lines = new[] { new { sku = "COFFEE", quantity = 9 } } }, ("If-Match", $"\"{order.Version}\""));

        await OrderlyApi.ProblemAsync(second, HttpStatusCode.PreconditionFailed, "concurrency.stale_version");
        var after = await api.OrderAsync(order.Id);
        after.Version.ShouldBe(edited.Version);
        after.Lines.Single().Sku.ShouldBe("CHAI");
    }

    [Fact]
    public async Task Edit_with_a_malformed_if_match_is_a_400()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.SendJsonAsync(HttpMethod.Put, $"/api/orders/{order.Id}", EditBody, ("If-Match", "latest"));

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.if_match_invalid");
    }

    [Fact]
    public async Task Edit_without_if_match_is_applied_last_writer_wins()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.Client.PutAsJsonAsync($"/api/orders/{order.Id}", EditBody, OrderlyApi.Json);

        var edited = await OrderlyApi.Read<OrderView>(response, HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBeNull().Tag.ShouldBe($"\"{edited.Version}\"");
    }

    [Fact]
    public async Task Shipments_and_invoices_honour_if_match_too()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 5);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5));
        var reserved = await api.RunAsync(order.Id, "reserve");
        var stale = ("If-Match", $"\"{order.Version}\"");

        var ship = await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/shipments", new { }, stale);
        await OrderlyApi.ProblemAsync(ship, HttpStatusCode.PreconditionFailed, "concurrency.stale_version");
        (await api.OrderAsync(order.Id)).Lines.Single().ShippedQuantity.ShouldBe(0m);

        var shipped = await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/shipments", new { }, ("If-Match", $"\"{reserved.Version}\""));
        shipped.StatusCode.ShouldBe(HttpStatusCode.Created, await shipped.Content.ReadAsStringAsync());

        var invoice = await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{order.Id}/invoices", null, stale);
        await OrderlyApi.ProblemAsync(invoice, HttpStatusCode.PreconditionFailed, "concurrency.stale_version");
        (await api.OrderAsync(order.Id)).InvoicedAmount.ShouldBe(0m);
    }

    [Fact]
    public async Task A_command_on_an_unknown_order_is_a_404_whatever_the_if_match()
    {
        using var api = new OrderlyApi();

        var response = await api.SendJsonAsync(HttpMethod.Post, $"/api/orders/{Guid.NewGuid()}/submit", new { }, ("If-Match", "\"1\""));

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.NotFound, "order.not_found");
    }
}
