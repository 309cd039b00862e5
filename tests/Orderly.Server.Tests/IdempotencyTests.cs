using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Orderly.Application.Billing;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// A POST sent with an Idempotency-Key takes effect once: a retry with the same body replays the first response,
/// another body under the same key is a 422, and a request that failed leaves the key free.
/// </summary>
public sealed class IdempotencyTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    [Fact]
    public async Task Placing_an_order_twice_with_one_key_creates_one_order_and_replays_the_first_response()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var body = ApiRequests.OrderBody("ALFKI", ("CHAI", 2));
        var key = ("Idempotency-Key", "order-7f3a");

        var first = await api.SendJsonAsync(Post, "/api/orders", body, key);
        var second = await api.SendJsonAsync(Post, "/api/orders", body, key);

        var created = await OrderlyApi.Read<OrderView>(first, HttpStatusCode.Created);
        var replayed = await OrderlyApi.Read<OrderView>(second, HttpStatusCode.Created);
        replayed.Id.ShouldBe(created.Id);
        replayed.Number.ShouldBe(created.Number);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        first.Headers.Location!.ToString().ShouldBe($"/api/orders/{created.Id}");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_body_differently_formatted_is_a_replay()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var key = ("Idempotency-Key", "fmt-1");

        var first = await api.SendRawAsync(Post, "/api/orders", """{"customerCode":"ALFKI","lines":[{"sku":"CHAI","quantity":2}]}""", key);
        var second = await api.SendRawAsync(Post, "/api/orders", """
            {
              "lines": [ { "quantity": 2, "sku": "CHAI" } ],
              "customerCode": "ALFKI"
            }
            """, key);

        (await OrderlyApi.Read<OrderView>(second, HttpStatusCode.Created)).Id.ShouldBe((await OrderlyApi.Read<OrderView>(first, HttpStatusCode.Created)).Id);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_key_every_post_is_a_new_order()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        await api.PlaceOrderAsync("ALFKI", ("CHAI", 2));
        await api.PlaceOrderAsync("ALFKI", ("CHAI", 2));

        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_and_creates_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var key = ("Idempotency-Key", "order-7f3a");
        (await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 2)), key)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 3)), key);

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        problem.Detail.ShouldContain("order-7f3a");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_key_used_to_place_an_order_is_a_422_on_a_command_and_the_command_does_not_run()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var key = ("Idempotency-Key", "shared-key");
        var order = await OrderlyApi.Read<OrderView>(await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 2)), key),
            HttpStatusCode.Created);

        var submit = await api.SendJsonAsync(Post, $"/api/orders/{order.Id}/submit", new { }, key);

        await OrderlyApi.ProblemAsync(submit, HttpStatusCode.UnprocessableEntity, "idempotency.key_other_operation");
        (await api.OrderAsync(order.Id)).Status.ShouldBe("Draft");
    }

    [Theory]
    [InlineData(201)]
    [InlineData(1000)]
    public async Task A_key_over_200_characters_is_a_400(int length)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 2)), ("Idempotency-Key", new string('k', length)));

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "idempotency.key_invalid")).ShouldHaveFieldErrors("Idempotency-Key");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_key_of_200_characters_is_taken()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 2)), ("Idempotency-Key", new string('k', 200)));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_empty_key_is_a_400()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var json = JsonSerializer.Serialize(ApiRequests.OrderBody("ALFKI", ("CHAI", 2)), OrderlyApi.Json);

        // HttpClient drops a header without a value, so the request is built on the server side, as a proxy would pass it on.
        var context = await api.Server.SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Path = "/api/orders";
            http.Request.ContentType = "application/json";
            http.Request.Headers["Idempotency-Key"] = "";
            http.Request.Headers.Authorization = api.Client.DefaultRequestHeaders.Authorization!.ToString();
            var bytes = Encoding.UTF8.GetBytes(json);
            http.Request.ContentLength = bytes.Length;
            http.Request.Body = new MemoryStream(bytes);
            http.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        });

        context.Response.StatusCode.ShouldBe(400);
        var problem = (await JsonSerializer.DeserializeAsync<Problem>(context.Response.Body, OrderlyApi.Json)).ShouldNotBeNull();
        problem.Code.ShouldBe("idempotency.key_invalid", problem.Detail);
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_payment_posted_twice_with_one_key_is_recorded_once()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (order, invoice) = await api.InvoicedOrderAsync(2); // 38.52
        var key = ("Idempotency-Key", "bank-statement-line-42");
        var body = new { amount = 20.00m, reference = "bank 42" };

        var first = await api.SendJsonAsync(Post, $"/api/invoices/{invoice.Id}/payments", body, key);
        var second = await api.SendJsonAsync(Post, $"/api/invoices/{invoice.Id}/payments", body, key);

        var payment = await OrderlyApi.Read<PaymentView>(first, HttpStatusCode.Created);
        (await OrderlyApi.Read<PaymentView>(second, HttpStatusCode.Created)).Id.ShouldBe(payment.Id);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
        var after = await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}");
        after.Payments.Count.ShouldBe(1);
        (after.PaidAmount, after.OpenAmount).ShouldBe((20.00m, 18.52m));
        (await api.OrderAsync(order.Id)).PaidAmount.ShouldBe(20.00m);
    }

    [Fact]
    public async Task A_payment_command_posted_twice_with_one_key_is_recorded_once()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (order, invoice) = await api.InvoicedOrderAsync(2);
        var key = ("Idempotency-Key", "pay-once");

        var first = await api.SendJsonAsync(Post, $"/api/orders/{order.Id}/record-payment", new { amount = 38.52m }, key);
        var second = await api.SendJsonAsync(Post, $"/api/orders/{order.Id}/record-payment", new { amount = 38.52m }, key);

        (await OrderlyApi.Read<OrderView>(first, HttpStatusCode.OK)).Status.ShouldBe("Paid");
        var replayed = await OrderlyApi.Read<OrderView>(second, HttpStatusCode.OK);
        (replayed.Status, replayed.PaidAmount).ShouldBe(("Paid", 38.52m));
        (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).Payments.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_retried_command_replays_even_though_its_if_match_is_now_stale()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var headers = new[] { ("Idempotency-Key", "submit-1"), ("If-Match", $"\"{order.Version}\"") };

        var first = await OrderlyApi.Read<OrderView>(await api.SendJsonAsync(Post, $"/api/orders/{order.Id}/submit", new { }, headers), HttpStatusCode.OK);
        var retry = await api.SendJsonAsync(Post, $"/api/orders/{order.Id}/submit", new { }, headers);

        (await OrderlyApi.Read<OrderView>(retry, HttpStatusCode.OK)).Version.ShouldBe(first.Version);
        retry.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
        (await api.OrderAsync(order.Id)).Version.ShouldBe(first.Version);
    }

    [Fact]
    public async Task A_request_that_failed_does_not_use_up_its_key()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var key = ("Idempotency-Key", "order-retry");

        var refused = await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 1.5m)), key);
        await OrderlyApi.ProblemAsync(refused, HttpStatusCode.BadRequest, "order.invalid");

        var corrected = await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 2)), key);
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created, await corrected.Content.ReadAsStringAsync());
        corrected.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_payment_refused_by_a_rule_does_not_use_up_its_key()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (_, invoice) = await api.InvoicedOrderAsync(2);
        var key = ("Idempotency-Key", "pay-retry");

        var over = await api.SendJsonAsync(Post, $"/api/invoices/{invoice.Id}/payments", new { amount = 50m }, key);
        await OrderlyApi.ProblemAsync(over, HttpStatusCode.Conflict, "payment.exceeds_open_amount");

        var exact = await api.SendJsonAsync(Post, $"/api/invoices/{invoice.Id}/payments", new { amount = 38.52m }, key);
        (await OrderlyApi.Read<PaymentView>(exact, HttpStatusCode.Created)).Amount.ShouldBe(38.52m);
        (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).OpenAmount.ShouldBe(0m);
    }

    /// <summary>Tells the endpoint a hand-built request has a body, as Kestrel would from Content-Length.</summary>
    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
