using Orderly.Application.Workflow;
using Orderly.Domain.People;
using Orderly.Server.Http;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>Exceptions on orders as work (issue 11 item 5): <c>/api/orders/{id}/exceptions</c>, <c>/api/exceptions</c>.</summary>
public static class ExceptionEndpoints
{
    public static void MapExceptions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{id:guid}/exceptions", async (Guid id, RaiseExceptionRequest body, HttpRequest http, OrderExceptions exceptions,
                CancellationToken ct) => TypedResults.Created($"/api/orders/{id}/exceptions", await exceptions.RaiseAsync(id, body, http.Actor(), ct)))
            .WithTags("Exceptions").WithName("RaiseException").Requires(PermissionTable.ExceptionsRaise).WithSummary("Raise an exception on an order")
            .WithDescription("Records what went wrong (type, severity, description; optionally the department, purchase order or shipment) and opens "
                + "a resolve-exception work item for the owning department with the severity's SLA, assigned like every step. Refusals: 400 "
                + "exception.invalid, 404 order.not_found.")
            .ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/api/orders/{id:guid}/exceptions", async (Guid id, OrderExceptions exceptions, CancellationToken ct) =>
                TypedResults.Ok(await exceptions.OfOrderAsync(id, ct)))
            .WithTags("Exceptions").WithName("ListOrderExceptions").Requires(PermissionTable.ExceptionsRead).WithSummary("An order's exceptions")
            .WithDescription("The order's exceptions, newest first, open and resolved, with their notes and, while open, the work item's assignee and due time.")
            .ProducesProblem(404);

        var list = app.MapGroup("/api/exceptions").WithTags("Exceptions");
        list.MapGet("/", async (string? department, long? after, int? limit, OrderExceptions exceptions, CancellationToken ct) =>
                TypedResults.Ok(await exceptions.OpenListAsync(department, after, limit, ct)))
            .WithName("ListOpenExceptions").Requires(PermissionTable.ExceptionsRead).WithSummary("The open exceptions")
            .WithDescription("Open exceptions, oldest first, optionally of one department; pages of limit (1-200, default 50) continued by after=nextAfter.")
            .ProducesProblem(400);
        list.MapPost("/{id:long}/resolve", async (long id, ResolveExceptionRequest body, HttpRequest http, OrderExceptions exceptions,
                CancellationToken ct) => TypedResults.Ok(await exceptions.ResolveAsync(id, body, http.Actor(), ct)))
            .WithName("ResolveException").Requires(PermissionTable.ExceptionsResolve).WithSummary("Resolve an exception")
            .WithDescription("Records how the exception was resolved and completes its work item. Only the owning department's people or order "
                + "administration resolve it (409 exception.not_your_department); a resolved one is 409 exception.resolved.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        list.MapPost("/{id:long}/notes", async (long id, ExceptionNoteRequest body, HttpRequest http, OrderExceptions exceptions, CancellationToken ct) =>
                TypedResults.Ok(await exceptions.AddNoteAsync(id, body, http.Actor(), ct)))
            .WithName("AddExceptionNote").Requires(PermissionTable.ExceptionsRaise).WithSummary("Add a note to an exception")
            .WithDescription("Adds a note (who, what, when) to an open or resolved exception.").ProducesProblem(400).ProducesProblem(404);
    }
}
