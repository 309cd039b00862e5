using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.People;

namespace Orderly.Application.Workflow;

/// <summary>
/// What people do to work items (issue 11 items 2 and 3), each in one transaction and recorded: claim an item of one's
/// own department, release it back to the unassigned queue, the order administrator's assignment and reassignment, and
/// pausing the clock while the step waits on the customer or a supplier. Refusals: 404 <c>work.not_found</c>; 409
/// <c>work.done</c>, <c>work.not_your_department</c>, <c>work.assigned_to_other</c>, <c>work.not_yours</c>,
/// <c>work.already_waiting</c>, <c>work.not_waiting</c>, <c>work.no_clock</c>; 400 <c>work.invalid_assignee</c>,
/// <c>work.invalid_wait</c>.
/// </summary>
public sealed class WorkActions(OrderlyDbContext db, BusinessClock clock, Caller caller)
{
    private static readonly string[] Parties = ["customer", "supplier"];

    public Task<WorkItemView> ClaimAsync(long id, Guid user, string actor, CancellationToken ct) => ChangeAsync(id, async (item, run) =>
    {
        if (!caller.ActsFor(item.Department))
            throw new BusinessRuleViolation("work.not_your_department",
                $"Work item {id} belongs to {item.Department}; only its people (or order administration) claim it.");
        if (item.AssigneeId is { } other && other != user)
            throw new BusinessRuleViolation("work.assigned_to_other",
                $"Work item {id} is assigned to someone else; ask order administration to reassign it, or release it first.");
        if (item.AssigneeId == user) return;
        run.Assign(item, user, $"claimed by {actor}", actor, WorkEventKinds.Claimed);
        await Task.CompletedTask;
    }, ct);

    public Task<WorkItemView> ReleaseAsync(long id, Guid user, string actor, CancellationToken ct) => ChangeAsync(id, (item, run) =>
    {
        if (item.AssigneeId != user && !IsAdministrator)
            throw new BusinessRuleViolation("work.not_yours", $"Work item {id} is not assigned to you; only its assignee or order administration releases it.");
        if (item.AssigneeId is not null) run.Assign(item, null, $"released by {actor}; unassigned queue", actor, WorkEventKinds.Released);
        return Task.CompletedTask;
    }, ct);

    public Task<WorkItemView> AssignAsync(long id, AssignWorkRequest body, string actor, CancellationToken ct) => ChangeAsync(id, async (item, run) =>
    {
        if (body.UserId is not { } target)
            throw InvalidInput.ForField("userId", "work.invalid_assignee", "Name the person to assign: userId, a user holding the item's department role.");
        var person = await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == target, ct);
        if (person is null || person.Disabled || person.Roles.All(r => r.Role != item.Department))
            throw InvalidInput.ForField("userId", "work.invalid_assignee",
                $"User {target} {(person is null ? "does not exist" : person.Disabled ? "is disabled" : $"does not hold the {item.Department} role")}; assign work of {item.Department} to one of its people.");
        var why = string.IsNullOrWhiteSpace(body.Reason) ? "" : ": " + body.Reason.Trim();
        run.Assign(item, target, $"assigned by {actor}{why}", actor);
    }, ct);

    public Task<WorkItemView> WaitAsync(long id, WaitWorkRequest body, string actor, CancellationToken ct) => ChangeAsync(id, async (item, run) =>
    {
        var party = body.WaitingOn?.Trim().ToLowerInvariant();
        if (party is null || !Parties.Contains(party))
            throw InvalidInput.ForField("waitingOn", "work.invalid_wait", "waitingOn says who the step waits on: 'customer' or 'supplier'.");
        var note = body.Note?.Trim() ?? "";
        if (note.Length > 500) throw InvalidInput.ForField("note", "work.invalid_wait", "The note holds at most 500 characters.");
        if (item.WaitingOn is not null)
            throw new BusinessRuleViolation("work.already_waiting", $"Work item {id} already waits on the {item.WaitingOn}; resume it first.");
        if (item.BudgetMinutes is null)
            throw new BusinessRuleViolation("work.no_clock", $"Work item {id} ({item.Step}) has no SLA clock to pause.");
        await run.PauseAsync(item, party, note, actor, ct);
    }, ct);

    public Task<WorkItemView> ResumeAsync(long id, string actor, CancellationToken ct) => ChangeAsync(id, async (item, run) =>
    {
        if (item.WaitingOn is null) throw new BusinessRuleViolation("work.not_waiting", $"Work item {id} is not waiting; its clock runs.");
        await run.ResumeAsync(item, actor, ct);
    }, ct);

    private bool IsAdministrator => caller.Roles is null || caller.Roles.Contains(Role.OrderAdministration);


    private async Task<WorkItemView> ChangeAsync(long id, Func<WorkItem, WorkRun, Task> change, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var item = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == id, ct)
                ?? throw new NotFound("work.not_found", $"No work item has id {id}.");
            if (!item.IsOpen) throw new BusinessRuleViolation("work.done", $"Work item {id} is done; its order's next step is another item.");
            var now = clock.Now.UtcDateTime;
            await change(item, new WorkRun(db, now));
            await db.SaveChangesAsync(ct);
            return (await WorkItemViews.OfAsync(db, [item], now, ct))[0];
        }, ct);
}
