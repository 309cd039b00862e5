using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.People;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// What one unit of work does to work items, with what it reads once for all of them (the SLA definitions, the
/// calendars, the departments' people): opens a step (SLA, due time, assignee, the recorded start and assignment, the
/// assignee's notification), completes one, pauses and resumes its clock, and records the marks the SLA watch finds.
/// Every change is a <see cref="WorkEvent"/>; assignments, warnings, breaches and escalations also notify people.
/// </summary>
internal sealed class WorkRun(OrderlyDbContext db, DateTime now)
{
    private readonly WorkCalendars _calendars = db.Work.Calendars;
    private readonly WorkAllocation _allocation = new(db);
    private readonly List<WorkItem> _opened = [];

    public IEnumerable<WorkItem> OpenedFor(OrderId order) => _opened.Where(i => i.OrderId == order);

    /// <summary>Opens <paramref name="step"/>: its SLA the most specific definition's, else <paramref name="terms"/> (an exception's severity), else the step's default.</summary>
    public async Task<WorkItem> OpenAsync(OrderOpening opening, string department, OrderStep step, CancellationToken ct, SlaTerms? terms = null)
    {
        var (item, sla) = await PlanAsync(opening, department, step, terms, ct);
        db.WorkItems.Add(item);
        _opened.Add(item);
        Record(item, WorkEventKinds.Started, SystemActorOf(), sla);
        var allocation = await AllocateAsync(item, opening, ct);
        Assign(item, allocation.Assignee, allocation.Reason, WorkSteps.SystemActor);
        return item;
    }

    /// <summary>The item <paramref name="step"/> would open as — SLA, calendar, due time — without adding it: what opening and the allocation dry run share.</summary>
    public async Task<(WorkItem Item, string Sla)> PlanAsync(OrderOpening opening, string department, OrderStep step, SlaTerms? terms, CancellationToken ct)
    {
        var definition = (db.Work.Definitions ??= await db.SlaDefinitions.AsNoTracking().ToListAsync(ct))
            .Where(d => d.Matches(step, opening.CustomerId, opening.Priority)).MaxBy(d => d.Rank);
        terms = definition?.Terms ?? terms ?? SlaDefaults.For(step);
        var code = await _calendars.CodeForAsync(department, definition, ct);
        var item = WorkItem.Open(opening, department, step, terms, code, now);
        item.Plan(await _calendars.OfAsync(code, ct));
        return (item, terms is null ? "no SLA" : $"SLA {terms.BudgetMinutes} working minutes on calendar {code}");
    }

    /// <summary>Who <see cref="WorkAllocation"/> gives <paramref name="item"/> to, and why; counted against that person's load for the rest of the run.</summary>
    public Task<Allocation> AllocateAsync(WorkItem item, OrderOpening opening, CancellationToken ct) => _allocation.ChooseAsync(item, opening, now, ct);

    /// <summary>
    /// Raises an exception on <paramref name="order"/> and opens the work of resolving it (issue 11 item 5): owned by
    /// the department it names (a role name) or the type's department (<see cref="ExceptionRules"/>), with the
    /// severity's SLA unless a <c>resolve-exception</c> SLA definition says otherwise, assigned like every step. The
    /// exception and its work item are written by the next save.
    /// </summary>
    public async Task<OrderException> RaiseAsync(OrderOpening order, ExceptionRaise what, string actor, CancellationToken ct)
    {
        var raised = OrderException.Raise(order.OrderId, order.Number, what.Type, what.Severity,
            what.Department ?? ExceptionRules.DepartmentOf(what.Type).ToName(), what.Description, what.PurchaseOrderId, what.ShipmentId, now, actor);
        db.OrderExceptions.Add(raised);
        var terms = new SlaTerms(ExceptionRules.ResolveMinutes(what.Severity), SlaTerms.DefaultWarningShare, SlaTerms.DefaultManagementShare);
        var item = await OpenAsync(order with { Exception = raised }, raised.Department, OrderStep.ResolveException, ct, terms);
        item.Block($"{KebabNames.ToName(what.Type)} ({KebabNames.ToName(what.Severity)}): {Shorten(raised.Description)}");
        return raised;
    }

    public async Task CompleteAsync(WorkItem item, string actor, CancellationToken ct)
    {
        item.Complete(actor, await CalendarOfAsync(item, ct), now);
        Record(item, WorkEventKinds.Done, actor, "");
    }

    public async Task PauseAsync(WorkItem item, string party, string note, string actor, CancellationToken ct)
    {
        item.Pause(party, note, await CalendarOfAsync(item, ct), now);
        Record(item, WorkEventKinds.Paused, actor, $"waiting on the {party}" + (note.Length > 0 ? $": {note}" : ""));
    }

