using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Sales;
using Orderly.Domain.People;

namespace Orderly.Server.Tests;

/// <summary><c>/api/me/views</c>: each user's named filters of the order list (issue 12 "Orders: saved views").</summary>
public sealed class SavedViewTests
{
    [Fact]
    public async Task A_view_is_saved_normalized_listed_by_name_replaced_by_its_name_and_deleted()
    {
        using var api = new OrderlyApi();
        var sales = api.ClientFor(Role.Sales);

        var held = await SaveAsync(sales, "Held coffee", "/app/orders?sku=COFFEE&status=Held&cursor=abc&page=2&from=");
        await SaveAsync(sales, "alfki", "?customer=ALFKI&sort=oldest");
        var replaced = await SaveAsync(sales, "Held coffee", "status=Held&sku=CHAI%2024");

        held.Query.ShouldBe("status=Held&sku=COFFEE"); // the list's order of parameters, paging and empty values dropped
        replaced.Id.ShouldBe(held.Id);
        replaced.Query.ShouldBe("status=Held&sku=CHAI%2024");
        var listed = await OrderlyApi.Read<List<SavedViewView>>(await sales.GetAsync("/api/me/views"), HttpStatusCode.OK);
        listed.Select(v => (v.Name, v.Query)).ShouldBe([("alfki", "customer=ALFKI&sort=oldest"), ("Held coffee", "status=Held&sku=CHAI%2024")]);

        (await DeleteAsync(sales, held.Id)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await OrderlyApi.Read<List<SavedViewView>>(await sales.GetAsync("/api/me/views"), HttpStatusCode.OK)).Select(v => v.Name).ShouldBe(["alfki"]);
    }

    [Fact]
    public async Task Another_users_views_are_neither_listed_nor_deletable()
    {
        using var api = new OrderlyApi();
        var mine = await SaveAsync(api.ClientFor(Role.Sales), "mine", "status=Draft");
        var other = api.ClientFor(Role.Sales);

        (await OrderlyApi.Read<List<SavedViewView>>(await other.GetAsync("/api/me/views"), HttpStatusCode.OK)).ShouldBeEmpty();
        await OrderlyApi.ProblemAsync(await DeleteAsync(other, mine.Id), HttpStatusCode.NotFound, "view.not_found");
    }

    [Theory]
    [InlineData("", "status=Draft", "name")]
    [InlineData("this name is far longer than the sixty characters a view may have, surely", "status=Draft", "name")]
    [InlineData("unknown", "status=Draft&colour=red", "query")]
    public async Task A_bad_name_or_an_unknown_filter_is_a_400_view_invalid_naming_the_field(string name, string query, string field)
    {
        using var api = new OrderlyApi();

        var problem = await OrderlyApi.ProblemAsync(await api.ClientFor(Role.Sales).PostAsJsonAsync("/api/me/views", new { name, query }),
            HttpStatusCode.BadRequest, "view.invalid");

        problem.ShouldHaveFieldErrors(field);
    }

    [Fact]
    public async Task Past_fifty_views_a_new_name_is_a_409_and_an_existing_name_still_saves()
    {
        using var api = new OrderlyApi();
        var sales = api.ClientFor(Role.Sales);
        for (var i = 0; i < SavedViews.MaxViews; i++) await SaveAsync(sales, $"view {i:00}", $"sku=SKU-{i}");

        await OrderlyApi.ProblemAsync(await sales.PostAsJsonAsync("/api/me/views", new { name = "one more", query = "status=Draft" }),
            HttpStatusCode.Conflict, "view.limit_reached");
        (await SaveAsync(sales, "view 07", "status=Held")).Query.ShouldBe("status=Held");
    }

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, Guid id) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/me/views/{id}") { Content = ApiRequests.NoBody() });

    private static async Task<SavedViewView> SaveAsync(HttpClient client, string name, string query) =>
        await OrderlyApi.Read<SavedViewView>(await client.PostAsJsonAsync("/api/me/views", new { name, query }), HttpStatusCode.OK);
}
