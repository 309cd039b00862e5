using System.Net;
using System.Globalization;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// <c>GET /api/orders</c>: newest first by order date then number, filtered, paged by cursor (keyset) or by page number.
/// </summary>
public sealed class OrderListTests
{
    /// <summary>Order dates (UTC) given to the nine orders, with ties and a fraction of a second, oldest first.</summary>
    private static readonly string[] ReceivedAt =
    [
        "2026-10-30 08:00:00+00:00", "2026-10-31 09:00:00+00:00", "2026-10-31 09:00:00+00:00", "2026-10-31 09:00:00.5+00:00",
        "2026-11-01 00:00:00+00:00", "2026-11-01 23:59:59.9999999+00:00", "2026-11-01 23:59:59.9999999+00:00",
        "2026-11-02 00:00:00+00:00", "2026-11-03 12:00:00+00:00",
    ];

    /// <summary>The orders (by index into <see cref="ReceivedAt"/>) that also have a COFFEE line; order 5 has two CHAI lines.</summary>
    private static readonly int[] WithCoffee = [1, 2, 5, 6, 8];

    public static TheoryData<string> Filters() => new("", "status=Approved", "customer", "customer&status=Draft", "from=2026-10-31&to=2026-11-01",
        "status=Draft&from=2026-11-01&to=2026-11-02", "to=2026-10-31", "from=2026-11-03", "sku=COFFEE", "sku=CHAI", "sku=COFFEE&status=Draft",
        "sku=CHAI&customer", "sku=COFFEE&from=2026-10-31&to=2026-11-01", "sku=NONE", "sort=oldest", "status=Approved&sort=oldest",
        "sku=CHAI&status=Approved&sort=oldest");

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Walking_every_page_by_cursor_returns_each_matching_order_once_in_order(string filter)
    {
        // A SKU search with another filter reads 3 lines of the SKU per page here, so its pages come short and continue.
        using var api = new OrderlyApi(("Orderly:OrderSearchScan", "3"));
        var book = await BookAsync(api);
        var query = filter.Replace("customer", $"customerId={book.Alfki}", StringComparison.Ordinal);
        var newestFirst = book.Orders.Where(o => Matches(o, query, book))
            .OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Number, StringComparer.Ordinal).Select(o => o.Number).ToList();
        var expected = query.Contains("sort=oldest", StringComparison.Ordinal) ? Enumerable.Reverse(newestFirst).ToList() : newestFirst;
        if (!query.Contains("NONE", StringComparison.Ordinal)) expected.ShouldNotBeEmpty(filter);

        var walked = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await api.GetAsync<OrderPage>($"/api/orders?{query}&pageSize=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            page.TotalCount.ShouldBeNull(); // only when asked for
            walked.AddRange(page.Items.Select(o => o.Number));
            if ((cursor = page.NextCursor) is null) break;
        }