    public async Task ResumeAsync(WorkItem item, string actor, CancellationToken ct)
    {
        item.Resume(await CalendarOfAsync(item, ct), now);
        Record(item, WorkEventKinds.Resumed, actor, item.DueAt is { } due ? $"due {Local(due)}" : "");
    }

    /// <summary>Assigns (or unassigns) <paramref name="item"/>, records why and tells the new assignee.</summary>
    public void Assign(WorkItem item, Guid? assignee, string reason, string actor, string kind = WorkEventKinds.Assigned)
    {
        item.Assign(assignee, reason, now);
        Record(item, kind, actor, reason);
        if (assignee is { } person && kind != WorkEventKinds.Claimed)
        {
            _allocation.Took(item.Department, person, item.SortDueAt, now);
            Notify(person, WorkEventKinds.Assigned, item, $"{item.OrderNumber}: {item.Step.ToName()} is yours ({reason}).");
        }
    }

    /// <summary>The marks <paramref name="item"/>'s clock has reached, recorded, with their notifications (assignee, lead, management).</summary>
    public async Task<IReadOnlyList<string>> ReachMarksAsync(WorkItem item, CancellationToken ct)
    {
        var reached = item.ReachMarks(await CalendarOfAsync(item, ct), now);
        foreach (var kind in reached)
        {
            var detail = kind switch
            {
                WorkEventKinds.Warned => $"{Share(item.WarningShare)} of the SLA used; due {Local(item.DueAt)}",
                WorkEventKinds.Breached => $"SLA breached (due {Local(item.DueAt)}); escalated to the {item.Department} lead",
                _ => "escalated to management",
            };
            Record(item, kind, WorkSteps.SystemActor, detail);
            var text = $"{item.OrderNumber}: {item.Step.ToName()} ({item.Department}) — {detail}.";
            foreach (var person in await AudienceAsync(item, kind, ct)) Notify(person, kind, item, text);
            if (kind == WorkEventKinds.Breached && !item.IsException) await RaiseBreachAsync(item, ct);
        }
        return reached;
    }

    /// <summary>A breached step becomes an <see cref="ExceptionType.SlaBreach"/> exception for order administration (high), which unblocks or reassigns it.</summary>
    private Task<OrderException> RaiseBreachAsync(WorkItem item, CancellationToken ct)
    {
        var holder = item.AssigneeId is null ? "nobody has it" : "it stays with its assignee";
        var description = $"{item.Step.ToName()} ({item.Department}) breached its SLA of {item.BudgetMinutes} working minutes: due {Local(item.DueAt)}; {holder}" +
                          (item.BlockedBy.Length > 0 ? $"; blocked by {item.BlockedBy}." : ".");
        return RaiseAsync(new OrderOpening(item.OrderId, item.OrderNumber, item.CustomerId, item.Priority),
            new ExceptionRaise(ExceptionType.SlaBreach, ExceptionSeverity.High, description), WorkSteps.SystemActor, ct);
    }

    public Task<BusinessCalendar> CalendarOfAsync(WorkItem item, CancellationToken ct) => _calendars.OfAsync(item.CalendarCode, ct);

    private async Task<IEnumerable<Guid>> AudienceAsync(WorkItem item, string kind, CancellationToken ct)
    {
        if (kind == WorkEventKinds.Escalated) return await PeopleWithRoleAsync(Role.Management.ToName(), ct);
        var lead = (await _calendars.DepartmentsAsync(ct)).GetValueOrDefault(item.Department)?.LeadId;
        var audience = new List<Guid>();
        if (item.AssigneeId is { } assignee) audience.Add(assignee);
        if (kind == WorkEventKinds.Breached || item.AssigneeId is null)
        {
            if (lead is { } l) audience.Add(l);
            else if (kind == WorkEventKinds.Breached) audience.AddRange(await PeopleWithRoleAsync(Role.OrderAdministration.ToName(), ct));
        }
        return audience.Distinct();
    }

    private Task<List<Guid>> PeopleWithRoleAsync(string role, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => !u.Disabled && u.Roles.Any(r => r.Role == role)).Select(u => u.Id).Take(100).ToListAsync(ct);

    private void Record(WorkItem item, string kind, string actor, string detail) => db.WorkEvents.Add(WorkEvent.Of(item, kind, now, actor, detail));

    private void Notify(Guid person, string kind, WorkItem item, string text) =>
        db.Notifications.Add(Notification.To(person, kind, item.OrderId, item.OrderNumber, text, now));

    private string Local(DateTime? instant) => WorkAllocation.LocalText(db, instant);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string Share(decimal share) => $"{share * 100m:0.#} %";

    private static string SystemActorOf() => WorkSteps.SystemActor;
}
