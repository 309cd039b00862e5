using System.Net;
using System.Text.RegularExpressions;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests.Ui;

/// <summary>
/// The order list and the order page (issue 12): the list filters and pages by cursor as the API does and opens an order
/// by its number; the order page runs the actions this user may run with the version it showed, refuses a stale one with
/// a clear message, shows the document flow and history, and shows a customer user only its own customer's orders.
/// </summary>
public sealed partial class OrderPageTests
{
    [Fact]
    public async Task The_order_list_filters_by_status_and_customer_pages_by_cursor_and_opens_an_order_by_its_number()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var placed = new List<OrderView>();
        for (var i = 0; i < 51; i++) placed.Add(await api.PlaceOrderAsync(i % 2 == 0 ? "ALFKI" : "TIGHT", ("CHAI", 1)));
        await api.RunAsync(placed[0].Id, "submit");
        var browser = new UiBrowser(api);
        await browser.SignInAsync();

        var (first, html) = await browser.GetAsync("/app/orders");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var numbers = OrderNumbers(html);
        numbers.Count.ShouldBe(50, "a page is 50 orders");
        numbers[0].ShouldBe(placed[^1].Number, "newest first");
        html.ShouldContain("ALFKI — Alfreds");
        var next = NextLink().Match(html).Groups[1].Value;
        var (_, second) = await browser.GetAsync(WebUtility.HtmlDecode(next));
        OrderNumbers(second).ShouldBe([placed[0].Number], "the cursor continues after the first page's last order");
        second.ShouldContain("First page");

        var (_, approved) = await browser.GetAsync("/app/orders?status=Approved");
        OrderNumbers(approved).ShouldBe([placed[0].Number]);
        var (_, tight) = await browser.GetAsync("/app/orders?customer=TIGHT");
        OrderNumbers(tight).Count.ShouldBe(25);
        var (unknown, unknownHtml) = await browser.GetAsync("/app/orders?customer=NOPE");
        (unknown.StatusCode, unknownHtml.Contains("No customer has code NOPE.")).ShouldBe((HttpStatusCode.BadRequest, true), "a field error, next to the field");
        var (badDate, badDateHtml) = await browser.GetAsync("/app/orders?from=2026-12-09&to=2026-12-01");
        (badDate.StatusCode, badDateHtml.Contains("is before 'from'")).ShouldBe((HttpStatusCode.BadRequest, true), "the API's field error, next to the field");

