using System.Net;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// <c>POST /api/orders/import</c> places a batch of orders in one transaction with the rules of single order entry:
/// all or nothing, refusals named by the order's index, at most 1,000 orders, and Idempotency-Key honoured.
/// </summary>
public sealed class OrderImportTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    private static object Line(string sku, decimal quantity, decimal? unitPrice = null) => new { sku, quantity, unitPrice };

    private static object Order(string customer, params object[] lines) =>
        new { customerCode = customer, requestedDate = OrderlyApi.Today.AddDays(14), lines };

    private static readonly object[] ThreeOrders =
    [
        Order("ALFKI", Line("CHAI", 3), Line("COFFEE", 1.25m, 20.00m)),
        Order("ALFKI", Line("COFFEE", 0.5m)),
        Order("TIGHT", Line("CHAI", 1, 17.10m), Line("CHAI", 2)),
    ];

    [Fact]
    public async Task A_batch_creates_every_order_with_the_same_totals_as_one_by_one_entry()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var imported = await OrderlyApi.Read<ImportedOrders>(
            await api.SendJsonAsync(Post, "/api/orders/import", new { orders = ThreeOrders }), HttpStatusCode.Created);
        var singly = new List<OrderView>();
        foreach (var order in ThreeOrders)
            singly.Add(await OrderlyApi.Read<OrderView>(await api.SendJsonAsync(Post, "/api/orders", order), HttpStatusCode.Created));

        imported.Orders.Count.ShouldBe(3);
        imported.Orders.Select(o => o.Number).ShouldBe(["SO-" + DateTime.UtcNow.Year + "-000001", "SO-" + DateTime.UtcNow.Year + "-000002",
            "SO-" + DateTime.UtcNow.Year + "-000003"]);
        for (var i = 0; i < 3; i++)
        {
            var batched = await api.OrderAsync(imported.Orders[i].Id);
            var single = await api.OrderAsync(singly[i].Id);
            batched.Number.ShouldBe(imported.Orders[i].Number);
            batched.Status.ShouldBe("Draft");
            batched.CustomerId.ShouldBe(single.CustomerId);
            (batched.NetAmount, batched.TaxAmount, batched.TotalAmount).ShouldBe((single.NetAmount, single.TaxAmount, single.TotalAmount));
            batched.Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice, l.NetAmount, l.TaxAmount, l.GrossAmount, l.PromisedDate))
                .ShouldBe(single.Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice, l.NetAmount, l.TaxAmount, l.GrossAmount, l.PromisedDate)));
            batched.Lines.ShouldAllBe(l => l.PromiseBasis != ""); // promised in the import's own save, before any re-promise
            (await api.HistoryAsync(batched.Id)).First().Action.ShouldBe("receive");
        }
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(6);
    }

    [Fact]
    public async Task A_bad_order_in_the_middle_writes_nothing_and_names_its_index()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var batch = new[]
        {
            Order("ALFKI", Line("CHAI", 1)),
            Order("ALFKI", Line("CHAI", 1), Line("NO-SUCH-SKU", 1), Line("COFFEE", -2)),
            Order("ALFKI", Line("COFFEE", 1)),
        };

        var problem = await OrderlyApi.ProblemAsync(await api.SendJsonAsync(Post, "/api/orders/import", new { orders = batch }),
            HttpStatusCode.BadRequest, "order.invalid");

        problem.ShouldHaveFieldErrors("orders[1].lines[1].sku", "orders[1].lines[2].quantity");
        problem.Detail.ShouldContain("orders[1]");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
        var next = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        next.Number.ShouldEndWith("-000001"); // the refused batch gave its numbers back
    }

    [Fact]
    public async Task Every_refused_order_is_named_and_the_first_one_gives_the_code()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var batch = new object?[]
        {
            Order("ALFKI", Line("CHAI", 1)),
            Order("NOBODY", Line("CHAI", 1)),
            null,
            Order("ALFKI", Line("BOOK", 1)),
        };

        var problem = await OrderlyApi.ProblemAsync(await api.SendJsonAsync(Post, "/api/orders/import", new { orders = batch }),
            HttpStatusCode.BadRequest, "order.customer_unknown");

        problem.ShouldHaveFieldErrors("orders[1].customerCode", "orders[2]", "orders[3].lines[0].sku");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task More_than_a_thousand_orders_or_none_are_refused()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var tooMany = Enumerable.Range(0, OrderImport.MaxOrders + 1).Select(_ => Order("ALFKI", Line("CHAI", 1))).ToArray();

        (await OrderlyApi.ProblemAsync(await api.SendJsonAsync(Post, "/api/orders/import", new { orders = tooMany }),
            HttpStatusCode.BadRequest, "order.import_too_many")).ShouldHaveFieldErrors("orders");
        (await OrderlyApi.ProblemAsync(await api.SendJsonAsync(Post, "/api/orders/import", new { orders = Array.Empty<object>() }),
            HttpStatusCode.BadRequest, "order.import_empty")).ShouldHaveFieldErrors("orders");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_of_exactly_a_thousand_orders_is_taken()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var full = Enumerable.Range(0, OrderImport.MaxOrders).Select(i => Order("ALFKI", Line(i % 2 == 0 ? "CHAI" : "COFFEE", 1))).ToArray();

        var imported = await OrderlyApi.Read<ImportedOrders>(
            await api.SendJsonAsync(Post, "/api/orders/import", new { orders = full }), HttpStatusCode.Created);

        imported.Orders.Count.ShouldBe(OrderImport.MaxOrders);
        imported.Orders.Select(o => o.Number).Distinct().Count().ShouldBe(OrderImport.MaxOrders);
        imported.Orders[^1].Number.ShouldEndWith("-001000");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(OrderImport.MaxOrders);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_replays_the_batch_and_another_body_is_refused()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var key = ("Idempotency-Key", "import-2026-12-01");

        var first = await api.SendJsonAsync(Post, "/api/orders/import", new { orders = ThreeOrders }, key);
        var second = await api.SendJsonAsync(Post, "/api/orders/import", new { orders = ThreeOrders }, key);
        var other = await api.SendJsonAsync(Post, "/api/orders/import", new { orders = ThreeOrders.Take(1) }, key);

        var created = await OrderlyApi.Read<ImportedOrders>(first, HttpStatusCode.Created);
        var replayed = await OrderlyApi.Read<ImportedOrders>(second, HttpStatusCode.Created);
        replayed.Orders.ShouldBe(created.Orders);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        await OrderlyApi.ProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(3);
    }
}
