namespace Orderly.Application.Workflow;

/// <summary>
/// One work item in a queue or on an order (issue 11 items 1 and 3). <c>state</c>: <c>running</c>, <c>warned</c> (past
/// the warning share), <c>breached</c> (past the due time), <c>waiting</c> (paused on <c>waitingOn</c>), <c>done</c>.
/// Instants are UTC (ISO 8601); <c>dueAt</c> is null without an SLA and while the clock waits (then
/// <c>remainingMinutes</c> says what is left); minutes are working minutes of the item's calendar. <c>escalationLevel</c>:
/// 0 none, 1 the department's lead, 2 management.
/// </summary>
public sealed record WorkItemView(
    long Id, Guid OrderId, string OrderNumber, Guid CustomerId, string Step, string Department, int Priority, long? ExceptionId,
    PersonRef? Assignee, DateTimeOffset? AssignedAt, string AssignmentReason, DateTimeOffset StartedAt, DateTimeOffset? DueAt,
    DateTimeOffset? WarnAt, string State, string? WaitingOn, string WaitingNote, int? SlaMinutes, long? RemainingMinutes,
    int EscalationLevel, string BlockedBy, string Calendar, DateTimeOffset? DoneAt, string DoneBy);

/// <summary>A person, by id and display name.</summary>
public sealed record PersonRef(Guid Id, string Name);

/// <summary>A page of a queue, most urgent first (due time, then priority); <c>nextCursor</c> continues it, null at the end.</summary>
public sealed record WorkQueuePage(IReadOnlyList<WorkItemView> Items, string? NextCursor);

/// <summary>
/// Who has an order now (issue 11 item 1): its next step (the first open step of the journey) with department, person,
/// since when and until when; every open item (steps run in parallel, exceptions); the done ones, newest first; and the
/// recorded clock and assignment events of them all, in order.
/// </summary>
public sealed record OrderWorkView(Guid OrderId, WorkItemView? NextStep, IReadOnlyList<WorkItemView> Open, IReadOnlyList<WorkItemView> Done,
    IReadOnlyList<WorkEventView> Events);

/// <summary>A recorded <see cref="WorkEvent"/>: <c>kind</c> one of started, assigned, claimed, released, paused, resumed, warned, breached, escalated, done.</summary>
public sealed record WorkEventView(long WorkItemId, string Step, string Kind, DateTimeOffset At, string Actor, string Detail);

/// <summary>Body of <c>POST /api/work/{id}/assign</c>: the person (a user holding the item's department role), and why.</summary>
public sealed record AssignWorkRequest(Guid? UserId, string? Reason = null);

/// <summary>Body of <c>POST /api/work/{id}/wait</c>: who the step waits on (<c>customer</c> or <c>supplier</c>) — its clock pauses — and a note.</summary>
public sealed record WaitWorkRequest(string? WaitingOn, string? Note = null);

/// <summary>A notification in the caller's inbox; <c>readAt</c> null while unread.</summary>
public sealed record NotificationView(long Id, string Kind, Guid? OrderId, string OrderNumber, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>
/// The caller's inbox, newest first: <c>unread</c> counts the unread up to <see cref="Notifications.UnreadCountLimit"/>
/// (1,000; <c>unreadAtLeast</c> true when there are that many or more: show "999+"); <c>nextBefore</c> continues the list
/// (pass as <c>before</c>), null at the end.
/// </summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread, long? NextBefore, bool UnreadAtLeast = false);
