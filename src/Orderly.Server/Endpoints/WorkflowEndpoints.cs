using Orderly.Application.Workflow;
using Orderly.Domain.People;
using Orderly.Server.Http;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>The workflow's rules (issue 11): SLA definitions, business calendars, departments, capacities, allocation rules with their dry run, and the SLA watch.</summary>
internal static class WorkflowEndpoints
{
    public static void MapWorkflow(this IEndpointRouteBuilder app)
    {
        var workflow = app.MapGroup("/api/workflow").WithTags("Workflow");
        workflow.MapGet("/slas", async (SlaDefinitions slas, CancellationToken ct) => TypedResults.Ok(await slas.ListAsync(ct)))
            .WithName("ListSlas").Requires(PermissionTable.WorkflowRead).WithSummary("List the SLA definitions")
            .WithDescription("Every defined SLA, and the default of each step without a definition of its own (source: default).");
        workflow.MapPut("/slas", async (PutSlaRequest body, HttpRequest http, SlaDefinitions slas, CancellationToken ct) =>
                TypedResults.Ok(await slas.PutAsync(body, http.Actor(), ct)))
            .WithName("PutSla").Requires(PermissionTable.WorkflowManage).WithSummary("Define an SLA")
            .WithDescription("Sets the time limit of a step in working minutes, optionally for one customer and/or priority (the most specific wins). " +
                             "Applies to steps that open afterwards.").ProducesProblem(400);
        workflow.MapDelete("/slas/{id:guid}", async (Guid id, SlaDefinitions slas, CancellationToken ct) =>
            {
                await slas.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteSla").Requires(PermissionTable.WorkflowManage).WithSummary("Remove an SLA definition")
            .WithDescription("Removes a stored SLA definition; steps opened afterwards take the next most specific definition or the step's default. Running clocks keep their terms.")
            .ProducesProblem(404);

        workflow.MapGet("/calendars", async (CalendarUseCases calendars, CancellationToken ct) => TypedResults.Ok(await calendars.ListAsync(ct)))
            .WithName("ListCalendars").Requires(PermissionTable.WorkflowRead).WithSummary("List the business calendars")
            .WithDescription("Every stored business calendar with its time zone, working hours per weekday, holidays and extra working days, and the standard one (Monday to Friday 09:00-18:00 in the business time zone) unless a stored calendar takes its code.");
        workflow.MapPut("/calendars/{code}", async (string code, PutCalendarRequest body, HttpRequest http, CalendarUseCases calendars, CancellationToken ct) =>
                TypedResults.Ok(await calendars.PutAsync(code, body, http.Actor(), ct)))
            .WithName("PutCalendar").Requires(PermissionTable.WorkflowManage).WithSummary("Define a business calendar")
            .WithDescription("Working hours per weekday, holidays and extra working days in a time zone. Clocks that start afterwards count on it.")
            .ProducesProblem(400);

        workflow.MapGet("/departments/{department}", async (string department, Departments departments, CancellationToken ct) =>
                TypedResults.Ok(await departments.GetAsync(department, ct)))
            .WithName("GetDepartment").Requires(PermissionTable.WorkflowRead).WithSummary("A department's lead, calendar and people's load")
            .WithDescription("The department (a role name such as warehouse): its lead, its calendar, each of its people with capacity and open work items, and how many of its items are unassigned. An unknown department is 400 work.invalid_query.")
            .ProducesProblem(400);
        workflow.MapPut("/departments/{department}", async (string department, PutDepartmentRequest body, HttpRequest http, Departments departments,
                CancellationToken ct) => TypedResults.Ok(await departments.PutAsync(department, body, http.Actor(), ct)))
            .WithName("PutDepartment").Requires(PermissionTable.WorkflowManage).WithSummary("Set a department's lead and calendar")
            .WithDescription("Sets the lead (a user holding the department's role, told of breaches; null for none) and the calendar its SLA clocks count on (null: standard). Refusals: 400 department.invalid naming the field.")
            .ProducesProblem(400);
        workflow.MapPut("/people/{id:guid}/capacity", async (Guid id, PutCapacityRequest body, Departments departments, CancellationToken ct) =>
                TypedResults.Ok(await departments.PutCapacityAsync(id, body, ct)))
            .WithName("PutCapacity").Requires(PermissionTable.WorkflowManage).WithSummary("Set a person's capacity")
            .WithDescription("How many open work items the person takes at once (0 takes none); allocation weighs load against it.")
            .ProducesProblem(400).ProducesProblem(404);

        workflow.MapGet("/allocation-rules", async (AllocationRules rules, CancellationToken ct) => TypedResults.Ok(await rules.ListAsync(ct)))
            .WithName("ListAllocationRules").Requires(PermissionTable.WorkflowRead).WithSummary("List the allocation rules")
            .WithDescription("Every allocation rule in the order they are tried (position, then name), with its people and its criteria in words.");
        workflow.MapPost("/allocation-rules", async (AllocationRuleRequest body, HttpRequest http, AllocationRules rules, CancellationToken ct) =>
            {
                var created = await rules.CreateAsync(body, http.Actor(), ct);
                return TypedResults.Created($"/api/workflow/allocation-rules/{created.Id}", created);
            })
            .WithName("CreateAllocationRule").Requires(PermissionTable.WorkflowManage).WithSummary("Add an allocation rule")
            .WithDescription("A rule gives a department's steps for the orders matching all its criteria (step, customer, region, product line, order value, priority) " +
                             "to its people, weighed by capacity and deadline; the first matching rule by position decides. Applies to steps that open afterwards. " +
                             "Refusals: 400 allocation_rule.invalid naming the field; 409 allocation_rule.name_taken, allocation_rule.too_many.")
            .ProducesProblem(400).ProducesProblem(409);
        workflow.MapPut("/allocation-rules/{id:guid}", async (Guid id, AllocationRuleRequest body, HttpRequest http, AllocationRules rules, CancellationToken ct) =>
                TypedResults.Ok(await rules.ReplaceAsync(id, body, http.Actor(), ct)))
            .WithName("ReplaceAllocationRule").Requires(PermissionTable.WorkflowManage).WithSummary("Change an allocation rule")
            .WithDescription("Replaces the rule's name, department, people and criteria (fields left out are cleared or take their defaults). Work already assigned stays.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        workflow.MapDelete("/allocation-rules/{id:guid}", async (Guid id, AllocationRules rules, CancellationToken ct) =>
            {
                await rules.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteAllocationRule").Requires(PermissionTable.WorkflowManage).WithSummary("Remove an allocation rule")
            .WithDescription("Steps opened afterwards go by the next matching rule, or the whole department. Work already assigned stays.")
            .ProducesProblem(404);
        workflow.MapPost("/allocation-rules/dry-run", async (AllocationDryRunRequest body, AllocationRules rules, CancellationToken ct) =>
                TypedResults.Ok(await rules.DryRunAsync(body, ct)))
            .WithName("DryRunAllocation").Requires(PermissionTable.WorkflowRead).WithSummary("Who would get this order, and why")
            .WithDescription("For each open step of the order (or the step named), the rule that would decide, the person who would get it if it opened now, " +
                             "the reason as it would be recorded and every person weighed with their load. Writes nothing.")
            .ProducesProblem(400).ProducesProblem(404);

        workflow.MapPost("/sla-watch", async (SlaWatch watch, CancellationToken ct) => TypedResults.Ok(await watch.RunAsync(ct)))
            .WithName("RunSlaWatch").Requires(PermissionTable.WorkflowManage).WithSummary("Record the SLA marks reached now")
            .WithDescription("Records the warnings, breaches and escalations due by now (the server also does it every Orderly:Workflow:SlaWatchSeconds).");
    }
}
