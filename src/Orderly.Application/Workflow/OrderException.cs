using Orderly.Domain.Common;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// An exception on an order (table <c>order_exceptions</c>, migration 0019; issue 11 item 5): its type and severity, the
/// department that resolves it (<see cref="ExceptionRules"/> unless the raiser named another), what happened, what it
/// concerns (the order, and optionally a purchase order or a shipment), who raised it when, and once resolved how, by whom
/// and when. Raising it opens a <see cref="OrderStep.ResolveException"/> work item with the severity's SLA; resolving
/// it completes that item. Instants are UTC.
/// </summary>
public sealed class OrderException
{
    private OrderException() { }

    public long Id { get; private set; }
    public OrderId OrderId { get; private set; }
    public string OrderNumber { get; private set; } = "";
    public ExceptionType Type { get; private set; }
    public ExceptionSeverity Severity { get; private set; }
    public string Department { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid? PurchaseOrderId { get; private set; }
    public Guid? ShipmentId { get; private set; }
    public DateTime RaisedAt { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public string Resolution { get; private set; } = "";
    public DateTime? ResolvedAt { get; private set; }
    public string ResolvedBy { get; private set; } = "";

    public bool IsOpen => ResolvedAt is null;

    internal static OrderException Raise(OrderId order, string number, ExceptionType type, ExceptionSeverity severity, string department,
        string description, Guid? purchaseOrder, Guid? shipment, DateTime now, string actor) => new()
        {
            OrderId = order, OrderNumber = number, Type = type, Severity = severity, Department = department, Description = description,
            PurchaseOrderId = purchaseOrder, ShipmentId = shipment, RaisedAt = now, RaisedBy = actor,
        };

    /// <summary>Whether this is an open exception of <paramref name="type"/> on <paramref name="order"/>: what automatic raising adds a note to instead of raising again.</summary>
    internal bool IsOpenOf(OrderId order, ExceptionType type) => IsOpen && OrderId == order && Type == type;

    internal void Resolve(string resolution, DateTime now, string actor) => (Resolution, ResolvedAt, ResolvedBy) = (resolution, now, actor);
}

/// <summary>What an exception is raised with: its type and severity, what happened, the department if not the type's (a role name), what it concerns.</summary>
internal sealed record ExceptionRaise(ExceptionType Type, ExceptionSeverity Severity, string Description, string? Department = null,
    Guid? PurchaseOrderId = null, Guid? ShipmentId = null);

/// <summary>A note on an exception (table <c>order_exception_notes</c>): who wrote what, when (UTC).</summary>
public sealed class OrderExceptionNote
{
    private OrderExceptionNote() { }

    public long Id { get; private set; }
    public long ExceptionId { get; private set; }
    public DateTime At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Text { get; private set; } = "";

    internal static OrderExceptionNote Of(long exception, string text, DateTime now, string actor) =>
        new() { ExceptionId = exception, Text = text, At = now, Actor = actor };
}
