using System.Net;
using System.Text.RegularExpressions;

namespace Orderly.Server.Tests.Ui;

/// <summary>
/// The order list page's search (issue 12 "Orders"): by SKU and oldest first as the API lists them, by who has the open
/// work (department, unassigned, overdue) as the work queues do, and each user's saved views of its filters.
/// </summary>
public sealed partial class OrderListPageTests
{
    [Fact]
    public async Task The_list_searches_by_sku_sorts_oldest_first_and_lists_a_departments_open_work()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var chai = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var coffee = await api.PlaceOrderAsync("TIGHT", ("COFFEE", 1), ("CHAI", 2));
        var submitted = await api.RunAsync((await api.PlaceOrderAsync("ALFKI", ("COFFEE", 2))).Id, "submit");
        var browser = new UiBrowser(api);
        await browser.SignInAsync();

        OrderNumbers((await browser.GetAsync("/app/orders?sku=COFFEE")).Html).ShouldBe([submitted.Number, coffee.Number]);
        OrderNumbers((await browser.GetAsync("/app/orders?sku=CHAI&sort=oldest")).Html).ShouldBe([chai.Number, coffee.Number]);
        OrderNumbers((await browser.GetAsync("/app/orders?sku=COFFEE&customer=TIGHT")).Html).ShouldBe([coffee.Number]);
        var (badSort, badSortHtml) = await browser.GetAsync("/app/orders?sort=largest");
        (badSort.StatusCode, badSortHtml.Contains("is not a sort order")).ShouldBe((HttpStatusCode.BadRequest, true));

        var work = await api.GetAsync<Orderly.Application.Workflow.WorkQueuePage>($"/api/work/unassigned?limit=200");
        var (_, unassigned) = await browser.GetAsync("/app/orders?assignee=unassigned");
        WorkOrders(unassigned).ShouldBe(work.Items.Select(i => i.OrderNumber), "the unassigned queue, most urgent first");
        unassigned.ShouldContain("Open work, most urgent first");
        var department = work.Items.First(i => i.OrderNumber == submitted.Number).Department;
        var queue = await api.GetAsync<Orderly.Application.Workflow.WorkQueuePage>($"/api/work/departments/{department}?limit=200");
        var (_, ofDepartment) = await browser.GetAsync($"/app/orders?department={department}");
        WorkOrders(ofDepartment).ShouldBe(queue.Items.Select(i => i.OrderNumber));
        WorkOrders(ofDepartment).ShouldContain(submitted.Number);
        var (overdueAlone, overdueHtml) = await browser.GetAsync("/app/orders?overdue=true");
        (overdueAlone.StatusCode, overdueHtml.Contains("Choose a department")).ShouldBe((HttpStatusCode.BadRequest, true));
        (await browser.GetAsync("/app/orders?overdue=yes")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "a hand-typed value is no filter, not a failure");
    }

    [Fact]
    public async Task A_user_saves_the_filters_under_a_name_opens_them_again_and_deletes_them_and_sees_no_one_elses()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var sales = await UiBrowser.SignedInAsAsync(api, "sam@orderly.test", ["sales"]);
        var path = "/app/orders?sku=COFFEE&status=Draft";

        var (_, page) = await sales.GetAsync(path);
        var (saved, savedHtml) = await sales.PostAsync(path, page, "saved-views", ("ViewName", "Coffee drafts"), ("SaveView", "save"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        savedHtml.ShouldContain("View 'Coffee drafts' saved.");
        var (_, list) = await sales.GetAsync("/app/orders");
        list.ShouldContain("href=\"/app/orders?status=Draft&sku=COFFEE\"");
        var (refused, refusedHtml) = await sales.PostAsync(path, page, "saved-views", ("ViewName", ""), ("SaveView", "save"));
        (refused.StatusCode, refusedHtml.Contains("Name the view with 1 to 60 characters")).ShouldBe((HttpStatusCode.BadRequest, true));

        var other = await UiBrowser.SignedInAsAsync(api, "sue@orderly.test", ["sales"]);
        (await other.GetAsync("/app/orders")).Html.ShouldNotContain("Coffee drafts");

        var id = (await api.ScalarAsync("SELECT id FROM saved_views"))!.ToString()!;
        var (_, deleted) = await sales.PostAsync("/app/orders", list, "saved-views", ("DeleteView", id));
        deleted.ShouldContain("View deleted.");
        deleted.ShouldNotContain("Coffee drafts");
    }

    private static List<string> OrderNumbers(string html) => [.. OrderRow().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> WorkOrders(string html) => [.. WorkRow().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr class=\"order-row\" data-order=\"([^\"]+)\"")]
    private static partial Regex OrderRow();

    [GeneratedRegex("<tr class=\"work-item[^\"]*\" data-item=\"[^\"]+\">\\s*<td><a href=\"[^\"]+\">([^<]+)</a>")]
    private static partial Regex WorkRow();
}
