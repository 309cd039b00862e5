using System.Net;

namespace Orderly.Server.Tests.Ui;

/// <summary>The finance page (issue 12): finance's queues, and a customer's account — credit exposure and open invoices, overdue ones marked — for staff only.</summary>
public sealed class FinancePageTests
{
    [Fact]
    public async Task Finance_sees_what_waits_for_payment_and_a_customers_open_invoices_with_the_days_overdue()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 2));
        await api.RunAsync(order.Id, "reserve");
        await api.RunAsync(order.Id, "ship");
        var invoiced = await api.RunAsync(order.Id, "invoice");
        var finance = await UiBrowser.SignedInAsAsync(api, "fiona@orderly.test", ["finance"]);

        var (page, html) = await finance.GetAsync("/app/finance?customer=ALFKI");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Waiting: Collect payment");
        html.ShouldContain($">{order.Number}</a>", customMessage: "the order waits in collect-payment");
        html.ShouldContain($"{invoiced.TotalAmount:0.00} EUR");
        html.ShouldContain("ALFKI — Alfreds");

        api.Clock.Advance(TimeSpan.FromDays(40)); // ALFKI pays within 30 days
        var later = new UiBrowser(api);
        await later.SignInAsync("fiona@orderly.test", UiBrowser.Password);
        var (_, overdue) = await later.GetAsync("/app/finance?customer=ALFKI");
        overdue.ShouldContain(">10 days</td>");
        overdue.ShouldContain("class=\"state-breached\"");

        var (unknown, unknownHtml) = await later.GetAsync("/app/finance?customer=NOPE");
        (unknown.StatusCode, unknownHtml.Contains("No customer has code 'NOPE'.")).ShouldBe((HttpStatusCode.BadRequest, true));
    }

    [Fact]
    public async Task A_customer_user_is_not_shown_finance()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var customer = await UiBrowser.SignedInAsAsync(api, "buyer@alfki.example", ["customer"], "ALFKI");

        var (_, html) = await customer.GetAsync("/app/finance?customer=TIGHT");

        html.ShouldContain("Your roles do not include finance.");
        html.ShouldNotContain("Tight Budget");
    }
}
