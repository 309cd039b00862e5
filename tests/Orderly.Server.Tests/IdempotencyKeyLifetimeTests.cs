using Orderly.Domain.People;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Idempotency;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// An Idempotency-Key belongs to one caller and one operation, and is kept for a retention (default 24 h) after which
/// it counts as new and is purged (issue #8, item 11; ADR 0006).
/// </summary>
public sealed class IdempotencyKeyLifetimeTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    [Fact]
    public async Task A_key_used_for_an_order_is_a_422_on_a_payment_and_records_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (order, invoice) = await api.InvoicedOrderAsync(2);
        var key = ("Idempotency-Key", "reused-across-operations");
        (await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 1)), key)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var payment = await api.SendJsonAsync(Post, $"/api/invoices/{invoice.Id}/payments", new { amount = 5.00m }, key);

        var problem = await OrderlyApi.ProblemAsync(payment, HttpStatusCode.UnprocessableEntity, "idempotency.key_other_operation");
        problem.Detail.ShouldContain("POST /api/orders");
        (await api.OrderAsync(order.Id)).PaidAmount.ShouldBe(0m);
    }

    [Fact]
    public async Task A_key_used_for_one_command_is_a_422_on_a_command_of_another_order()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var first = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var second = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var key = ("Idempotency-Key", "submit-once");
        (await api.SendJsonAsync(Post, $"/api/orders/{first.Id}/submit", new { }, key)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var other = await api.SendJsonAsync(Post, $"/api/orders/{second.Id}/submit", new { }, key);

        await OrderlyApi.ProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        (await api.OrderAsync(second.Id)).Status.ShouldBe("Draft");
    }

    [Fact]
    public async Task Two_callers_choosing_the_same_key_each_get_their_own_order()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var body = ApiRequests.OrderBody("ALFKI", ("CHAI", 1));

        var sales = await api.SendJsonAsync(Post, "/api/orders", body, ("Idempotency-Key", "k-1"), api.SignedInAs("sales@orderly.test", Role.Sales));
        var portal = await api.SendJsonAsync(Post, "/api/orders", body, ("Idempotency-Key", "k-1"), api.SignedInAs("portal@orderly.test", Role.Customer));

        var a = await OrderlyApi.Read<OrderView>(sales, HttpStatusCode.Created);
        var b = await OrderlyApi.Read<OrderView>(portal, HttpStatusCode.Created);
        a.Id.ShouldNotBe(b.Id);
        portal.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    /// <param name="retentionHours">the setting; null keeps the default of 24 hours</param>
    /// <param name="within">hours after the first use, still within the retention</param>
    /// <param name="later">hours after that, past the retention</param>
    [Theory]
    [InlineData(null, 23.9, 0.2)]
    [InlineData("2", 1.5, 1.0)]
    public async Task A_key_is_replayed_within_its_retention_and_counts_as_new_after_it(string? retentionHours, double within, double later)
    {
        using var api = retentionHours is null ? new OrderlyApi() : new OrderlyApi(("Orderly:IdempotencyRetentionHours", retentionHours));
        await api.SeedAsync();
        var body = ApiRequests.OrderBody("ALFKI", ("CHAI", 1));
        var key = ("Idempotency-Key", "nightly-batch-17");
        var first = await OrderlyApi.Read<OrderView>(await api.SendJsonAsync(Post, "/api/orders", body, key), HttpStatusCode.Created);

        api.Clock.Advance(TimeSpan.FromHours(within));
        var retry = await OrderlyApi.Read<OrderView>(await api.SendJsonAsync(Post, "/api/orders", body, key), HttpStatusCode.Created);
        api.Clock.Advance(TimeSpan.FromHours(later));
        var late = await api.SendJsonAsync(Post, "/api/orders", body, key);

        retry.Id.ShouldBe(first.Id);
        var fresh = await OrderlyApi.Read<OrderView>(late, HttpStatusCode.Created);
        fresh.Id.ShouldNotBe(first.Id);
        late.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task The_purge_deletes_expired_keys_in_batches_and_keeps_live_ones()
    {
        using var api = new OrderlyApi(("Orderly:IdempotencyRetentionHours", "1"));
        await api.SeedAsync();
        for (var i = 0; i < 3; i++)
            (await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 1)), ("Idempotency-Key", $"old-{i}"))).EnsureSuccessStatusCode();
        api.Clock.Advance(TimeSpan.FromHours(2));
        (await api.SendJsonAsync(Post, "/api/orders", ApiRequests.OrderBody("ALFKI", ("CHAI", 1)), ("Idempotency-Key", "live"))).EnsureSuccessStatusCode();

        await using var scope = api.Services.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<IdempotencyKeyPurge>().PurgeExpiredAsync(maxBatches: 1, default);

        purged.ShouldBe(3);
        var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
        (await db.IdempotencyKeys.Select(k => k.Key).ToListAsync()).ShouldBe(["live"]);
    }
}
