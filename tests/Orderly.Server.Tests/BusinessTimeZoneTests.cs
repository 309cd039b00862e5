using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Billing;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// Business dates are counted in the business time zone (<c>Orderly:BusinessTimeZone</c>), not in UTC: a server in
/// Tokyo at 00:31 on the 30th (still the 29th in UTC) and one in Shanghai at 07:59 on the 1st (still the last day of the
/// month before in UTC) see the local day in every check, promise, invoice, due date, number and lateness (issue 8, item 3).
/// </summary>
public sealed class BusinessTimeZoneTests
{
    /// <summary>00:31 on 30 March 2027 in Tokyo (UTC+9): 15:31 on the 29th in UTC.</summary>
    private static readonly DateTimeOffset TokyoHalfPastMidnight = new(2027, 3, 29, 15, 31, 0, TimeSpan.Zero);

    /// <summary>07:59 on 1 January 2027 in Shanghai (UTC+8): 23:59 on 31 December 2026 in UTC.</summary>
    private static readonly DateTimeOffset ShanghaiBeforeEight = new(2026, 12, 31, 23, 59, 0, TimeSpan.Zero);

    private static readonly DateOnly The29th = new(2027, 3, 29);
    private static readonly DateOnly The30th = new(2027, 3, 30);

    [Fact]
    public async Task In_Tokyo_after_midnight_an_order_requested_for_yesterday_is_held_as_requested_in_the_past()
    {
        using var api = await ApiAtAsync("Asia/Tokyo", TokyoHalfPastMidnight);
        var order = await PlaceAsync(api, The29th, ("CHAI", 1));

        var submitted = await api.RunAsync(order.Id, "submit");

        submitted.Status.ShouldBe("OnHold");
        submitted.HoldNote.ShouldContain("review.requested_date_in_past");
        submitted.HoldNote.ShouldContain("before today (2027-03-30)");
    }

    [Fact]
    public async Task In_Tokyo_after_midnight_stock_on_the_shelf_is_promised_for_the_local_today()
    {
        using var api = await ApiAtAsync("Asia/Tokyo", TokyoHalfPastMidnight);
        await api.ReceiveAsync("MAIN", "CHAI", 10);

        var order = await PlaceAsync(api, The30th.AddDays(7), ("CHAI", 4));

        order.Lines.ShouldHaveSingleItem().PromisedDate.ShouldBe(The30th);
        api.ServerToday.ShouldBe(The30th);
    }

    [Fact]
    public async Task In_Tokyo_after_midnight_an_invoice_and_a_payment_are_dated_the_local_day_and_due_from_it()
    {
        using var api = await ApiAtAsync("Asia/Tokyo", TokyoHalfPastMidnight);

        var (_, invoice) = await api.InvoicedOrderAsync(3);
        var payment = await OrderlyApi.Read<PaymentView>(
            await api.Client.PostAsJsonAsync($"/api/invoices/{invoice.Id}/payments", new { amount = 1.00m }, OrderlyApi.Json), HttpStatusCode.Created);

        (invoice.IssuedOn, invoice.DueOn).ShouldBe((The30th, The30th.AddDays(30)));
        payment.ReceivedOn.ShouldBe(The30th);
    }

    [Fact]
    public async Task In_Shanghai_before_eight_on_new_years_day_the_invoice_is_dated_the_1st_and_numbered_in_the_new_year()
    {
        using var api = await ApiAtAsync("Asia/Shanghai", ShanghaiBeforeEight);

        var (order, invoice) = await api.InvoicedOrderAsync(2);

        invoice.IssuedOn.ShouldBe(new DateOnly(2027, 1, 1));
        invoice.DueOn.ShouldBe(new DateOnly(2027, 1, 31));
        invoice.Number.ShouldStartWith("INV-2027-");
        order.Number.ShouldStartWith("SO-2027-");
    }

    [Fact]
    public async Task In_Tokyo_after_midnight_a_purchase_order_promised_for_yesterday_is_late_and_cannot_be_promised_for_it()
    {
        using var api = await ApiAtAsync("Asia/Tokyo", TokyoHalfPastMidnight.AddHours(-12)); // 12:31 on the 29th in Tokyo
        await BackorderAndPromiseTests.OfferAsync(api, "ACME", "CHAI", leadTimeDays: 7);
        var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
            new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 20, unitPrice = 4.5m } } },
            OrderlyApi.Json), HttpStatusCode.Created);
        await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json);
        (await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/confirm", new { promisedDate = The29th }, OrderlyApi.Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        api.Clock.MoveTo(TokyoHalfPastMidnight);

        (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).IsLate.ShouldBeTrue();
        var again = await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/confirm", new { promisedDate = The29th }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(again, HttpStatusCode.BadRequest, "purchase_order.promised_date_in_past")).Detail.ShouldContain("2027-03-30");
    }

    [Fact]
    public async Task The_order_list_counts_a_day_from_midnight_in_the_business_time_zone()
    {
        using var api = await ApiAtAsync("Asia/Tokyo", TokyoHalfPastMidnight);
        var order = await PlaceAsync(api, The30th.AddDays(7), ("CHAI", 1));

        var onThe30th = await api.GetAsync<OrderPage>("/api/orders?from=2027-03-30&to=2027-03-30");
        var onThe29th = await api.GetAsync<OrderPage>("/api/orders?from=2027-03-29&to=2027-03-29");

        onThe30th.Items.Select(o => o.Id).ShouldBe([order.Id]);
        onThe29th.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_first_day_of_the_calendar_is_a_valid_filter_east_of_UTC()
    {
        using var api = await ApiAtAsync("Asia/Tokyo", TokyoHalfPastMidnight);
        await PlaceAsync(api, The30th.AddDays(7), ("CHAI", 1));

        (await api.GetAsync<OrderPage>("/api/orders?from=0001-01-01&to=9999-12-31")).Items.Count.ShouldBe(1);
    }

    private static async Task<OrderlyApi> ApiAtAsync(string zone, DateTimeOffset instant)
    {
        var api = new OrderlyApi(("Orderly:BusinessTimeZone", zone));
        api.Clock.MoveTo(instant);
        await api.SeedAsync();
        return api;
    }

    private static async Task<OrderView> PlaceAsync(OrderlyApi api, DateOnly requested, params (string Sku, decimal Quantity)[] lines) =>
        await OrderlyApi.Read<OrderView>(await api.Client.PostAsJsonAsync("/api/orders", new
        {
            customerCode = "ALFKI",
            requestedDate = requested,
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
        }, OrderlyApi.Json), HttpStatusCode.Created);

}
