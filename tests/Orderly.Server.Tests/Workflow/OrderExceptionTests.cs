using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Workflow;
using Orderly.Domain.People;
using static Orderly.Server.Tests.Workflow.WorkJourneyTests;

namespace Orderly.Server.Tests.Workflow;

/// <summary>Exceptions as work (issue 11 item 5): raised on an order, owned, timed and assigned like a step, noted, resolved by their department.</summary>
public sealed class OrderExceptionTests
{
    [Fact]
    public async Task A_late_supplier_goes_to_procurement_with_the_severitys_sla_and_is_resolved_there()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9));
        await api.SeedAsync();
        var buyer = api.ClientFor("buyer@orderly.test", Role.Procurement);
        var clerk = api.ClientFor("clerk@orderly.test", Role.Warehouse);
        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 5));

        var raised = await OrderlyApi.Read<ExceptionView>(await clerk.PostAsJsonAsync($"/api/orders/{order.Id}/exceptions",
            new { type = "late-supplier", severity = "high", description = "ACME moved the delivery of CHAI by a week" }, OrderlyApi.Json), HttpStatusCode.Created);

        (raised.Type, raised.Severity, raised.Department, raised.Status, raised.RaisedBy).ShouldBe(("late-supplier", "high", "procurement", "open", "clerk@orderly.test"));
        raised.Assignee!.Name.ShouldBe("buyer@orderly.test");
        raised.DueAt!.Value.ShouldBe(Local(7, 17), TimeSpan.FromSeconds(30), "high: 480 working minutes");
        var work = await api.GetAsync<OrderWorkView>($"/api/orders/{order.Id}/work");
        var item = work.Open.Single(i => i.Step == "resolve-exception");
        (item.ExceptionId, item.Department, item.BlockedBy).ShouldBe((raised.Id, "procurement", "late-supplier (high): ACME moved the delivery of CHAI by a week"));
        work.NextStep!.Step.ShouldNotBe("resolve-exception", "the journey's next step stays the order's own");
        (await InboxAsync(buyer)).First().Kind.ShouldBe("assigned");
        (await OrderlyApi.Read<ExceptionPage>(await buyer.GetAsync("/api/exceptions?department=procurement"), HttpStatusCode.OK)).Items.Single().Id.ShouldBe(raised.Id);

        await OrderlyApi.Read<ExceptionView>(await buyer.PostAsJsonAsync($"/api/exceptions/{raised.Id}/notes", new { text = "asked EAST warehouse for stock" },
            OrderlyApi.Json), HttpStatusCode.OK);
        await OrderlyApi.ProblemAsync(await clerk.PostAsJsonAsync($"/api/exceptions/{raised.Id}/resolve", new { resolution = "done" }, OrderlyApi.Json),
            HttpStatusCode.Conflict, "exception.not_your_department");
        api.Clock.MoveTo(Local(7, 11));
        var resolved = await OrderlyApi.Read<ExceptionView>(await buyer.PostAsJsonAsync($"/api/exceptions/{raised.Id}/resolve",
            new { resolution = "sourced from SUPPLY2, arrives Thursday" }, OrderlyApi.Json), HttpStatusCode.OK);

        (resolved.Status, resolved.ResolvedBy, resolved.Assignee, resolved.Notes.Single().Text).ShouldBe(("resolved", "buyer@orderly.test", null, "asked EAST warehouse for stock"));
        await OrderlyApi.ProblemAsync(await buyer.PostAsJsonAsync($"/api/exceptions/{raised.Id}/resolve", new { resolution = "again" }, OrderlyApi.Json),
            HttpStatusCode.Conflict, "exception.resolved");
        var after = await api.GetAsync<OrderWorkView>($"/api/orders/{order.Id}/work");
        after.Open.ShouldNotContain(i => i.Step == "resolve-exception");
        after.Done.Single(i => i.Step == "resolve-exception").DoneBy.ShouldBe("buyer@orderly.test");
        (await api.GetAsync<List<ExceptionView>>($"/api/orders/{order.Id}/exceptions")).Single().Status.ShouldBe("resolved");
        (await api.GetAsync<ExceptionPage>("/api/exceptions")).Items.ShouldBeEmpty();
        await ProcessFiguresTests.TalliesMatchTheWorkItemsAsync(api);
    }

    [Fact]
    public async Task Exceptions_that_do_not_read_are_refused_and_customers_raise_none()
    {
        using var api = Api();
        await api.SeedAsync();
        var order = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));

        var refused = await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync($"/api/orders/{order.Id}/exceptions",
            new { type = "alien-invasion", severity = "extreme", description = "", department = "pirates" }, OrderlyApi.Json), HttpStatusCode.BadRequest, "exception.invalid");
        refused.Errors!.Keys.ShouldBe(["type", "severity", "description", "department"], ignoreOrder: true);
        await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync($"/api/orders/{Guid.NewGuid()}/exceptions",
            new { type = "manual", description = "x" }, OrderlyApi.Json), HttpStatusCode.NotFound, "order.not_found");
        await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/exceptions/424242/resolve", new { resolution = "x" }, OrderlyApi.Json),
            HttpStatusCode.NotFound, "exception.not_found");
        await OrderlyApi.ProblemAsync(await api.ClientForCustomer("ALFKI").PostAsJsonAsync($"/api/orders/{order.Id}/exceptions",
            new { type = "customer-complaint", description = "late" }, OrderlyApi.Json), HttpStatusCode.Forbidden, "permission.exceptions.raise");
        (await api.GetAsync<List<ExceptionView>>($"/api/orders/{order.Id}/exceptions")).ShouldBeEmpty("nothing refused was stored");
    }
}
