using Orderly.Application.Workflow;
using Orderly.Domain.People;
using Orderly.Server.Http;
using Orderly.Server.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>The work queues, the work items' actions, an order's work and the caller's notifications (issue 11).</summary>
internal static class WorkEndpoints
{
    private const string QueueFilters =
        "Most urgent first (SLA due time, then priority 1 first, then the oldest). Filter by ?step= (a step name) and ?overdue=true; " +
        "?limit= 1–200 (default 50); continue with ?cursor= from nextCursor.";

    public static void MapWork(this IEndpointRouteBuilder app)
    {
        var work = app.MapGroup("/api/work").WithTags("Work");
        work.MapGet("/mine", async (string? step, bool? overdue, int? limit, string? cursor, HttpContext http, WorkQueues queues, CancellationToken ct) =>
                TypedResults.Ok(await queues.MineAsync(http.User.UserId(), new(step, overdue, limit, cursor), ct)))
            .WithName("GetMyWork").Requires(PermissionTable.WorkRead).WithSummary("My work queue")
            .WithDescription("The open work items assigned to the caller. " + QueueFilters).ProducesProblem(400);
        work.MapGet("/departments/{department}", async (string department, string? step, bool? overdue, int? limit, string? cursor,
                WorkQueues queues, CancellationToken ct) => TypedResults.Ok(await queues.DepartmentAsync(department, new(step, overdue, limit, cursor), ct)))
            .WithName("GetDepartmentWork").Requires(PermissionTable.WorkRead).WithSummary("A department's work queue")
            .WithDescription("The open work items of a department (a role name such as warehouse), assigned or not. " + QueueFilters).ProducesProblem(400);
        work.MapGet("/unassigned", async (string? department, string? step, bool? overdue, int? limit, string? cursor, WorkQueues queues,
                CancellationToken ct) => TypedResults.Ok(await queues.UnassignedAsync(department, new(step, overdue, limit, cursor), ct)))
            .WithName("GetUnassignedWork").Requires(PermissionTable.WorkRead).WithSummary("The unassigned work queue")
            .WithDescription("Open work items nobody has: no one of the department had capacity, or it was released. ?department= narrows it. " + QueueFilters)
            .ProducesProblem(400);
        work.MapPost("/{id:long}/claim", async (long id, HttpRequest http, WorkActions actions, CancellationToken ct) =>
                TypedResults.Ok(await actions.ClaimAsync(id, http.HttpContext.User.UserId(), http.Actor(), ct)))
            .WithName("ClaimWork").Requires(PermissionTable.WorkClaim).WithSummary("Claim a work item")
            .WithDescription("Takes an unassigned item of one of the caller's departments.").ProducesProblem(404).ProducesProblem(409);
        work.MapPost("/{id:long}/release", async (long id, HttpRequest http, WorkActions actions, CancellationToken ct) =>
                TypedResults.Ok(await actions.ReleaseAsync(id, http.HttpContext.User.UserId(), http.Actor(), ct)))
            .WithName("ReleaseWork").Requires(PermissionTable.WorkClaim).WithSummary("Release a work item")
            .WithDescription("Gives the caller's item back to the unassigned queue (order administration may release anyone's).")
            .ProducesProblem(404).ProducesProblem(409);
        work.MapPost("/{id:long}/assign", async (long id, AssignWorkRequest body, HttpRequest http, WorkActions actions, CancellationToken ct) =>
                TypedResults.Ok(await actions.AssignAsync(id, body, http.Actor(), ct)))
            .WithName("AssignWork").Requires(PermissionTable.WorkAssign).WithSummary("Assign or reassign a work item")
            .WithDescription("Order administration gives the item to a person of its department, with a reason that is recorded.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        work.MapPost("/{id:long}/wait", async (long id, WaitWorkRequest body, HttpRequest http, WorkActions actions, CancellationToken ct) =>
                TypedResults.Ok(await actions.WaitAsync(id, body, http.Actor(), ct)))
            .WithName("WaitOnWork").Requires(PermissionTable.WorkClaim).WithSummary("Pause a work item's clock")
            .WithDescription("The step waits on the customer or a supplier: its SLA clock pauses until it is resumed.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        work.MapPost("/{id:long}/resume", async (long id, HttpRequest http, WorkActions actions, CancellationToken ct) =>
                TypedResults.Ok(await actions.ResumeAsync(id, http.Actor(), ct)))
            .WithName("ResumeWork").Requires(PermissionTable.WorkClaim).WithSummary("Resume a work item's clock")
            .WithDescription("The wait is over: the clock runs again and the due time moves by the time it waited.").ProducesProblem(404).ProducesProblem(409);

        app.MapGet("/api/orders/{id:guid}/work", async (Guid id, OrderWork orderWork, CancellationToken ct) => TypedResults.Ok(await orderWork.OfAsync(id, ct)))
            .WithTags("Work").WithName("GetOrderWork").Requires(PermissionTable.WorkRead).WithSummary("Who has an order")
            .WithDescription("The order's next step with department, person, since when and until when; every open and done work item; the recorded events.")
            .ProducesProblem(404);

        var inbox = app.MapGroup("/api/notifications").WithTags("Work");
        inbox.MapGet("/", async (bool? unread, long? before, int? limit, HttpContext http, Notifications notifications, CancellationToken ct) =>
                TypedResults.Ok(await notifications.ListAsync(http.User.UserId(), unread, before, limit, ct)))
            .WithName("ListNotifications").Requires(PermissionTable.OwnAccount).WithSummary("My notifications")
            .WithDescription("Newest first; ?unread=true for the unread only; ?limit= 1–200; continue with ?before= from nextBefore.").ProducesProblem(400);
        inbox.MapPost("/{id:long}/read", async (long id, HttpContext http, Notifications notifications, CancellationToken ct) =>
                TypedResults.Ok(await notifications.MarkAsync(http.User.UserId(), id, read: true, ct)))
            .WithName("MarkNotificationRead").Requires(PermissionTable.OwnAccount).WithSummary("Mark a notification read")
            .WithDescription("Marks one of the caller's notifications read; another person's is 404 notification.not_found, as a missing one.").ProducesProblem(404);
        inbox.MapPost("/{id:long}/unread", async (long id, HttpContext http, Notifications notifications, CancellationToken ct) =>
                TypedResults.Ok(await notifications.MarkAsync(http.User.UserId(), id, read: false, ct)))
            .WithName("MarkNotificationUnread").Requires(PermissionTable.OwnAccount).WithSummary("Mark a notification unread")
            .WithDescription("Marks one of the caller's notifications unread again; another person's is 404 notification.not_found.").ProducesProblem(404);
        inbox.MapPost("/read-all", async (HttpContext http, Notifications notifications, CancellationToken ct) =>
                TypedResults.Ok(new MarkedRead(await notifications.MarkAllReadAsync(http.User.UserId(), ct))))
            .WithName("MarkAllNotificationsRead").Requires(PermissionTable.OwnAccount).WithSummary("Mark all my notifications read")
            .WithDescription("Marks every unread notification of the caller read, in one statement; answers how many it marked.");
    }
}

/// <summary>How many notifications were marked read.</summary>
internal sealed record MarkedRead(int Marked);
