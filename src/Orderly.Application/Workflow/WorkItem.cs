using Orderly.Domain.Common;
using Orderly.Domain.Sales;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// One open (or done) step of one order, owned by a department and, once assigned, a person (table <c>work_items</c>,
/// migration 0018, issue 11): opened and closed by every save from the order's state (<see cref="WorkSteps"/>), never by
/// hand. Its SLA clock (<see cref="SlaTerms"/> copied from the matching <see cref="SlaDefinition"/> when the step opened,
/// so that a later change of the rules does not move running clocks) counts working time on <see cref="CalendarCode"/>'s
/// calendar; it pauses while the order waits on someone outside the department (<see cref="WaitingOn"/>). Instants are
/// UTC (<see cref="DateTime"/> of kind Utc, so that both databases sort and compare them).
/// </summary>
public sealed class WorkItem
{
    /// <summary>The instant that sorts after every due time (a step without an SLA).</summary>
    public static readonly DateTime NoDeadline = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private WorkItem() { }

    public long Id { get; private set; }
    public OrderId OrderId { get; private set; }
    public string OrderNumber { get; private set; } = "";
    public CustomerId CustomerId { get; private set; }
    public OrderStep Step { get; private set; }
    /// <summary>The owning department's role name (<c>warehouse</c>).</summary>
    public string Department { get; private set; } = "";
    /// <summary>The order's priority when the step opened (1 most urgent … 9).</summary>
    public int Priority { get; private set; }
    /// <summary>The exception this work resolves (<see cref="OrderStep.ResolveException"/>), else null.</summary>
    public long? ExceptionId { get; private set; }
    /// <summary>The exception itself while this unit of work raised it (its id comes with the save); null otherwise.</summary>
    internal OrderException? Exception { get; private set; }
    /// <summary>Whether this is the work of resolving an exception rather than a step of the order's journey.</summary>
    public bool IsException => Step == OrderStep.ResolveException;

    public Guid? AssigneeId { get; private set; }
    public DateTime? AssignedAt { get; private set; }
    /// <summary>Why the assignee (or nobody) has it, in words: "warehouse; 3 open of capacity 10; least recently assigned".</summary>
    public string AssignmentReason { get; private set; } = "";

