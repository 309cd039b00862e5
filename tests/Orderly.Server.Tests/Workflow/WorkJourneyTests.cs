using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Sales;
using Orderly.Application.Workflow;
using Orderly.Domain.People;

namespace Orderly.Server.Tests.Workflow;

/// <summary>
/// Issue 11's journey through the API: an order placed by sales passes through sales, review, the warehouse, finance and
/// order administration; at each handoff its step lands in the owning department's queue with an assignee and a due
/// time on the business calendar (Asia/Shanghai, Monday to Friday 09:00–18:00); the review step warns, breaches and
/// escalates at exact times of a fake clock; a pause on the customer moves the due time by the paused working time.
/// </summary>
public sealed class WorkJourneyTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(30);

    internal sealed record Me(Guid Id, string Email);

    internal static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        new(new DateTime(2026, 12, day, hour, minute, 0), Shanghai.GetUtcOffset(new DateTime(2026, 12, day)));

    internal static OrderlyApi Api() => new(("Orderly:BusinessTimeZone", "Asia/Shanghai"), ("Orderly:Workflow:SlaWatchSeconds", "3600"));

    internal static async Task<Guid> IdOf(HttpClient client) => (await OrderlyApi.Read<Me>(await client.GetAsync("/api/me"), HttpStatusCode.OK)).Id;

    [Fact]
    public async Task An_order_moves_through_five_departments_with_an_assignee_and_a_due_time_at_each_step()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9)); // Monday 7 December 2026, 09:00
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 100);
        var sales = api.ClientFor("sales@orderly.test", Role.Sales);
        var reviewer = api.ClientFor("reviewer@orderly.test", Role.Review);
        var reviewLead = api.ClientFor("review-lead@orderly.test", Role.Review);
        var warehouse = api.ClientFor("warehouse@orderly.test", Role.Warehouse);
        _ = api.ClientFor("finance@orderly.test", Role.Finance);
        _ = api.ClientFor("orders@orderly.test", Role.OrderAdministration);
        var manager = api.ClientFor("manager@orderly.test", Role.Management);
        var (reviewerId, leadId) = (await IdOf(reviewer), await IdOf(reviewLead));
        await OrderlyApi.Read<DepartmentView>(await api.Client.PutAsJsonAsync("/api/workflow/departments/review", new { leadId }, OrderlyApi.Json), HttpStatusCode.OK);
        foreach (var full in new[] { leadId, await IdOf(api.Client) }) // the lead, and the bootstrap administrator (order administration)
            (await api.Client.PutAsJsonAsync($"/api/workflow/people/{full}/capacity", new { capacity = 0 }, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Sales enters it: the draft is sales' work, due 8 working hours later.
        var order = await OrderlyApi.Read<OrderView>(await sales.PostAsJsonAsync("/api/orders", new
        {
            customerCode = "ALFKI", requestedDate = api.ServerToday.AddDays(14), lines = new[] { new { sku = "CHAI", quantity = 10, unitPrice = 15.00m } },
        }, OrderlyApi.Json), HttpStatusCode.Created);
        var entering = await NextStepAsync(api, order.Id);
        (entering.Step, entering.Department, entering.Assignee!.Name).ShouldBe(("enter", "sales", "sales@orderly.test"));
        entering.DueAt!.Value.ShouldBe(Local(7, 17), Slack);
        (await OrderlyApi.Read<WorkQueuePage>(await sales.GetAsync("/api/work/mine"), HttpStatusCode.OK)).Items.ShouldHaveSingleItem().OrderId.ShouldBe(order.Id);

        // Submitted at a price 16.7 % below list (the product allows 10 %): a price hold, the review department's step, 4 working hours.
        (await OrderlyApi.Read<OrderView>(await sales.PostAsJsonAsync($"/api/orders/{order.Id}/submit", new { }, OrderlyApi.Json), HttpStatusCode.OK))
            .HoldReason.ShouldBe("Price");
        var review = await NextStepAsync(api, order.Id);
        (review.Step, review.Department, review.Assignee!.Id).ShouldBe(("review", "review", reviewerId), "the lead has capacity 0");
        review.AssignmentReason.ShouldStartWith("review; 0 open of capacity 10");
        review.DueAt!.Value.ShouldBe(Local(7, 13), Slack);
        review.WarnAt!.Value.ShouldBe(Local(7, 12), Slack);
        (await OrderlyApi.Read<WorkQueuePage>(await sales.GetAsync("/api/work/mine"), HttpStatusCode.OK)).Items.ShouldBeEmpty("sales' step is done");
        (await OrderlyApi.Read<WorkQueuePage>(await reviewer.GetAsync("/api/work/departments/review"), HttpStatusCode.OK)).Items.Single().Id.ShouldBe(review.Id);

        // The SLA watch: nothing before 12:00, a warning after it, a breach (to the lead) after 13:00, management after 15:00.
        await WatchAsync(api, Local(7, 11, 59), warned: 0, breached: 0, escalated: 0);
        await WatchAsync(api, Local(7, 12, 1), warned: 1, breached: 0, escalated: 0);
        (await NextStepAsync(api, order.Id)).State.ShouldBe("warned");
        await WatchAsync(api, Local(7, 13, 1), warned: 0, breached: 1, escalated: 0);
        (await NextStepAsync(api, order.Id)).EscalationLevel.ShouldBe(1);
        await WatchAsync(api, Local(7, 15, 1), warned: 0, breached: 0, escalated: 1);
        await WatchAsync(api, Local(7, 16), warned: 0, breached: 0, escalated: 0);
        (await InboxAsync(reviewer)).Select(n => n.Kind).ShouldBe(["breached", "warned", "assigned"]);
        (await InboxAsync(reviewLead)).Select(n => n.Kind).ShouldBe(["breached"]);
        var toManagement = (await InboxAsync(manager)).ShouldHaveSingleItem();
        toManagement.Kind.ShouldBe("escalated");
        toManagement.Text.ShouldContain(order.Number);

        // Review approves at 16:00: sales confirms with the customer, who takes a day to answer (the clock pauses).
        (await OrderlyApi.Read<OrderView>(await reviewer.PostAsJsonAsync($"/api/orders/{order.Id}/approve", new { reason = "agreed price" }, OrderlyApi.Json),
            HttpStatusCode.OK)).Status.ShouldBe("Approved");
        var confirming = await NextStepAsync(api, order.Id);
        (confirming.Step, confirming.Department).ShouldBe(("confirm-with-customer", "sales"));
        confirming.DueAt!.Value.ShouldBe(Local(8, 15), Slack, "8 working hours from Monday 16:00");
        var waiting = await OrderlyApi.Read<WorkItemView>(await sales.PostAsJsonAsync($"/api/work/{confirming.Id}/wait",
            new { waitingOn = "customer", note = "asked for the delivery address" }, OrderlyApi.Json), HttpStatusCode.OK);
        (waiting.State, waiting.WaitingOn, waiting.DueAt).ShouldBe(("waiting", "customer", null));
        api.Clock.MoveTo(Local(8, 16));
        var resumed = await OrderlyApi.Read<WorkItemView>(await sales.PostAsync($"/api/work/{confirming.Id}/resume", ApiRequests.NoBody()), HttpStatusCode.OK);
        resumed.State.ShouldBe("running");
        resumed.DueAt!.Value.ShouldBe(Local(9, 15), Slack, "the 7 working hours left count from Tuesday 16:00");

        // Confirmed: the warehouse reserves and ships, finance invoices and collects, order administration closes.
        await api.RunAsync(order.Id, "confirm");
        await StepIsAsync(api, order.Id, "reserve", "warehouse@orderly.test");
        (await OrderlyApi.Read<WorkQueuePage>(await warehouse.GetAsync("/api/work/mine"), HttpStatusCode.OK)).Items.Single().Step.ShouldBe("reserve");
        await api.RunAsync(order.Id, "reserve");
        await StepIsAsync(api, order.Id, "ship", "warehouse@orderly.test");
        await api.RunAsync(order.Id, "ship");
        await StepIsAsync(api, order.Id, "invoice", "finance@orderly.test");
        (await OrderlyApi.Read<WorkQueuePage>(await warehouse.GetAsync("/api/work/mine"), HttpStatusCode.OK)).Items.ShouldBeEmpty();
        var invoiced = await api.RunAsync(order.Id, "invoice");
        await StepIsAsync(api, order.Id, "collect-payment", "finance@orderly.test");
        (await NextStepAsync(api, order.Id)).DueAt.ShouldBeNull("payment follows the invoice's due date, not an SLA");
        await api.RunAsync(order.Id, "record-payment", new { amount = invoiced.InvoicedAmount });
        await StepIsAsync(api, order.Id, "close", "orders@orderly.test");
        await api.RunAsync(order.Id, "close");

        var work = await api.GetAsync<OrderWorkView>($"/api/orders/{order.Id}/work");
        work.NextStep.ShouldBeNull();
        var breach = (await api.GetAsync<List<ExceptionView>>($"/api/orders/{order.Id}/exceptions")).ShouldHaveSingleItem();
        (breach.Type, breach.Department, breach.Status, breach.Assignee!.Name).ShouldBe(("sla-breach", "order-administration", "open", "orders@orderly.test"),
            "the review's breach raised an exception for order administration, still theirs to close");
        work.Open.ShouldHaveSingleItem().ExceptionId.ShouldBe(breach.Id);
        work.Done.Select(d => d.Step).Reverse().ShouldBe(["enter", "review", "confirm-with-customer", "reserve", "ship", "invoice", "collect-payment", "close"]);
        work.Done.Single(d => d.Step == "review").EscalationLevel.ShouldBe(2);
        var kinds = work.Events.Where(e => e.Step == "review").Select(e => e.Kind);
        kinds.ShouldBe(["started", "assigned", "warned", "breached", "escalated", "done"]);
        work.Events.Where(e => e.Step == "confirm-with-customer").Select(e => e.Kind).ShouldBe(["started", "assigned", "paused", "resumed", "done"]);
        await ProcessFiguresTests.TalliesMatchTheWorkItemsAsync(api);
    }

    [Fact]
    public async Task Nobody_with_room_leaves_the_step_unassigned_and_order_administration_assigns_it()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9));
        await api.SeedAsync();
        var clerk = api.ClientFor("clerk@orderly.test", Role.Warehouse);
        var clerkId = await IdOf(clerk);
        (await api.Client.PutAsJsonAsync($"/api/workflow/people/{clerkId}/capacity", new { capacity = 0 }, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var orderAdmin = api.ClientFor(Role.OrderAdministration);

        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 1));

        var reserve = await NextStepAsync(api, order.Id);
        (reserve.Step, reserve.Assignee).ShouldBe(("reserve", null));
        reserve.AssignmentReason.ShouldBe("warehouse: all 1 people at capacity; unassigned queue");
        (await OrderlyApi.Read<WorkQueuePage>(await orderAdmin.GetAsync("/api/work/unassigned?department=warehouse"), HttpStatusCode.OK))
            .Items.Single().Id.ShouldBe(reserve.Id);
        var assigned = await OrderlyApi.Read<WorkItemView>(await orderAdmin.PostAsJsonAsync($"/api/work/{reserve.Id}/assign",
            new { userId = clerkId, reason = "clerk is back from leave" }, OrderlyApi.Json), HttpStatusCode.OK);
        assigned.Assignee!.Id.ShouldBe(clerkId);
        assigned.AssignmentReason.ShouldContain("clerk is back from leave");
        (await OrderlyApi.Read<WorkQueuePage>(await clerk.GetAsync("/api/work/mine"), HttpStatusCode.OK)).Items.Single().Id.ShouldBe(reserve.Id);
        (await InboxAsync(clerk)).Single().Kind.ShouldBe("assigned");
        await OrderlyApi.ProblemAsync(await clerk.PostAsJsonAsync($"/api/work/{reserve.Id}/assign", new { userId = clerkId }, OrderlyApi.Json),
            HttpStatusCode.Forbidden, "permission.work.assign");
    }

    [Fact]
    public async Task Equal_people_take_new_work_in_turn_and_claims_respect_the_department()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9));
        await api.SeedAsync();
        var first = api.ClientFor("first@orderly.test", Role.Warehouse);
        var second = api.ClientFor("second@orderly.test", Role.Warehouse);
        var outsider = api.ClientFor(Role.Finance);

        var assignees = new List<string>();
        for (var i = 0; i < 4; i++)
            assignees.Add((await NextStepAsync(api, (await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 1))).Id)).Assignee!.Name);

        assignees.Count(a => a == "first@orderly.test").ShouldBe(2);
        assignees.Count(a => a == "second@orderly.test").ShouldBe(2);
        assignees[0].ShouldNotBe(assignees[1]);
        var item = (await OrderlyApi.Read<WorkQueuePage>(await first.GetAsync("/api/work/mine"), HttpStatusCode.OK)).Items[0];
        await OrderlyApi.ProblemAsync(await second.PostAsync($"/api/work/{item.Id}/claim", ApiRequests.NoBody()), HttpStatusCode.Conflict, "work.assigned_to_other");
        (await OrderlyApi.Read<WorkItemView>(await first.PostAsync($"/api/work/{item.Id}/release", ApiRequests.NoBody()), HttpStatusCode.OK)).Assignee.ShouldBeNull();
        (await OrderlyApi.Read<WorkItemView>(await second.PostAsync($"/api/work/{item.Id}/claim", ApiRequests.NoBody()), HttpStatusCode.OK))
            .Assignee!.Name.ShouldBe("second@orderly.test");
        await OrderlyApi.ProblemAsync(await outsider.PostAsync($"/api/work/{item.Id}/claim", ApiRequests.NoBody()), HttpStatusCode.Conflict, "work.not_your_department");
    }

    internal static async Task<WorkItemView> NextStepAsync(OrderlyApi api, Guid order) =>
        (await api.GetAsync<OrderWorkView>($"/api/orders/{order}/work")).NextStep ?? throw new InvalidOperationException($"Order {order} has no next step.");

    private static async Task StepIsAsync(OrderlyApi api, Guid order, string step, string assignee)
    {
        var next = await NextStepAsync(api, order);
        (next.Step, next.Assignee?.Name).ShouldBe((step, assignee));
    }

    private static async Task WatchAsync(OrderlyApi api, DateTimeOffset at, int warned, int breached, int escalated)
    {
        api.Clock.MoveTo(at);
        var report = await OrderlyApi.Read<SlaWatchReport>(await api.Client.PostAsync("/api/workflow/sla-watch", ApiRequests.NoBody()), HttpStatusCode.OK);
        (report.Warned, report.Breached, report.Escalated).ShouldBe((warned, breached, escalated), $"at {at:HH:mm}");
    }

    internal static async Task<IReadOnlyList<NotificationView>> InboxAsync(HttpClient client) =>
        (await OrderlyApi.Read<NotificationPage>(await client.GetAsync("/api/notifications"), HttpStatusCode.OK)).Items;
}
