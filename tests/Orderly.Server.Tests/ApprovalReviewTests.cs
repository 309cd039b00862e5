using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// Approving or releasing a held order evaluates every review rule again: the approval overrides only the hold it
/// answers, and credit used up while the order waited holds it again, for credit (issue #8, item 2).
/// </summary>
public sealed class ApprovalReviewTests
{
    [Fact]
    public async Task Approving_a_price_hold_after_another_order_used_the_credit_holds_it_for_credit()
    {
        using var api = new OrderlyApi();
        await SeedAsync(api);
        var x = await PlaceAsync(api, 10, 90m); // 900 at 10 % off, the product allows 5 %
        (await api.RunAsync(x.Id, "submit")).HoldReason.ShouldBe("Price");
        var y = await PlaceAsync(api, 9, 100m); // 900: fits, because a held order does not count
        (await api.RunAsync(y.Id, "submit")).Status.ShouldBe("Approved");

        var approved = await api.RunAsync(x.Id, "approve", new { reason = "price agreed by the sales lead" });

        (approved.Status, approved.HoldReason).ShouldBe(("OnHold", "Credit"));
        approved.HoldNote.ShouldContain("review.credit_limit_exceeded");
        approved.HoldNote.ShouldContain("Credit exposure 1800");
        approved.HoldNote.ShouldNotContain("review.price_below_allowed_discount");
        var last = (await api.HistoryAsync(x.Id)).Last();
        (last.Action, last.From, last.To).ShouldBe(("approve", "OnHold", "OnHold"));
        last.Reason.ShouldContain("price agreed by the sales lead This lifts the Price hold, but the review now holds the order for Credit");
    }

    [Fact]
    public async Task Approving_the_credit_hold_that_followed_approves_without_asking_about_the_price_again()
    {
        using var api = new OrderlyApi();
        await SeedAsync(api);
        var x = await PlaceAsync(api, 10, 90m);
        await api.RunAsync(x.Id, "submit");
        await api.RunAsync((await PlaceAsync(api, 9, 100m)).Id, "submit");
        await api.RunAsync(x.Id, "approve", new { reason = "price agreed by the sales lead" });

        var approved = await api.RunAsync(x.Id, "approve", new { reason = "limit raised for this order by the CFO" });

        (approved.Status, approved.HoldReason, approved.HoldNote).ShouldBe(("Approved", null, ""));
    }

    [Fact]
    public async Task Releasing_a_manual_hold_after_the_credit_was_used_holds_the_order_for_credit()
    {
        using var api = new OrderlyApi();
        await SeedAsync(api);
        var x = await PlaceAsync(api, 9, 100m);
        (await api.RunAsync(x.Id, "submit")).Status.ShouldBe("Approved");
        await api.RunAsync(x.Id, "hold", new { reason = "customer asked to wait" });
        (await api.RunAsync((await PlaceAsync(api, 9, 100m)).Id, "submit")).Status.ShouldBe("Approved");

        var released = await api.RunAsync(x.Id, "release");

        (released.Status, released.HoldReason).ShouldBe(("OnHold", "Credit"));
        released.HoldNote.ShouldContain("review.credit_limit_exceeded");
    }

    private static async Task SeedAsync(OrderlyApi api)
    {
        await api.SeedAsync();
        (await api.Client.PostAsJsonAsync("/api/products", new
        {
            sku = "PUMP", name = "Pump", unit = "pc", unitDecimals = 0, listPrice = 100m, currency = "EUR", taxRate = 0m, maxDiscountPercent = 5m,
        }, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.Client.PostAsJsonAsync("/api/customers", new
        {
            code = "LIMIT", name = "Limited Ltd", currency = "EUR", creditLimit = 1_000m, paymentTermsDays = 30,
        }, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task<OrderView> PlaceAsync(OrderlyApi api, decimal quantity, decimal unitPrice) =>
        await OrderlyApi.Read<OrderView>(await api.Client.PostAsJsonAsync("/api/orders", new
        {
            customerCode = "LIMIT",
            requestedDate = OrderlyApi.Today.AddDays(14),
            lines = new[] { new { sku = "PUMP", quantity, unitPrice } },
        }, OrderlyApi.Json), HttpStatusCode.Created);
}