    public DateTime StartedAt { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public string DoneBy { get; private set; } = "";
    public bool IsOpen => DoneAt is null;

    public string CalendarCode { get; private set; } = "";
    /// <summary>The SLA budget in working minutes; null when no SLA applies (no due time).</summary>
    public int? BudgetMinutes { get; private set; }
    public decimal WarningShare { get; private set; }
    public decimal ManagementShare { get; private set; }

    /// <summary>Working seconds the clock ran before its current run.</summary>
    public long WorkedSeconds { get; private set; }
    /// <summary>When the current run began; null while paused or done.</summary>
    public DateTime? RunningSince { get; private set; }
    /// <summary><c>customer</c> or <c>supplier</c> while the clock is paused; null while it runs.</summary>
    public string? WaitingOn { get; private set; }
    public string WaitingNote { get; private set; } = "";

    public DateTime? WarnAt { get; private set; }
    public DateTime? DueAt { get; private set; }
    public DateTime? ManagementAt { get; private set; }
    /// <summary>The due time the queues sort by: the running clock's, the last one known while paused, <see cref="NoDeadline"/> without an SLA.</summary>
    public DateTime SortDueAt { get; private set; } = NoDeadline;
    /// <summary>The next mark the SLA watch must look at; null when none is left or the clock does not run.</summary>
    public DateTime? NextCheckAt { get; private set; }
    public DateTime? WarnedAt { get; private set; }
    public DateTime? BreachedAt { get; private set; }
    /// <summary>0 none, 1 the department's lead, 2 management.</summary>
    public int EscalationLevel { get; private set; }
    /// <summary>What holds the step up, in words (for the queues): "2 of CHAI backordered", "hold: credit".</summary>
    public string BlockedBy { get; private set; } = "";

    internal SlaTerms? Terms => BudgetMinutes is { } minutes ? new(minutes, WarningShare, ManagementShare) : null;

    internal static WorkItem Open(OrderOpening opening, string department, OrderStep step, SlaTerms? terms, string calendarCode, DateTime now) =>
        new()
        {
            OrderId = opening.OrderId, OrderNumber = opening.Number, CustomerId = opening.CustomerId, Priority = opening.Priority,
            Exception = opening.Exception, Step = step, Department = department, StartedAt = now, CalendarCode = calendarCode,
            BudgetMinutes = terms?.BudgetMinutes, WarningShare = terms?.WarningShare ?? SlaTerms.DefaultWarningShare,
            ManagementShare = terms?.ManagementShare ?? SlaTerms.DefaultManagementShare, RunningSince = now,
        };

    internal void Assign(Guid? assignee, string reason, DateTime now)
    {
        AssigneeId = assignee;
        AssignedAt = assignee is null ? null : now;
        AssignmentReason = reason;
    }

    internal void Block(string blockedBy) => BlockedBy = blockedBy;

    /// <summary>Recomputes the marks of the running clock from its calendar; no marks without an SLA or while paused.</summary>
    internal void Plan(BusinessCalendar calendar)
    {
        if (Terms is not { } terms || RunningSince is not { } since || !IsOpen)
        {
            (WarnAt, DueAt, ManagementAt, NextCheckAt) = (null, null, null, null);
            if (Terms is null) SortDueAt = NoDeadline;
            return;
        }
        var marks = SlaClock.Marks(calendar, terms, TimeSpan.FromSeconds(WorkedSeconds), WorkItemViews.Utc(since));
        (WarnAt, DueAt, ManagementAt) = (marks.WarnAt.UtcDateTime, marks.DueAt.UtcDateTime, marks.ManagementAt.UtcDateTime);
        SortDueAt = DueAt.Value;
        NextCheckAt = WarnedAt is null ? WarnAt : BreachedAt is null ? DueAt : EscalationLevel < 2 ? ManagementAt : null;
    }

    /// <summary>Stops the clock's current run (the order waits on <paramref name="party"/>); the working time so far is kept.</summary>
    internal void Pause(string party, string note, BusinessCalendar calendar, DateTime now)
    {
        StopRun(calendar, now);
        (WaitingOn, WaitingNote) = (party, note);
        Plan(calendar);
    }

    internal void Resume(BusinessCalendar calendar, DateTime now)
    {
        (WaitingOn, WaitingNote, RunningSince) = (null, "", now);
        Plan(calendar);
    }

    internal void Complete(string actor, BusinessCalendar calendar, DateTime now)
    {
        StopRun(calendar, now);
        (DoneAt, DoneBy, WaitingOn) = (now, actor, null);
        Plan(calendar);
    }

    /// <summary>The marks reached by <paramref name="now"/> that were not recorded yet, each recorded now (warning, breach with escalation to the lead, escalation to management).</summary>
    internal IReadOnlyList<string> ReachMarks(BusinessCalendar calendar, DateTime now)
    {
        var reached = new List<string>();
        if (!IsOpen || RunningSince is null) return reached;
        if (WarnedAt is null && WarnAt <= now) { WarnedAt = now; reached.Add(WorkEventKinds.Warned); }
        if (BreachedAt is null && DueAt <= now)
        {
            (BreachedAt, EscalationLevel) = (now, Math.Max(EscalationLevel, 1));
            reached.Add(WorkEventKinds.Breached);
        }
        if (EscalationLevel < 2 && ManagementAt <= now) { EscalationLevel = 2; reached.Add(WorkEventKinds.Escalated); }
        Plan(calendar);
        return reached;
    }

    private void StopRun(BusinessCalendar calendar, DateTime now)
    {
        if (RunningSince is { } since) WorkedSeconds += (long)calendar.WorkingTimeBetween(WorkItemViews.Utc(since), WorkItemViews.Utc(now)).TotalSeconds;
        RunningSince = null;
    }
}

/// <summary>
/// What a step is opened for: the order (or the exception on it) and the terms that select its SLA and assignee — the
/// customer and priority always; the order's gross value in its currency and its SKUs when the opener has the order
/// (null otherwise: allocation rules on value or product line then do not match).
/// </summary>
internal sealed record OrderOpening(OrderId OrderId, string Number, CustomerId CustomerId, int Priority, OrderException? Exception = null)
{
    public OrderValue? Value { get; init; }
    public IReadOnlyList<string>? Skus { get; init; }

    public static OrderOpening Of(SalesOrder order, MoneyRounding rounding) => new(order.Id, order.Number, order.CustomerId, order.Priority)
    {
        Value = new(order.TotalAmount(rounding), order.Currency),
        Skus = [.. order.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal)],
    };
}

/// <summary>An order's gross value (lines with tax, after discounts) in its currency (ISO 4217).</summary>
internal sealed record OrderValue(decimal Amount, string Currency);
