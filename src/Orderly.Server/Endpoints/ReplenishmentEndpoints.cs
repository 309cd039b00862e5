using Orderly.Application.Replenishment;
using Orderly.Server.Http;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>Reorder policies, stock alerts and the on-demand replenishment scan (库存预警).</summary>
internal static class ReplenishmentEndpoints
{
    public static void MapReplenishment(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/reorder-policies").WithTags("Replenishment");
        policies.MapPut("/", async (SetReorderPolicyRequest body, ReorderPolicyUseCases uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.SetAsync(body, ct)))
            .WithName("SetReorderPolicy").Requires(PermissionTable.ReorderPoliciesManage).WithSummary("Set a reorder policy")
            .WithDescription("Defines or replaces the reorder policy of a warehouse and SKU: reorder point, safety stock, and either a " +
                             "reorder quantity or a maximum stock (min/max).")
            .ProducesProblem(400);
        policies.MapGet("/", async (string? warehouse, string? sku, ReorderPolicyUseCases uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.ListAsync(warehouse, sku, ct)))
            .WithName("ListReorderPolicies").Requires(PermissionTable.ReplenishmentRead).WithSummary("List reorder policies").WithDescription("Filter by ?warehouse= (code) and ?sku=.");
        policies.MapGet("/{warehouse}/{sku}", async (string warehouse, string sku, ReorderPolicyUseCases uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.GetAsync(warehouse, sku, ct)))
            .WithName("GetReorderPolicy").Requires(PermissionTable.ReplenishmentRead).WithSummary("Read a reorder policy")
            .WithDescription("The policy of one warehouse (by code) and SKU.").ProducesProblem(404);
        policies.MapDelete("/{warehouse}/{sku}", async (string warehouse, string sku, HttpRequest http, ReorderPolicyUseCases uc,
                CancellationToken ct) =>
            {
                await uc.DeleteAsync(warehouse, sku, http.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteReorderPolicy").Requires(PermissionTable.ReorderPoliciesManage).WithSummary("Remove a reorder policy").WithDescription("Removes the policy and resolves its open low-stock alert.")
            .ProducesProblem(404);

        var alerts = app.MapGroup("/api/alerts").WithTags("Replenishment");
        alerts.MapGet("/", async (string? status, string? kind, string? sku, AlertUseCases uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.ListAsync(status, kind, sku, ct)))
            .WithName("ListAlerts").Requires(PermissionTable.ReplenishmentRead).WithSummary("List stock alerts")
            .WithDescription("Newest first; filter by ?status= (Open, Acknowledged, Resolved), ?kind= (LowStock, LatePurchaseOrder) and ?sku=.")
            .ProducesProblem(400);
        alerts.MapGet("/{id:guid}", async (Guid id, AlertUseCases uc, CancellationToken ct) => TypedResults.Ok(await uc.GetAsync(id, ct)))
            .WithName("GetAlert").Requires(PermissionTable.ReplenishmentRead).WithSummary("Read a stock alert")
            .WithDescription("One alert with its warehouse, SKU, purchase order and proposal, and who acknowledged or resolved it.").ProducesProblem(404);
        alerts.MapPost("/{id:guid}/acknowledge", async (Guid id, HttpRequest http, AlertUseCases uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.AcknowledgeAsync(id, http.Actor(), ct)))
            .WithName("AcknowledgeAlert").Requires(PermissionTable.AlertsHandle).WithSummary("Acknowledge a stock alert").WithDescription("Someone is on it. Only an open alert can be acknowledged.")
            .ProducesProblem(404).ProducesProblem(409);
        alerts.MapPost("/{id:guid}/resolve", async (Guid id, ResolveAlertRequest body, HttpRequest http, AlertUseCases uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.ResolveAsync(id, body, http.Actor(), ct)))
            .WithName("ResolveAlert").Requires(PermissionTable.AlertsHandle).WithSummary("Resolve a stock alert")
            .WithDescription("Closes the alert with a resolution saying what was done. The scan raises it again if the problem is still there.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        app.MapPost("/api/replenishment/scan", async (HttpRequest http, ReplenishmentScan scan, CancellationToken ct) =>
                TypedResults.Ok(await scan.RunAsync(http.Actor(), ct)))
            .WithTags("Replenishment").WithName("RunReplenishmentScan").Requires(PermissionTable.ReplenishmentScan).WithSummary("Run the replenishment scan now")
            .WithDescription("Runs the replenishment scan now: low-stock alerts with purchase proposals, late purchase orders with " +
                             "re-sourcing proposals, and alerts that resolved themselves. Safe to repeat: nothing is raised or proposed twice.")
            .ProducesProblem(400);
    }
}
