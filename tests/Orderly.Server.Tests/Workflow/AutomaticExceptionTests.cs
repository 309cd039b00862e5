using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Procurement;
using Orderly.Application.Replenishment;
using Orderly.Application.Workflow;
using static Orderly.Server.Tests.Workflow.WorkJourneyTests;

namespace Orderly.Server.Tests.Workflow;

/// <summary>
/// The exceptions nobody raises by hand (issue 11 item 5): a promise slipping past the requested date (jeopardy), a
/// purchase order late against its supplier's confirmed date, and a breached SLA — each raised once, as work of the
/// department that resolves it.
/// </summary>
public sealed class AutomaticExceptionTests
{
    [Fact]
    public async Task A_promise_slipping_past_the_requested_date_raises_one_jeopardy_and_notes_the_next_slip()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9));
        await api.SeedAsync();
        var prime = await BackorderAndPromiseTests.OfferAsync(api, "PRIME", "CHAI", leadTimeDays: 5, rank: 1);
        var slow = await BackorderAndPromiseTests.OfferAsync(api, "SLOW", "CHAI", leadTimeDays: 20, rank: 2);
        await BackorderAndPromiseTests.OfferAsync(api, "SLOWER", "CHAI", leadTimeDays: 30, rank: 3);
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 2)); // requested in 14 days, promised in 5
        (await api.RunAsync(order.Id, "submit")).Status.ShouldBe("Approved");
        var draft = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var today = api.ServerToday;

        await UnavailableAsync(api, prime);
        var raised = (await ExceptionsAsync(api, order.Id)).ShouldHaveSingleItem();

        (raised.Type, raised.Severity, raised.Department, raised.Status, raised.RaisedBy)
            .ShouldBe(("jeopardy", "high", "order-administration", "open", "system:workflow"));
        raised.Description.ShouldBe($"{order.Number} will come later than asked: line 1 (CHAI) now promised for {today.AddDays(20):yyyy-MM-dd} " +
                                    $"(was {today.AddDays(5):yyyy-MM-dd}); the customer asked for {today.AddDays(14):yyyy-MM-dd}.");
        raised.WorkItemId.ShouldNotBeNull();
        (await ExceptionsAsync(api, draft.Id)).ShouldBeEmpty("a draft's promise is still the salesperson's to discuss");

        await UnavailableAsync(api, slow);
        var noted = (await ExceptionsAsync(api, order.Id)).ShouldHaveSingleItem("a second slip is a note on the open exception");
        noted.Notes.ShouldHaveSingleItem().Text.ShouldContain($"slipped again: line 1 (CHAI) now promised for {today.AddDays(30):yyyy-MM-dd}");
        await ProcessFiguresTests.TalliesMatchTheWorkItemsAsync(api);
    }

    [Fact]
    public async Task A_breached_step_raises_one_sla_breach_for_order_administration_and_a_breached_exception_raises_none()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9));
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 2)); // the draft: sales' "enter", due 17:00

        api.Clock.MoveTo(Local(7, 17, 1));
        await SlaWatchAsync(api);
        await SlaWatchAsync(api);

        var breach = (await ExceptionsAsync(api, order.Id)).ShouldHaveSingleItem();
        (breach.Type, breach.Severity, breach.Department).ShouldBe(("sla-breach", "high", "order-administration"));
        breach.Description.ShouldStartWith("enter (sales) breached its SLA of 480 working minutes: due 2026-12-07 17:00;");

        api.Clock.MoveTo(Local(21, 9)); // two weeks on: the exception's own work breached long ago
        await SlaWatchAsync(api);
        (await ExceptionsAsync(api, order.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_purchase_order_late_against_its_confirmed_date_raises_a_late_supplier_exception_on_each_waiting_order()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9));
        await api.SeedAsync();
        await BackorderAndPromiseTests.OfferAsync(api, "PRIME", "CHAI", leadTimeDays: 7);
        var waiting = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5));
        var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
            new { supplierCode = "PRIME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 24 } } }, OrderlyApi.Json), HttpStatusCode.Created);
        await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json), HttpStatusCode.OK);
        await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/confirm",
            new { promisedDate = api.ServerToday.AddDays(2) }, OrderlyApi.Json), HttpStatusCode.OK);
        await api.DrainPromisesAsync();

        api.Clock.Advance(TimeSpan.FromDays(5));
        await ScanAsync(api);
        await ScanAsync(api);

        var late = (await ExceptionsAsync(api, waiting.Id)).ShouldHaveSingleItem();
        (late.Type, late.Severity, late.Department, late.PurchaseOrderId).ShouldBe(("late-supplier", "high", "procurement", po.Id));
        late.Description.ShouldContain($"{waiting.Number} line(s) 1 wait on it: {po.Number} from PRIME is 3 day(s) late");
    }

    private static async Task UnavailableAsync(OrderlyApi api, Guid supplier)
    {
        (await api.Client.PostAsJsonAsync($"/api/suppliers/{supplier}/unavailable", new { reason = "factory fire" }, OrderlyApi.Json))
            .IsSuccessStatusCode.ShouldBeTrue();
        await api.DrainPromisesAsync();
    }

    private static Task<List<ExceptionView>> ExceptionsAsync(OrderlyApi api, Guid order) => api.GetAsync<List<ExceptionView>>($"/api/orders/{order}/exceptions");

    private static async Task SlaWatchAsync(OrderlyApi api) =>
        (await api.Client.PostAsync("/api/workflow/sla-watch", ApiRequests.NoBody())).StatusCode.ShouldBe(HttpStatusCode.OK);

    private static async Task ScanAsync(OrderlyApi api) =>
        await OrderlyApi.Read<ScanReport>(await api.Client.PostAsync("/api/replenishment/scan", ApiRequests.NoBody()), HttpStatusCode.OK);
}
