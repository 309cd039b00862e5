namespace Orderly.Application.Workflow;

/// <summary>
/// One thing that happened to a work item (table <c>work_events</c>, migration 0018): its clock started, paused, resumed,
/// warned, breached, escalated or stopped; it was assigned, claimed, released or reassigned. Append-only, read per
/// work item and per order; the recorded history of issue 11 item 4 ("each start, pause, warning, breach and escalation
/// is recorded with times").
/// </summary>
public sealed class WorkEvent
{
    private WorkEvent() { }

    public long Id { get; private set; }
    public long WorkItemId { get; private set; }
    public Domain.Common.OrderId OrderId { get; private set; }
    /// <summary>One of <see cref="WorkEventKinds"/>.</summary>
    public string Kind { get; private set; } = "";
    public DateTime At { get; private set; }
    public string Actor { get; private set; } = "";
    /// <summary>In words: the assignment's reason, the party waited on, the due time breached.</summary>
    public string Detail { get; private set; } = "";

    internal static WorkEvent Of(WorkItem item, string kind, DateTime at, string actor, string detail) =>
        new() { WorkItemId = item.Id, OrderId = item.OrderId, Kind = kind, At = at, Actor = actor, Detail = detail, Item = item };

    /// <summary>The item, for the save to fill <see cref="WorkItemId"/> in when the item is new.</summary>
    internal WorkItem? Item { get; private set; }
}

/// <summary>The kinds of <see cref="WorkEvent"/>.</summary>
public static class WorkEventKinds
{
    public const string Started = "started";
    public const string Assigned = "assigned";
    public const string Claimed = "claimed";
    public const string Released = "released";
    public const string Paused = "paused";
    public const string Resumed = "resumed";
    public const string Warned = "warned";
    public const string Breached = "breached";
    public const string Escalated = "escalated";
    public const string Done = "done";
}
