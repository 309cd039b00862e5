using System.Net;

namespace Orderly.Server.Tests;

/// <summary>
/// Paging parameters are checked the same way on every list: a page beyond any list (<c>page=2147483647</c>, whose
/// offset would overflow), a page size out of 1–200, a ledger limit out of 1–1000, or a value that is not a number is a
/// 400 with a field error under the parameter's name (issue #8, item 8).
/// </summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData("/api/orders?page=2147483647", "order.query_invalid")]
    [InlineData("/api/orders?page=2147483647&pageSize=2&status=Draft", "order.query_invalid")]
    [InlineData("/api/orders?page=43000000&pageSize=50", "order.query_invalid")]
    [InlineData("/api/purchase-orders?page=2147483647", "purchase_order.query_invalid")]
    [InlineData("/api/purchase-orders?page=0", "purchase_order.query_invalid")]
    public async Task A_page_beyond_any_list_is_a_400_on_page_instead_of_page_one(string path, string code)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.Client.GetAsync(path);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, code)).ShouldHaveFieldErrors("page");
    }

    [Theory]
    [InlineData("/api/purchase-orders?pageSize=0", "purchase_order.query_invalid", "pageSize")]
    [InlineData("/api/purchase-orders?pageSize=201", "purchase_order.query_invalid", "pageSize")]
    [InlineData("/api/stock/movements?limit=0", "stock.query_invalid", "limit")]
    [InlineData("/api/stock/movements?limit=-5", "stock.query_invalid", "limit")]
    [InlineData("/api/stock/movements?limit=1001", "stock.query_invalid", "limit")]
    public async Task A_page_size_or_ledger_limit_out_of_range_is_a_400_on_it(string path, string code, string field)
    {
        using var api = new OrderlyApi();

        var response = await api.Client.GetAsync(path);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, code)).ShouldHaveFieldErrors(field);
    }

    [Theory]
    [InlineData("/api/orders?page=abc", "page")]
    [InlineData("/api/orders?page=99999999999", "page")]
    [InlineData("/api/orders?pageSize=abc", "pageSize")]
    [InlineData("/api/purchase-orders?page=two", "page")]
    [InlineData("/api/stock/movements?limit=many", "limit")]
    [InlineData("/api/orders?customerId=not-a-guid", "customerId")]
    public async Task A_paging_parameter_that_is_not_a_number_is_a_400_naming_it(string path, string field)
    {
        using var api = new OrderlyApi();

        var response = await api.Client.GetAsync(path);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed")).ShouldHaveFieldErrors(field);
    }

    [Theory]
    [InlineData("/api/orders?page=10737419&pageSize=200", 10737419)]
    [InlineData("/api/orders?page=2147483647&pageSize=1", 2147483647)]
    public async Task The_last_page_a_list_can_hold_is_served_empty_under_its_own_number(string path, int page)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var served = await api.GetAsync<Orderly.Application.Sales.OrderPage>(path);

        served.Items.ShouldBeEmpty();
        served.Page.ShouldBe(page);
    }
}
