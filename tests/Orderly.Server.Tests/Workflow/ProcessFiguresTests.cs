using System.Net;
using Orderly.Application.Insights;
using Orderly.Domain.People;
using static Orderly.Server.Tests.Workflow.WorkJourneyTests;

namespace Orderly.Server.Tests.Workflow;

/// <summary>
/// <c>GET /api/insights/process</c> (issue 11 item 8) after a morning's work on the Shanghai standard calendar: time in
/// step, SLA met, open items, breaches and the queue's age per step and department; the kept tallies agree with the work
/// items they count.
/// </summary>
public sealed class ProcessFiguresTests
{
    [Fact]
    public async Task The_figures_show_time_in_step_sla_met_queues_breaches_and_load()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9)); // Monday 09:00
        await api.SeedAsync();
        await api.ReceiveAsync("MAIN", "CHAI", 10);
        _ = api.ClientFor("clerk@orderly.test", Role.Warehouse);
        var first = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        var second = await api.PlaceOrderAsync("ALFKI", ("CHAI", 1));
        api.Clock.MoveTo(Local(7, 9, 45));
        await api.RunAsync(first.Id, "submit"); // entered in 45 working minutes, approved: sales confirms with the customer
        await api.RunAsync(second.Id, "submit");
        api.Clock.MoveTo(Local(7, 10));
        await api.RunAsync(first.Id, "confirm"); // the warehouse reserves it

        var figures = await api.GetAsync<ProcessFiguresView>("/api/insights/process");

        var enter = figures.Steps.Single(s => s.Step == "enter");
        (enter.Department, enter.Done, enter.WithSla, enter.MetSla, enter.SlaMetPercent, enter.Open).ShouldBe(("sales", 2L, 2L, 2L, 100m, 0L));
        enter.P50Minutes!.Value.ShouldBeInRange(30m, 60m);
        enter.MeanMinutes!.Value.ShouldBe(45m, 0.5m);
        var confirming = figures.Steps.Single(s => s.Step == "confirm-with-customer");
        (confirming.Done, confirming.Open, confirming.Unassigned).ShouldBe((1L, 1L, 1L), "nobody holds the sales role");
        var reserve = figures.Steps.Single(s => s.Step == "reserve");
        (reserve.Open, reserve.Unassigned, reserve.Done, reserve.P50Minutes).ShouldBe((1L, 0L, 0L, null));
        var sales = figures.Departments.Single(d => d.Department == "sales");
        (sales.Done, sales.Open).ShouldBe((3L, 1L));
        sales.OldestOpenSince!.Value.ShouldBe(Local(7, 9, 45), TimeSpan.FromSeconds(30));
        var warehouse = figures.Departments.Single(d => d.Department == "warehouse");
        warehouse.People.Single().Open.ShouldBe(1);
        (figures.From, figures.To).ShouldBe((api.ServerToday.AddDays(-29), api.ServerToday));

        // Tuesday 10:00: the second order's confirmation (480 working minutes from Monday 09:45) is overdue.
        api.Clock.MoveTo(Local(8, 10));
        await OrderlyApi.Read<Orderly.Application.Workflow.SlaWatchReport>(await api.Client.PostAsync("/api/workflow/sla-watch", ApiRequests.NoBody()), HttpStatusCode.OK);
        var later = await api.GetAsync<ProcessFiguresView>("/api/insights/process");
        later.Steps.Single(s => s.Step == "confirm-with-customer").OpenBreaches.ShouldBe(1);
        later.Departments.Single(d => d.Department == "sales").OpenBreaches.ShouldBe(1);
        await TalliesMatchTheWorkItemsAsync(api);
    }

    [Fact]
    public async Task A_range_that_does_not_read_is_refused_and_customers_do_not_read_the_figures()
    {
        using var api = Api();
        await api.SeedAsync();
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/insights/process?from=2026-12-10&to=2026-12-01"), HttpStatusCode.BadRequest,
            "insights.invalid_range");
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/insights/process?from=2025-01-01&to=2026-12-01"), HttpStatusCode.BadRequest,
            "insights.invalid_range");
        await OrderlyApi.ProblemAsync(await api.ClientForCustomer("ALFKI").GetAsync("/api/insights/process"), HttpStatusCode.Forbidden,
            "permission.insights.read");
    }

    /// <summary>The kept counts per department and step equal what the work items say (the invariant WorkTallies keeps).</summary>
    internal static async Task TalliesMatchTheWorkItemsAsync(OrderlyApi api)
    {
        foreach (var (counted, kept) in new[]
        {
            ("done_at IS NULL", "open_items"), ("done_at IS NULL AND assignee_id IS NULL", "unassigned"),
            ("done_at IS NULL AND breached_at IS NOT NULL", "breached"),
        })
            Convert.ToInt64(await api.ScalarAsync($"SELECT COUNT(*) FROM work_items WHERE {counted}"))
                .ShouldBe(Convert.ToInt64(await api.ScalarAsync($"SELECT COALESCE(SUM({kept}), 0) FROM work_queue_counts")), kept);
        Convert.ToInt64(await api.ScalarAsync("SELECT COUNT(*) FROM work_items WHERE done_at IS NOT NULL"))
            .ShouldBe(Convert.ToInt64(await api.ScalarAsync("SELECT COALESCE(SUM(done), 0) FROM work_step_days")), "done");
    }
}
