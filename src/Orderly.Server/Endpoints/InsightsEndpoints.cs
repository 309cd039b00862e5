using Orderly.Application.Insights;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>The process figures (issue 11 item 8): <c>/api/insights</c>.</summary>
public static class InsightsEndpoints
{
    public static void MapInsights(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/insights/process", async (DateOnly? from, DateOnly? to, ProcessFigures figures, CancellationToken ct) =>
                TypedResults.Ok(await figures.ReadAsync(from, to, ct)))
            .WithTags("Insights").WithName("GetProcessFigures").Requires(PermissionTable.InsightsRead).WithSummary("Time per step, SLA met, queues and load")
            .WithDescription("Per step and per department: the steps done between from and to (business dates, inclusive; default the last 30 days, at most 366) "
                + "with their working time in step (p50 and p90 estimated from fixed buckets, and the mean, in working minutes of each step's calendar) and the share "
                + "done within the SLA; and now: open items, unassigned, open breaches, each department's oldest open item and its people's load. "
                + "Refusals: 400 insights.invalid_range.")
            .ProducesProblem(400);
    }
}
