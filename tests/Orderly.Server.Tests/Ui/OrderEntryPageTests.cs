using System.Net;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests.Ui;

/// <summary>
/// Order entry in the browser (issue 12): "Check" shows the API's refusals next to their fields and what review would
/// hold the order for, writing nothing; "Place" takes the order as POST /api/orders does; a draft is edited with the
/// version the page showed, and a stale edit is refused; a customer user orders for its own customer.
/// </summary>
public sealed class OrderEntryPageTests
{
    [Fact]
    public async Task Check_shows_the_apis_refusals_next_to_their_fields_and_what_review_would_hold_writing_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var sales = await UiBrowser.SignedInAsAsync(api, "sam@orderly.test", ["sales"]);
        var (page, html) = await sales.GetAsync("/app/orders/new");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<label for=\"customer\">Customer code</label>");

        var (refused, refusal) = await sales.PostAsync("/app/orders/new", html, "order-entry", ("Form.Act", "check"), ("Form.CustomerCode", "ALFKI"),
            ("Form.Lines[0].Sku", "NOPE"), ("Form.Lines[0].Quantity", "1"),
            ("Form.Lines[1].Sku", ""), ("Form.Lines[1].Quantity", ""),
            ("Form.Lines[2].Sku", "CHAI"), ("Form.Lines[2].Quantity", "1.5"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refusal.ShouldContain("<span id=\"sku-0-error\" class=\"field-error\">No product has SKU 'NOPE'.</span>");
        refusal.ShouldContain("<span id=\"quantity-1-error\" class=\"field-error\">", customMessage: "the empty row is dropped, so the CHAI row is row 2 and its error is next to it");
        refusal.ShouldContain("value=\"1.5\"", customMessage: "what was typed stays in the form");

        var (checkedOk, preview) = await sales.PostAsync("/app/orders/new", html, "order-entry", ("Form.Act", "check"), ("Form.CustomerCode", "ALFKI"),
            ("Form.RequestedDate", api.ServerToday.AddDays(10).ToString("yyyy-MM-dd")), ("Form.Lines[0].Sku", "CHAI"), ("Form.Lines[0].Quantity", "10"),
            ("Form.Lines[0].UnitPrice", "15"));
        checkedOk.StatusCode.ShouldBe(HttpStatusCode.OK);
        preview.ShouldContain("data-findings=\"review.price_below_allowed_discount\"", customMessage: "15 is below 18 less the allowed 10 %: review would hold it");
        preview.ShouldContain("As it would be taken: 160.50 EUR", customMessage: "10 × 15 plus 7 % tax");
        (await api.GetAsync<OrderPage>("/api/orders")).Items.ShouldBeEmpty("a check writes nothing");
    }

    [Fact]
    public async Task Place_takes_the_order_and_a_draft_is_edited_with_the_version_shown_and_a_stale_edit_is_refused()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var sales = await UiBrowser.SignedInAsAsync(api, "sam@orderly.test", ["sales"]);
        var (_, html) = await sales.GetAsync("/app/orders/new");

        var (placed, _) = await sales.PostAsync("/app/orders/new", html, "order-entry", ("Form.Act", "place"), ("Form.CustomerCode", "ALFKI"),
            ("Form.Priority", "2"), ("Form.Lines[0].Sku", "CHAI"), ("Form.Lines[0].Quantity", "3"), ("Form.Lines[1].Sku", "COFFEE"), ("Form.Lines[1].Quantity", "1.25"));
        placed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var order = (await api.GetAsync<OrderPage>("/api/orders")).Items.ShouldHaveSingleItem();
        UiBrowser.PathOf(placed).ShouldBe($"/app/orders/{order.Id}?done=place");
        var taken = await api.GetAsync<OrderView>($"/api/orders/{order.Id}");
        (taken.Status, taken.Priority).ShouldBe(("Draft", 2));
        taken.Lines.Select(l => (l.Sku, l.Quantity)).ShouldBe([("CHAI", 3m), ("COFFEE", 1.25m)]);

        var edit = $"/app/orders/{order.Id}/edit";
        var (form, formHtml) = await sales.GetAsync(edit);
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        formHtml.ShouldContain("value=\"1.250\"", customMessage: "the draft's lines are in the form");
        var (saved, _) = await sales.PostAsync(edit, formHtml, "order-entry", ("Form.Act", "place"), ("Form.Version", taken.Version.ToString()),
            ("Form.Lines[0].Sku", "CHAI"), ("Form.Lines[0].Quantity", "5"));
        (saved.StatusCode, UiBrowser.PathOf(saved)).ShouldBe((HttpStatusCode.Redirect, $"/app/orders/{order.Id}?done=edit"));
        (await api.GetAsync<OrderView>($"/api/orders/{order.Id}")).Lines.ShouldHaveSingleItem().Quantity.ShouldBe(5m);

        var (stale, staleHtml) = await sales.PostAsync(edit, formHtml, "order-entry", ("Form.Act", "place"), ("Form.Version", taken.Version.ToString()),
            ("Form.Lines[0].Sku", "CHAI"), ("Form.Lines[0].Quantity", "7"));
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        staleHtml.ShouldContain("Someone else changed this order after you opened it");
        (await api.GetAsync<OrderView>($"/api/orders/{order.Id}")).Lines.Single().Quantity.ShouldBe(5m, "the stale edit changed nothing");
    }

    [Fact]
    public async Task A_customer_user_orders_for_its_own_customer_without_naming_one_and_sees_no_review_findings()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var customer = await UiBrowser.SignedInAsAsync(api, "buyer@alfki.example", ["customer"], "ALFKI");
        var (_, html) = await customer.GetAsync("/app/orders/new");
        html.ShouldNotContain("id=\"customer\"");

        var (checkedOk, preview) = await customer.PostAsync("/app/orders/new", html, "order-entry", ("Form.Act", "check"),
            ("Form.Lines[0].Sku", "CHAI"), ("Form.Lines[0].Quantity", "1"), ("Form.Lines[0].UnitPrice", "1"));
        checkedOk.StatusCode.ShouldBe(HttpStatusCode.OK);
        preview.ShouldNotContain("data-findings", customMessage: "review's findings are the company's words");
        var (placed, _) = await customer.PostAsync("/app/orders/new", html, "order-entry", ("Form.Act", "place"),
            ("Form.Lines[0].Sku", "CHAI"), ("Form.Lines[0].Quantity", "1"));
        placed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var alfki = (await api.GetAsync<List<Orderly.Application.Customers.CustomerView>>("/api/customers")).Single(c => c.Code == "ALFKI").Id;
        (await api.GetAsync<OrderPage>("/api/orders")).Items.ShouldHaveSingleItem().CustomerId.ShouldBe(alfki);
    }
}
