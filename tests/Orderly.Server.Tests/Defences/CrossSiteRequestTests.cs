using System.Net;
using System.Text;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests.Defences;

/// <summary>
/// What a page on another site can make a browser send without asking first (a form, or a <c>fetch</c> without a
/// preflight: no body, a form body, <c>text/plain</c>) is refused with 415 <c>request.content_type_not_json</c> and
/// changes nothing (issue 10; <c>Http/JsonOnlyWrites</c>, ADR 0020).
/// </summary>
public sealed class CrossSiteRequestTests
{
    private const string Code = "request.content_type_not_json";
    private const string OtherSite = "https://shop.evil.example";

    [Theory]
    [InlineData("submit", 0)]
    [InlineData("confirm", 1)]
    [InlineData("reserve", 2)]
    [InlineData("ship", 3)]
    public async Task A_bodyless_cross_site_post_of_a_command_is_refused_and_leaves_the_order_as_it_was(string command, int stepsBefore)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 5);
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 5));
        foreach (var step in new[] { "submit", "confirm", "reserve" }.Take(stepsBefore)) await api.RunAsync(order.Id, step);
        var before = await api.OrderAsync(order.Id);
        var history = (await api.HistoryAsync(order.Id)).Count;

        var response = await api.SendAsync(CrossSite($"/api/orders/{order.Id}/{command}", content: null));

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Code);
        problem.Detail.ShouldContain("Content-Type: application/json");
        problem.Detail.ShouldContain("has none");
        var after = await api.OrderAsync(order.Id);
        (after.Status, after.Version).ShouldBe((before.Status, before.Version));
        (await api.HistoryAsync(order.Id)).Count.ShouldBe(history);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "note=x")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n--b--\r\n")]
    [InlineData("text/plain", "{}")]
    public async Task A_cross_site_form_post_creates_no_invoice(string contentType, string body)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 2);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 2));
        await api.RunAsync(order.Id, "reserve");
        await api.RunAsync(order.Id, "ship");

        var response = await api.SendAsync(CrossSite($"/api/orders/{order.Id}/invoices", Content(body, contentType)));

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Code)).Detail.ShouldContain(contentType.Split(';')[0]);
        Convert.ToInt64(await api.ScalarAsync("SELECT COUNT(*) FROM invoices")).ShouldBe(0);
        (await api.OrderAsync(order.Id)).Status.ShouldBe("Shipped");
    }

    [Theory]
    [InlineData("PUT", "/api/reorder-policies")]
    [InlineData("DELETE", "/api/reorder-policies/MAIN/CHAI")]
    [InlineData("POST", "/api/customers")]
    public async Task Every_kind_of_change_under_api_needs_the_json_type(string method, string path)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        (await api.SendJsonAsync(HttpMethod.Put, "/api/reorder-policies",
            new { warehouseCode = "MAIN", sku = "CHAI", reorderPoint = 5, safetyStock = 0, reorderQuantity = 10 })).EnsureSuccessStatusCode();
        var customers = Convert.ToInt64(await api.ScalarAsync("SELECT COUNT(*) FROM customers"));

        var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Content("{}", "application/problem+json") });

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, Code);
        Convert.ToInt64(await api.ScalarAsync("SELECT COUNT(*) FROM reorder_policies")).ShouldBe(1);
        Convert.ToInt64(await api.ScalarAsync("SELECT COUNT(*) FROM customers")).ShouldBe(customers);
    }

    [Theory]
    [InlineData("application/json", "")]
    [InlineData("application/json; charset=utf-8", "{}")]
    [InlineData("Application/JSON", "")]
    public async Task A_bodyless_command_runs_with_the_json_type_and_an_empty_body_or_an_empty_object(string contentType, string body)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order.Id}/submit") { Content = Content(body, contentType) };

        (await OrderlyApi.Read<OrderView>(await api.SendAsync(request), HttpStatusCode.OK)).Status.ShouldBe("Approved");
    }

    [Fact]
    public async Task A_post_to_no_route_keeps_its_404_whatever_its_type()
    {
        using var api = new OrderlyApi();

        var response = await api.SendAsync(CrossSite("/api/nothing-here", Content("a=b", "application/x-www-form-urlencoded")));

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.NotFound, "route.not_found");
    }

    /// <summary>A POST as a browser sends it from another site's page: its Origin, no credentials of ours.</summary>
    private static HttpRequestMessage CrossSite(string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Origin", OtherSite);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        return request;
    }

    /// <summary>Exactly <paramref name="body"/> with exactly <paramref name="contentType"/> (StringContent would add a charset).</summary>
    private static ByteArrayContent Content(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue();
        return content;
    }
}
