using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Billing;
using Orderly.Application.Fulfilment;
using Orderly.Application.Inventory;
using Orderly.Application.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// Commands the order's state, the stock or the money do not allow are refused with a named rule, and leave everything
/// as it was.
/// </summary>
public sealed class LifecycleRefusalTests
{
    [Fact]
    public async Task Ship_on_a_draft_is_a_409_naming_the_allowed_commands()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var problem = await OrderlyApi.ProblemAsync(await api.CommandAsync(order.Id, "ship"), HttpStatusCode.Conflict, "order.command_not_allowed");

        problem.Detail.ShouldContain("Draft");
        problem.Detail.ShouldContain("edit, submit, cancel");
        problem.Errors.ShouldBeNull();
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("approve")]
    [InlineData("release")]
    [InlineData("reserve")]
    [InlineData("ship")]
    [InlineData("invoice")]
    [InlineData("record-payment")]
    [InlineData("close")]
    public async Task Commands_the_table_has_no_row_for_are_409_on_an_approved_order(string command)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var approved = await api.RunAsync(order.Id, "submit");
        approved.AllowedActions.ShouldBe(["confirm", "hold", "cancel"]);

        var response = await api.CommandAsync(order.Id, command, new { reason = "because", amount = 1m });

        var problem = await OrderlyApi.ProblemAsync(response, HttpStatusCode.Conflict, "order.command_not_allowed");
        problem.Detail.ShouldContain("while the order is Approved. Allowed now: confirm, hold, cancel.");
    }

    [Fact]
    public async Task Reserve_with_nothing_left_to_reserve_is_a_409_by_its_guard()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 5);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5));
        await api.RunAsync(order.Id, "reserve");

        await OrderlyApi.ProblemAsync(await api.CommandAsync(order.Id, "reserve"), HttpStatusCode.Conflict, "order.nothing_to_reserve");
    }

    [Theory]
    [InlineData("fly")]
    [InlineData("review")]
    [InlineData("edit")]
    [InlineData("%20")]
    public async Task An_unknown_command_is_a_400_order_command_unknown(string command)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var response = await api.CommandAsync(order.Id, command);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "order.command_unknown")).ShouldHaveFieldErrors("command");
        (await api.OrderAsync(order.Id)).Version.ShouldBe(order.Version);
    }

    [Fact]
    public async Task The_unknown_command_message_lists_the_commands_there_are()
    {
        using var api = new OrderlyApi();
        var problem = await OrderlyApi.ProblemAsync(await api.CommandAsync(Guid.NewGuid(), "fly"), HttpStatusCode.BadRequest, "order.command_unknown");

        problem.Detail.ShouldContain("'fly'");
        problem.Detail.ShouldContain("submit, approve, reject, hold, release, confirm, reserve, ship, invoice, record-payment, close, cancel");
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/history")]
    [InlineData("GET", "/shipments")]
    [InlineData("GET", "/invoices")]
    [InlineData("POST", "/submit")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/shipments")]
    [InlineData("POST", "/invoices")]
    [InlineData("PUT", "")]
    public async Task An_unknown_order_is_a_404_order_not_found(string method, string suffix)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        // each body is valid for its endpoint (an unknown property would be refused before the order is looked up)
        var body = method == "PUT" ? new { lines = new[] { new { sku = "CHAI", quantity = 1 } } }
            : method == "POST" ? suffix is "/submit" or "/cancel" ? new { reason = "x" } : (object)new { }
            : null;

        var response = await api.SendJsonAsync(new HttpMethod(method), $"/api/orders/{Guid.NewGuid()}{suffix}", body);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.NotFound, "order.not_found")).Errors.ShouldBeNull();
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/payments")]
    [InlineData("POST", "/payments")]
    public async Task An_unknown_invoice_is_a_404_invoice_not_found(string method, string suffix)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendJsonAsync(new HttpMethod(method), $"/api/invoices/{Guid.NewGuid()}{suffix}", method == "POST" ? new { amount = 1m } : null);

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.NotFound, "invoice.not_found");
    }

    [Fact]
    public async Task Record_payment_naming_an_invoice_the_order_does_not_have_is_a_404()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (order, _) = await api.InvoicedOrderAsync(2);

        var response = await api.CommandAsync(order.Id, "record-payment", new { amount = 1m, invoiceNumber = "IN-1999-000001" });

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.NotFound, "invoice.not_found");
        (await api.OrderAsync(order.Id)).PaidAmount.ShouldBe(0m);
    }

    [Theory]
    [InlineData("Draft", "cancel")]
    [InlineData("OnHold", "approve")]
    [InlineData("OnHold", "reject")]
    [InlineData("OnHold", "cancel")]
    [InlineData("Approved", "hold")]
    [InlineData("Approved", "cancel")]
    public async Task Commands_that_need_a_reason_without_one_are_a_400_order_reason_required(string state, string command)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync(state == "OnHold" ? "TIGHT" : "ALFKI", ("CHAI", 10));
        if (state != "Draft") (await api.RunAsync(order.Id, "submit")).Status.ShouldBe(state);
        var before = await api.OrderAsync(order.Id);

        var blank = await api.CommandAsync(order.Id, command, new { reason = "   " });
        (await OrderlyApi.ProblemAsync(blank, HttpStatusCode.BadRequest, "order.reason_required")).ShouldHaveFieldErrors("reason");
        var missing = await api.CommandAsync(order.Id, command);
        (await OrderlyApi.ProblemAsync(missing, HttpStatusCode.BadRequest, "order.reason_required")).ShouldHaveFieldErrors("reason");

        var after = await api.OrderAsync(order.Id);
        (after.Status, after.Version).ShouldBe((before.Status, before.Version));
    }

    [Fact]
    public async Task A_command_without_any_body_is_read_as_an_empty_one()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var submitted = await OrderlyApi.Read<OrderView>(await api.Client.PostAsync($"/api/orders/{order.Id}/submit", ApiRequests.NoBody()), HttpStatusCode.OK);

        submitted.Status.ShouldBe("Approved");
    }

    [Fact]
    public async Task A_refused_command_leaves_the_order_and_its_history_unchanged()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 5);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5));
        var before = await api.OrderAsync(order.Id);
        var historyBefore = await api.HistoryAsync(order.Id);

        await OrderlyApi.ProblemAsync(await api.CommandAsync(order.Id, "ship"), HttpStatusCode.Conflict, "order.command_not_allowed");
        await OrderlyApi.ProblemAsync(await api.CommandAsync(order.Id, "approve", new { reason = "why not" }), HttpStatusCode.Conflict,
            "order.command_not_allowed");
        await OrderlyApi.ProblemAsync(await api.CommandAsync(order.Id, "cancel"), HttpStatusCode.BadRequest, "order.reason_required");

        var after = await api.OrderAsync(order.Id);
        after.Version.ShouldBe(before.Version);
        after.Status.ShouldBe("Confirmed");
        after.UpdatedAt.ShouldBe(before.UpdatedAt);
        after.AllowedActions.ShouldBe(before.AllowedActions);
        (await api.HistoryAsync(order.Id)).Count.ShouldBe(historyBefore.Count);
        (await api.GetAsync<List<StockMovementView>>($"/api/stock/movements?orderId={order.Id}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Shipping_more_than_is_reserved_is_a_400_shipment_invalid_and_moves_no_stock()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 4);
        await api.ReceiveAsync("MAIN", "COFFEE", 10);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 10), ("COFFEE", 1));
        var reserved = await api.RunAsync(order.Id, "reserve");
        reserved.Lines[0].ReservedQuantity.ShouldBe(4m);

        var response = await api.Client.PostAsJsonAsync($"/api/orders/{order.Id}/shipments",
            new { lines = new object[] { new { lineNo = 1, quantity = 5 }, new { lineNo = 2, quantity = 0.0001m }, new { lineNo = 9, quantity = 1 } } },
            OrderlyApi.Json);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "shipment.invalid"))
            .ShouldHaveFieldErrors("lines[0].quantity", "lines[1].quantity", "lines[2].lineNo");
        (await api.OrderAsync(order.Id)).Version.ShouldBe(reserved.Version);
        (await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI")).Single().OnHand.ShouldBe(4m);
        (await api.GetAsync<List<ShipmentView>>($"/api/orders/{order.Id}/shipments")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_ship_command_refuses_more_than_is_reserved_the_same_way()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 4);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 10));
        await api.RunAsync(order.Id, "reserve");

        var response = await api.CommandAsync(order.Id, "ship", new { lines = new[] { new { lineNo = 1, quantity = 5 } } });

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, "shipment.invalid")).ShouldHaveFieldErrors("lines[0].quantity");
    }

    [Fact]
    public async Task Invoicing_before_anything_shipped_is_a_409()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 5);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5));
        await api.RunAsync(order.Id, "reserve");

        var response = await api.Client.PostAsync($"/api/orders/{order.Id}/invoices", ApiRequests.NoBody());

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.Conflict, "order.nothing_to_invoice");
        (await api.GetAsync<List<InvoiceView>>($"/api/orders/{order.Id}/invoices")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Overpaying_an_invoice_is_a_409_and_records_nothing()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (order, invoice) = await api.InvoicedOrderAsync(2); // 36.00 + 7 % = 38.52

        var direct = await api.Client.PostAsJsonAsync($"/api/invoices/{invoice.Id}/payments", new { amount = 38.53m }, OrderlyApi.Json);
        (await OrderlyApi.ProblemAsync(direct, HttpStatusCode.Conflict, "payment.exceeds_open_amount")).Detail.ShouldContain("38.52");
        var viaOrder = await api.CommandAsync(order.Id, "record-payment", new { amount = 100m });
        await OrderlyApi.ProblemAsync(viaOrder, HttpStatusCode.Conflict, "payment.exceeds_open_amount");

        (await api.GetAsync<InvoiceView>($"/api/invoices/{invoice.Id}")).PaidAmount.ShouldBe(0m);
        var after = await api.OrderAsync(order.Id);
        (after.PaidAmount, after.Version).ShouldBe((0m, order.Version));
    }

    [Theory]
    [InlineData("0", "payment.amount_not_positive")]
    [InlineData("-5", "payment.amount_not_positive")]
    [InlineData("1.001", "payment.amount_too_precise")]
    public async Task A_payment_amount_that_is_not_positive_or_too_precise_is_a_400(string amount, string code)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (_, invoice) = await api.InvoicedOrderAsync(2);

        var response = await api.SendRawAsync(HttpMethod.Post, $"/api/invoices/{invoice.Id}/payments", $$"""{"amount": {{amount}}}""");

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, code)).ShouldHaveFieldErrors("amount");
    }

    [Fact]
    public async Task Record_payment_without_an_amount_is_a_400()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var (order, _) = await api.InvoicedOrderAsync(2);

        (await OrderlyApi.ProblemAsync(await api.CommandAsync(order.Id, "record-payment"), HttpStatusCode.BadRequest, "payment.amount_required"))
            .ShouldHaveFieldErrors("amount");
    }

    [Fact]
    public async Task Cancel_after_a_shipment_is_a_409()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 10));
        await api.RunAsync(order.Id, "reserve");
        var partly = await api.RunAsync(order.Id, "ship", new { lines = new[] { new { lineNo = 1, quantity = 4 } } });
        partly.Status.ShouldBe("Fulfilling");
        partly.AllowedActions.ShouldNotContain("cancel");

        var problem = await OrderlyApi.ProblemAsync(await api.CommandAsync(order.Id, "cancel", new { reason = "customer changed mind" }),
            HttpStatusCode.Conflict, "order.cannot_cancel_after_shipment");

        problem.Detail.ShouldContain("shipped");
        var after = await api.OrderAsync(order.Id);
        (after.Status, after.Version, after.Lines[0].ReservedQuantity).ShouldBe(("Fulfilling", partly.Version, 6m));

        var shipped = await api.RunAsync(order.Id, "ship");
        shipped.Status.ShouldBe("Shipped");
        await OrderlyApi.ProblemAsync(await api.CommandAsync(order.Id, "cancel", new { reason = "too late" }), HttpStatusCode.Conflict,
            "order.command_not_allowed");
    }

    [Fact]
    public async Task Cancelling_a_reserved_order_releases_its_stock_through_the_ledger()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 6);
        await api.ReceiveAsync("EAST", "CHAI", 10);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 8));
        await api.RunAsync(order.Id, "reserve");
        (await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI")).Sum(s => s.Reserved).ShouldBe(8m);

        var cancelled = await api.RunAsync(order.Id, "cancel", new { reason = "customer withdrew" });

        cancelled.Status.ShouldBe("Cancelled");
        cancelled.Reservations.ShouldBeEmpty();
        cancelled.Lines.Single().ReservedQuantity.ShouldBe(0m);
        var stock = await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI");
        stock.Select(s => (s.WarehouseCode, s.OnHand, s.Reserved, s.Available)).ShouldBe([("MAIN", 6m, 0m, 6m), ("EAST", 10m, 0m, 10m)]);
        var movements = await api.GetAsync<List<StockMovementView>>($"/api/stock/movements?orderId={order.Id}");
        movements.Where(m => m.Kind == "Reservation").Sum(m => m.ReservedChange).ShouldBe(8m);
        movements.Where(m => m.Kind == "Release").Sum(m => m.ReservedChange).ShouldBe(-8m);
        movements.Select(m => m.Kind).Distinct().ShouldBe(["Release", "Reservation"], ignoreOrder: true);
        movements.ShouldAllBe(m => m.OnHandChange == 0m && m.OrderId == order.Id && m.Actor == OrderlyApi.AdminEmail);
        (await api.HistoryAsync(order.Id)).Last().Reason.ShouldContain("customer withdrew");
    }

    [Fact]
    public async Task A_cancelled_order_allows_nothing_more()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var cancelled = await api.RunAsync(order.Id, "cancel", new { reason = "duplicate" });
        cancelled.AllowedActions.ShouldBeEmpty();

        var problem = await OrderlyApi.ProblemAsync(await api.CommandAsync(order.Id, "cancel", new { reason = "again" }), HttpStatusCode.Conflict,
            "order.command_not_allowed");
        problem.Detail.ShouldContain("nothing (the order is final)");
        var edit = await api.Client.PutAsJsonAsync($"/api/orders/{order.Id}", new { lines = new[] { new { sku = "CHAI", quantity = 2 } } }, OrderlyApi.Json);
        await OrderlyApi.ProblemAsync(edit, HttpStatusCode.Conflict, "order.command_not_allowed");
    }

    [Fact]
    public async Task A_stock_adjustment_below_what_is_reserved_is_a_409()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 8));
        await api.RunAsync(order.Id, "reserve");

        var below = await api.Client.PostAsJsonAsync("/api/stock/adjustments", new { warehouseCode = "MAIN", sku = "CHAI", change = -3m, reason = "count" },
            OrderlyApi.Json);
        await OrderlyApi.ProblemAsync(below, HttpStatusCode.Conflict, "stock.adjustment_below_reserved");
        (await api.GetAsync<List<StockView>>("/api/stock?sku=CHAI&warehouse=MAIN")).Single().OnHand.ShouldBe(10m);

        var toReserved = await api.Client.PostAsJsonAsync("/api/stock/adjustments", new { warehouseCode = "MAIN", sku = "CHAI", change = -2m, reason = "count" },
            OrderlyApi.Json);
        (await OrderlyApi.Read<StockView>(toReserved, HttpStatusCode.OK)).ShouldBe(new StockView("MAIN", "CHAI", 8m, 8m, 0m));
    }

    [Fact]
    public async Task A_negative_adjustment_where_there_is_no_stock_is_a_409_and_leaves_no_trace()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.Client.PostAsJsonAsync("/api/stock/adjustments", new { warehouseCode = "EAST", sku = "COFFEE", change = -1m, reason = "loss" },
            OrderlyApi.Json);

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.Conflict, "stock.adjustment_below_reserved");
        (await api.GetAsync<List<StockMovementView>>("/api/stock/movements")).ShouldBeEmpty();
        (await api.GetAsync<List<StockView>>("/api/stock")).ShouldBeEmpty();
    }
}
