using System.Net;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// A property the endpoint does not know is refused with 400 <c>request.unknown_property</c>, naming it: a misspelt
/// optional field (<c>requestDate</c> for <c>requestedDate</c>) would otherwise be dropped without a word.
/// </summary>
public sealed class UnknownPropertyTests
{
    [Fact]
    public async Task A_misspelt_optional_field_of_an_order_is_a_400_naming_it_and_places_no_order()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(HttpMethod.Post, "/api/orders",
            """{"customerCode":"ALFKI","requestDate":"2026-12-24","lines":[{"sku":"CHAI","quantity":1}]}""");

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.unknown_property");
        problem.Detail.ShouldContain("'requestDate'");
        problem.ShouldHaveFieldErrors("requestDate");
        (await api.GetAsync<OrderPage>("/api/orders?includeTotal=true")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_property_inside_a_line_is_a_400_at_that_line()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(HttpMethod.Post, "/api/orders",
            """{"customerCode":"ALFKI","lines":[{"sku":"CHAI","quantity":1},{"sku":"CHAI","quantity":1,"discount":5}]}""");

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "request.unknown_property");
        problem.Detail.ShouldContain("'discount'");
        problem.ShouldHaveFieldErrors("lines[1].discount");
    }
}