        var (byNumber, _) = await browser.GetAsync($"/app/orders?number={placed[3].Number}");
        (byNumber.StatusCode, UiBrowser.PathOf(byNumber)).ShouldBe((HttpStatusCode.Redirect, $"/app/orders/{placed[3].Id}"));
        var (_, noSuch) = await browser.GetAsync("/app/orders?number=SO-NOPE");
        noSuch.ShouldContain("No order is numbered SO-NOPE.");
    }

    [Fact]
    public async Task The_order_page_runs_the_users_actions_with_the_version_it_showed_and_refuses_a_stale_one_clearly()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 4));
        var warehouse = await UiBrowser.SignedInAsAsync(api, "wanda@orderly.test", ["warehouse"]);
        var path = $"/app/orders/{order.Id}";

        var (page, html) = await warehouse.GetAsync(path);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        Actions(html).ShouldBe(["reserve"], "the warehouse may reserve a confirmed order; confirming or invoicing is not its work");
        html.ShouldContain("Who has it");
        html.ShouldContain("What the customer sees");
        html.ShouldContain("data-customer-status=\"confirmed\"");
        var (reserved, _) = await warehouse.PostAsync(path, html, "order-action", ("Form.Act", "reserve"), ("Form.Version", order.Version.ToString()));
        (reserved.StatusCode, UiBrowser.PathOf(reserved)).ShouldBe((HttpStatusCode.Redirect, $"{path}?done=reserve"), "post, redirect, get");
        var (_, afterReserve) = await warehouse.GetAsync(UiBrowser.PathOf(reserved));
        afterReserve.ShouldContain("Done: Reserve.");
        Actions(afterReserve).ShouldContain("ship");
        afterReserve.ShouldContain("Line 1 CHAI (reserved 4 case)");

        var current = await api.GetAsync<OrderView>($"/api/orders/{order.Id}");
        var (partly, _) = await warehouse.PostAsync(path, afterReserve, "order-action", ("Form.Act", "ship"), ("Form.Version", current.Version.ToString()),
            ("Form.Ship[0].LineNo", "1"), ("Form.Ship[0].Quantity", "3"));
        partly.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api.GetAsync<OrderView>($"/api/orders/{order.Id}")).Lines.Single().ShippedQuantity.ShouldBe(3m, "a part shipment: the quantity typed, not all");

        var (stale, staleHtml) = await warehouse.PostAsync(path, afterReserve, "order-action", ("Form.Act", "ship"), ("Form.Version", current.Version.ToString()),
            ("Form.Ship[0].LineNo", "1"), ("Form.Ship[0].Quantity", "1"));
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        staleHtml.ShouldContain("Someone else changed this order after you opened it, so nothing was done.");
        (await api.GetAsync<OrderView>($"/api/orders/{order.Id}")).Lines.Single().ShippedQuantity.ShouldBe(3m, "the stale post shipped nothing");

        var (forged, _) = await warehouse.PostAsync(path, afterReserve, "order-action", ("Form.Act", "invoice"), ("Form.Version", current.Version.ToString()));
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a button the page did not offer is refused, as the API would refuse it");

        var (_, detail) = await warehouse.GetAsync(path);
        detail.ShouldContain("data-document=\"shipment\"");
        detail.ShouldContain("CHAI × 3");
        detail.ShouldContain("Reserved");
        Regex.Matches(detail, "<li>").Count.ShouldBeGreaterThanOrEqualTo(4, "the history: placed, submitted, approved, confirmed, reserved, shipped");
    }

    [Fact]
    public async Task A_customer_user_opens_its_own_orders_and_another_customers_order_is_not_found()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var own = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var other = await api.PlaceOrderAsync("TIGHT", ("CHAI", 1));
        var customer = await UiBrowser.SignedInAsAsync(api, "buyer@alfki.example", ["customer"], "ALFKI");

        var (mine, mineHtml) = await customer.GetAsync($"/app/orders/{own.Id}");
        var (theirs, theirsHtml) = await customer.GetAsync($"/app/orders/{other.Id}");
        var (_, list) = await customer.GetAsync("/app/orders");
        var (byNumber, _) = await customer.GetAsync($"/app/orders?number={other.Number}");

        (mine.StatusCode, mineHtml.Contains(own.Number)).ShouldBe((HttpStatusCode.OK, true));
        mineHtml.ShouldNotContain("Who has it", customMessage: "the work items are the company's, not the customer's");
        mineHtml.ShouldContain("Where your order stands");
        mineHtml.ShouldContain("data-customer-status=\"received\"");
        (theirs.StatusCode, theirsHtml.Contains("Not found"), theirsHtml.Contains(other.Number)).ShouldBe((HttpStatusCode.NotFound, true, false), theirsHtml);
        OrderNumbers(list).ShouldBe([own.Number]);
        list.ShouldNotContain("id=\"customer\"", customMessage: "a customer user has no customer filter: it sees its own");
        byNumber.StatusCode.ShouldBe(HttpStatusCode.OK, "another customer's number opens nothing");
    }

    private static List<string> OrderNumbers(string html) => [.. OrderRow().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> Actions(string html) => [.. ActionButton().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr class=\"order-row\" data-order=\"([^\"]+)\"")]
    private static partial Regex OrderRow();

    [GeneratedRegex("data-action=\"([^\"]+)\"")]
    private static partial Regex ActionButton();

    [GeneratedRegex("<a[^>]*href=\"([^\"]+)\"[^>]*rel=\"next\"|rel=\"next\"[^>]*href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
}