        walked.ShouldBe(expected, $"filter '{filter}'");
        (await api.GetAsync<OrderPage>($"/api/orders?{query}&pageSize=200&includeTotal=true")).ShouldSatisfyAllConditions(
            all => all.TotalCount.ShouldBe(expected.Count), all => all.Items.Select(o => o.Number).ShouldBe(expected), all => all.NextCursor.ShouldBeNull());
    }

    [Fact]
    public async Task Page_numbers_still_work_and_their_cursor_continues_where_the_page_ended()
    {
        using var api = new OrderlyApi();
        var book = await BookAsync(api);
        var newestFirst = book.Orders.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Number, StringComparer.Ordinal).Select(o => o.Number).ToList();

        var second = await api.GetAsync<OrderPage>("/api/orders?page=2&pageSize=3");
        var after = await api.GetAsync<OrderPage>($"/api/orders?cursor={second.NextCursor}&pageSize=3");

        second.Page.ShouldBe(2);
        second.Items.Select(o => o.Number).ShouldBe(newestFirst.Skip(3).Take(3));
        after.Page.ShouldBeNull();
        after.Items.Select(o => o.Number).ShouldBe(newestFirst.Skip(6).Take(3));
        after.NextCursor.ShouldBeNull();
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("bzF8MTIzfA")] // "o1|123|": no order number
    [InlineData("eDF8MTIzfFNPLTEyMw")] // "x1|123|SO-123": not a version this list writes
    [InlineData("bzF8LTF8U08tMTIz")] // "o1|-1|SO-123": no such instant
    public async Task A_malformed_cursor_is_a_400_order_cursor_invalid_saying_how_to_fix_it(string cursor)
    {
        using var api = new OrderlyApi();

        var problem = await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/orders?cursor={cursor}"), HttpStatusCode.BadRequest, "order.cursor_invalid");

        problem.ShouldHaveFieldErrors("cursor");
        problem.Detail.ShouldContain("nextCursor");
    }

    [Theory]
    [InlineData("cursor=bzF8MXxTTy0x&page=2", "page")]
    [InlineData("from=2026-11-31", "from")]
    [InlineData("from=01.11.2026&to=yesterday", "from", "to")]
    [InlineData("from=2026-11-02&to=2026-11-01", "to")]
    public async Task Mixing_cursor_and_page_or_bad_dates_are_a_400_order_query_invalid(string query, params string[] fields)
    {
        using var api = new OrderlyApi();

        var problem = await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/orders?{query}"), HttpStatusCode.BadRequest, "order.query_invalid");

        problem.ShouldHaveFieldErrors(fields);
    }

    [Fact]
    public async Task An_order_placed_after_the_book_is_first_in_a_search_for_its_sku_and_a_page_number_with_a_sku_is_refused()
    {
        using var api = new OrderlyApi();
        await BookAsync(api);

        var placed = await api.PlaceOrderAsync("ALFKI", ("COFFEE", 1), ("CHAI", 1)); // written by EF Core, not by the test's SQL

        (await api.GetAsync<OrderPage>("/api/orders?sku=COFFEE&pageSize=1")).Items.Single().Number.ShouldBe(placed.Number);
        (await api.GetAsync<OrderPage>("/api/orders?sku=%20COFFEE%20&pageSize=1")).Items.Single().Number.ShouldBe(placed.Number); // trimmed
        var problem = await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/orders?sku=COFFEE&page=2"), HttpStatusCode.BadRequest, "order.query_invalid");
        problem.ShouldHaveFieldErrors("page");
        (await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/orders?sort=largest"), HttpStatusCode.BadRequest, "order.query_invalid"))
            .ShouldHaveFieldErrors("sort");
    }

    private sealed record Book(Guid Alfki, IReadOnlyList<OrderSummaryView> Orders, IReadOnlySet<string> CoffeeOrders);

    /// <summary>
    /// Nine orders of two customers, some approved, each with CHAI and some with COFFEE (<see cref="WithCoffee"/>); their
    /// order dates set to <see cref="ReceivedAt"/> with SQL, on the orders and their lines' copy of the sort key.
    /// </summary>
    private static async Task<Book> BookAsync(OrderlyApi api)
    {
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 100); // promised from stock, so submitting approves
        await api.ReceiveAsync("MAIN", "COFFEE", 100);
        var placed = new List<OrderView>();
        for (var i = 0; i < ReceivedAt.Length; i++)
        {
            (string, decimal)[] lines = i == 5 ? [("CHAI", 1), ("CHAI", 2), ("COFFEE", 1)] : WithCoffee.Contains(i) ? [("CHAI", 1), ("COFFEE", 1)] : [("CHAI", 1)];
            var order = await api.PlaceOrderAsync(i % 3 == 0 ? "TIGHT" : "ALFKI", lines);
            if (i % 2 == 0) order = await api.RunAsync(order.Id, "submit");
            placed.Add(order);
        }
        for (var i = 0; i < placed.Count; i++)
            (await api.ExecuteSqlAsync("UPDATE sales_orders SET received_at = @at WHERE number = @number",
                ("at", DateTimeOffset.Parse(ReceivedAt[i], CultureInfo.InvariantCulture)), ("number", placed[i].Number))).ShouldBe(1);
        await api.ExecuteSqlAsync("UPDATE order_lines SET received_at_utc = (SELECT o.received_at_utc FROM sales_orders o WHERE o.id = order_lines.order_id)");
        var all = await api.GetAsync<OrderPage>("/api/orders?pageSize=200");
        all.Items.Select(o => o.Status).Distinct().Order().ShouldBe(["Approved", "Draft"]); // the filters below see both
        return new Book(placed[1].CustomerId, all.Items, WithCoffee.Select(i => placed[i].Number).ToHashSet());
    }

    private static bool Matches(OrderSummaryView o, string query, Book book)
    {
        var day = DateOnly.FromDateTime(o.ReceivedAt.UtcDateTime);
        foreach (var (key, value) in query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => (p.Split('=')[0], p.Split('=')[1])))
        {
            var keep = key switch
            {
                "status" => o.Status == value,
                "customerId" => o.CustomerId == book.Alfki,
                "sku" => value == "CHAI" || (value == "COFFEE" && book.CoffeeOrders.Contains(o.Number)),
                "sort" => true,
                "from" => day >= DateOnly.Parse(value),
                "to" => day <= DateOnly.Parse(value),
                _ => throw new ArgumentException(key),
            };
            if (!keep) return false;
        }
        return true;
    }
}
