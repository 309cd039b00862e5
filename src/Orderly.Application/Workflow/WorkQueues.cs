using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.People;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// The work queues (issue 11 item 3): a person's own (<c>GET /api/work/mine</c>), a department's
/// (<c>/api/work/departments/{department}</c>) and the unassigned (<c>/api/work/unassigned</c>), each most urgent first —
/// the SLA due time, then the order's priority (1 first), then the oldest — through the partial indexes on open items,
/// filtered by step and by <c>overdue</c>, in pages continued by a cursor. Refusals: 400 <c>work.invalid_query</c> (an
/// unknown step or department, a bad cursor or limit).
/// </summary>
public sealed class WorkQueues(OrderlyDbContext db, BusinessClock clock)
{
    public const int DefaultLimit = 50;

    public Task<WorkQueuePage> MineAsync(Guid user, WorkQuery query, CancellationToken ct) =>
        PageAsync(db.WorkItems.Where(w => w.DoneAt == null && w.AssigneeId == user), query, ct);

    public Task<WorkQueuePage> DepartmentAsync(string department, WorkQuery query, CancellationToken ct)
    {
        var name = DepartmentName(department);
        return PageAsync(db.WorkItems.Where(w => w.DoneAt == null && w.Department == name), query, ct);
    }

    public Task<WorkQueuePage> UnassignedAsync(string? department, WorkQuery query, CancellationToken ct)
    {
        var items = db.WorkItems.Where(w => w.DoneAt == null && w.AssigneeId == null);
        if (department is not null)
        {
            var name = DepartmentName(department);
            items = items.Where(w => w.Department == name);
        }
        return PageAsync(items, query, ct);
    }

    /// <summary>The role name of a department (<c>warehouse</c>), or 400 naming the departments there are.</summary>
    internal static string DepartmentName(string department)
    {
        if (TryDepartmentName(department, out var name)) return name;
        throw InvalidInput.ForField("department", "work.invalid_query",
            $"'{department}' is not a department. Use one of: {string.Join(", ", Enum.GetValues<Role>().Where(r => r.HasWorkQueue()).Select(r => r.ToName()))}.");
    }

    /// <summary>The role name of a department (<see cref="RoleNames.HasWorkQueue"/>), or false.</summary>
    internal static bool TryDepartmentName(string? department, out string name)
    {
        var found = RoleNames.TryParse(department ?? "", out var role) && role.HasWorkQueue();
        name = found ? role.ToName() : "";
        return found;
    }

    private async Task<WorkQueuePage> PageAsync(IQueryable<WorkItem> items, WorkQuery query, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var limit = Paging.Limit(query.Limit, DefaultLimit, Paging.MaxPageSize, errors, "work items");
        OrderStep? step = null;
        if (query.Step is not null)
        {
            if (StepNames.TryParse(query.Step, out var parsed)) step = parsed;
            else errors.Add("step", $"'{query.Step}' is not a step. Use one of: {StepNames.Names}.");
        }
        var after = query.Cursor is null ? null : QueueCursor.Parse(query.Cursor, errors);
        errors.ThrowIfAny("work.invalid_query", "The queue cannot be read with these parameters; see the errors per parameter.");

        if (step is { } s) items = items.Where(w => w.Step == s);
        var now = clock.Now.UtcDateTime;
        if (query.Overdue == true) items = items.Where(w => w.SortDueAt <= now);
        if (after is { } c)
            items = items.Where(w => w.SortDueAt > c.Due || (w.SortDueAt == c.Due && (w.Priority > c.Priority || (w.Priority == c.Priority && w.Id > c.Id))));
        var page = await items.AsNoTracking().OrderBy(w => w.SortDueAt).ThenBy(w => w.Priority).ThenBy(w => w.Id).Take(limit + 1).ToListAsync(ct);
        var views = await WorkItemViews.OfAsync(db, page.Take(limit).ToList(), now, ct);
        var next = page.Count > limit ? QueueCursor.Of(page[limit - 1]) : null;
        return new WorkQueuePage(views, next);
    }
}

/// <summary>The filters of a queue: a step name, only overdue items, how many (1–200, default 50), and where to continue.</summary>
public sealed record WorkQuery(string? Step = null, bool? Overdue = null, int? Limit = null, string? Cursor = null);

/// <summary>Where a queue page ended: the last item's due time (ticks), priority and id, as <c>ticks.priority.id</c>.</summary>
internal readonly record struct QueueCursor(DateTime Due, int Priority, long Id)
{
    public static string Of(WorkItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"{item.SortDueAt.Ticks}.{item.Priority}.{item.Id}");

    public static QueueCursor? Parse(string text, FieldErrors errors)
    {
        var parts = text.Split('.');
        if (parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var priority)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return new QueueCursor(new DateTime(ticks, DateTimeKind.Utc), priority, id);
        errors.Add("cursor", "The cursor is not one this queue gave out; pass nextCursor from the previous page unchanged, or leave it out to start at the top.");
        return null;
    }
}
