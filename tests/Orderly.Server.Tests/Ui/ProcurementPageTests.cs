using System.Net;

namespace Orderly.Server.Tests.Ui;

/// <summary>The procurement page (issue 12): the backorder queue linked to its orders, open alerts, purchase orders; not for customers.</summary>
public sealed class ProcurementPageTests
{
    [Fact]
    public async Task A_line_short_of_stock_waits_in_the_backorder_queue_on_the_procurement_page()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 3);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5));
        await api.RunAsync(order.Id, "reserve"); // 3 reserved, 2 backordered
        var buyer = await UiBrowser.SignedInAsAsync(api, "pat@orderly.test", ["procurement"]);

        var (page, html) = await buyer.GetAsync("/app/procurement");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<tr data-backorder=\"{order.Number}/1\">");
        html.ShouldContain($"<a href=\"/app/orders/{order.Id}\">{order.Number}</a>");
        html.ShouldContain("<td class=\"number short\">2</td>", customMessage: "two cases wait for goods");
        html.ShouldContain("<label for=\"po-status\">Status</label>");
        html.ShouldContain("0 shown of 0.");
    }

    [Fact]
    public async Task A_customer_user_is_not_shown_procurement()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var customer = await UiBrowser.SignedInAsAsync(api, "buyer@alfki.example", ["customer"], "ALFKI");

        var (_, html) = await customer.GetAsync("/app/procurement");

        html.ShouldContain("Your roles do not include purchase orders.");
        html.ShouldNotContain("data-backorder");
    }
}
