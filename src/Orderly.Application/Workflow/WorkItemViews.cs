using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>Work items as the API shows them: with the assignees' names (one read for the page) and each clock's state now.</summary>
internal static class WorkItemViews
{
    public static async Task<IReadOnlyList<WorkItemView>> OfAsync(OrderlyDbContext db, IReadOnlyList<WorkItem> items, DateTime now, CancellationToken ct)
    {
        var names = await NamesAsync(db, [.. items.Where(i => i.AssigneeId is not null).Select(i => i.AssigneeId!.Value)], ct);
        return [.. items.Select(i => Of(i, names, now))];
    }

    /// <summary>How people are named in the workflow's views: the display name, else the email; one read for all of <paramref name="people"/>.</summary>
    internal static async Task<Dictionary<Guid, string>> NamesAsync(OrderlyDbContext db, IReadOnlyList<Guid> people, CancellationToken ct)
    {
        var ids = people.Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email, ct);
    }

    private static WorkItemView Of(WorkItem i, Dictionary<Guid, string> names, DateTime now) => new(
        i.Id, i.OrderId.Value, i.OrderNumber, i.CustomerId.Value, i.Step.ToName(), i.Department, i.Priority, i.ExceptionId,
        i.AssigneeId is { } a ? new PersonRef(a, names.GetValueOrDefault(a, "")) : null, Utc(i.AssignedAt), i.AssignmentReason,
        Utc(i.StartedAt), Utc(i.DueAt), Utc(i.WarnAt), State(i, now), i.WaitingOn, i.WaitingNote, i.BudgetMinutes,
        i.RunningSince is null && i.BudgetMinutes is { } budget && i.IsOpen ? Math.Max(0, budget - i.WorkedSeconds / 60) : null,
        i.EscalationLevel, i.BlockedBy, i.CalendarCode, Utc(i.DoneAt), i.DoneBy);

    private static string State(WorkItem i, DateTime now) =>
        !i.IsOpen ? "done"
        : i.WaitingOn is not null ? "waiting"
        : i.BreachedAt is not null || i.DueAt <= now ? "breached"
        : i.WarnedAt is not null || i.WarnAt <= now ? "warned"
        : "running";

    internal static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));

    internal static DateTimeOffset? Utc(DateTime? instant) => instant is { } at ? Utc(at) : null;
}
