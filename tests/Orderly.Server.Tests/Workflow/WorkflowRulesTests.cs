using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Workflow;
using Orderly.Domain.People;
using static Orderly.Server.Tests.Workflow.WorkJourneyTests;

namespace Orderly.Server.Tests.Workflow;

/// <summary>
/// The rules management sets through the API (issue 11 item 4): a business calendar with a lunch break and a holiday,
/// a department counting on it, and an SLA of its own for one step; what they refuse and with which code.
/// </summary>
public sealed class WorkflowRulesTests
{
    [Fact]
    public async Task A_department_on_its_own_calendar_and_sla_gets_due_times_from_them()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 11)); // Monday 11:00
        await api.SeedAsync();
        _ = api.ClientFor(Role.Warehouse);
        var calendar = await OrderlyApi.Read<CalendarView>(await api.Client.PutAsJsonAsync("/api/workflow/calendars/cn-warehouse", new
        {
            name = "Warehouse, Shanghai", timeZone = "Asia/Shanghai",
            hours = new Dictionary<string, string[]>
            {
                ["monday"] = ["08:00-12:00", "13:00-17:00"], ["tuesday"] = ["08:00-12:00", "13:00-17:00"],
                ["wednesday"] = ["08:00-12:00", "13:00-17:00"],
            },
            holidays = new[] { new DateOnly(2026, 12, 8) },
        }, OrderlyApi.Json), HttpStatusCode.OK);
        calendar.Hours["monday"].ShouldBe(["08:00-12:00", "13:00-17:00"]);
        await OrderlyApi.Read<DepartmentView>(await api.Client.PutAsJsonAsync("/api/workflow/departments/warehouse", new { calendar = "cn-warehouse" }, OrderlyApi.Json),
            HttpStatusCode.OK);
        (await api.Client.PutAsJsonAsync("/api/workflow/slas", new { step = "reserve", budgetMinutes = 360 }, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var order = await api.ConfirmedOrderAsync("ALFKI", ("CHAI", 1));

        var reserve = await NextStepAsync(api, order.Id);
        (reserve.Step, reserve.Calendar, reserve.SlaMinutes).ShouldBe(("reserve", "cn-warehouse", 360));
        // 11:00–12:00 and 13:00–17:00 on Monday (5 h), Tuesday a holiday, the last hour on Wednesday 08:00–09:00.
        reserve.DueAt!.Value.ShouldBe(Local(9, 9), TimeSpan.FromSeconds(30));
        var slas = await api.GetAsync<List<SlaDefinitionView>>("/api/workflow/slas");
        slas.Single(s => s.Step == "reserve").BudgetMinutes.ShouldBe(360);
        slas.Single(s => s.Step == "review").Source.ShouldBe("default");
    }

    [Fact]
    public async Task Calendars_slas_and_departments_that_do_not_read_are_refused_with_their_codes()
    {
        using var api = Api();
        await api.SeedAsync();

        var unreadable = await OrderlyApi.ProblemAsync(await api.Client.PutAsJsonAsync("/api/workflow/calendars/bad", new
        {
            name = "Bad", timeZone = "Mars/Olympus", hours = new Dictionary<string, string[]> { ["moonday"] = ["9-5"], ["monday"] = ["9:00-17"] },
        }, OrderlyApi.Json), HttpStatusCode.BadRequest, "calendar.invalid");
        unreadable.Errors!.Keys.ShouldBe(["timeZone", "hours.moonday", "hours.monday"], ignoreOrder: true);
        await OrderlyApi.ProblemAsync(await api.Client.PutAsJsonAsync("/api/workflow/calendars/overlap", new
        {
            name = "Overlap", timeZone = "Asia/Shanghai", hours = new Dictionary<string, string[]> { ["monday"] = ["09:00-13:00", "12:00-18:00"] },
        }, OrderlyApi.Json), HttpStatusCode.BadRequest, "calendar.invalid_hours");
        await OrderlyApi.ProblemAsync(await api.Client.PutAsJsonAsync("/api/workflow/calendars/empty", new
        {
            name = "Empty", timeZone = "Asia/Shanghai", hours = new Dictionary<string, string[]>(),
        }, OrderlyApi.Json), HttpStatusCode.BadRequest, "calendar.no_working_time");
        (await api.GetAsync<List<CalendarView>>("/api/workflow/calendars")).Select(c => c.Code).ShouldBe(["standard"], "nothing refused was stored");

        await OrderlyApi.ProblemAsync(await api.Client.PutAsJsonAsync("/api/workflow/slas", new { step = "teleport", budgetMinutes = 60 }, OrderlyApi.Json),
            HttpStatusCode.BadRequest, "sla.invalid");
        await OrderlyApi.ProblemAsync(await api.Client.PutAsJsonAsync("/api/workflow/departments/warehouse", new { calendar = "nowhere" }, OrderlyApi.Json),
            HttpStatusCode.BadRequest, "department.invalid");
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/work/departments/pirates"), HttpStatusCode.BadRequest, "work.invalid_query");
        await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/work/mine?cursor=nonsense"), HttpStatusCode.BadRequest, "work.invalid_query");
        await OrderlyApi.ProblemAsync(await api.Client.PutAsJsonAsync($"/api/workflow/people/{Guid.NewGuid()}/capacity", new { capacity = 5 }, OrderlyApi.Json),
            HttpStatusCode.NotFound, "user.not_found");
        await OrderlyApi.ProblemAsync(await api.Client.PostAsync("/api/work/424242/claim", ApiRequests.NoBody()), HttpStatusCode.NotFound, "work.not_found");
    }
}
