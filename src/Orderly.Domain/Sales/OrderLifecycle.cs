using Orderly.Domain.Common;

namespace Orderly.Domain.Sales;

/// <summary>
/// The one table of the sales order lifecycle: from, command, possible targets, guard. A command with several targets
/// lands on the one the order's progress selects (for instance a shipment that ships the last open quantity ends in
/// Shipped, otherwise the order stays Fulfilling). Read it top to bottom; nothing else decides what is allowed.
/// </summary>
public static class OrderLifecycle
{
    private static readonly OrderStatus[] AfterShipping =
        [OrderStatus.Fulfilling, OrderStatus.Shipped, OrderStatus.PartiallyInvoiced];

    private static readonly OrderStatus[] AfterInvoicing =
        [OrderStatus.PartiallyInvoiced, OrderStatus.Invoiced, OrderStatus.Paid];

    public static readonly IReadOnlyList<OrderTransition> Table =
    [
        new(OrderStatus.Draft, OrderCommand.Edit, [OrderStatus.Draft]),
        new(OrderStatus.Draft, OrderCommand.Submit, [OrderStatus.Submitted]),
        new(OrderStatus.Draft, OrderCommand.Cancel, [OrderStatus.Cancelled]),

        new(OrderStatus.Submitted, OrderCommand.Review, [OrderStatus.Approved, OrderStatus.OnHold]),

        new(OrderStatus.OnHold, OrderCommand.Approve, [OrderStatus.Approved, OrderStatus.OnHold]),
        new(OrderStatus.OnHold, OrderCommand.Release, [OrderStatus.Approved, OrderStatus.OnHold], OrderGuard.HoldIsManual),
        new(OrderStatus.OnHold, OrderCommand.Edit, [OrderStatus.Draft]),
        new(OrderStatus.OnHold, OrderCommand.Reject, [OrderStatus.Rejected]),
        new(OrderStatus.OnHold, OrderCommand.Cancel, [OrderStatus.Cancelled]),

        new(OrderStatus.Approved, OrderCommand.Confirm, [OrderStatus.Confirmed]),
        new(OrderStatus.Approved, OrderCommand.Hold, [OrderStatus.OnHold]),
        new(OrderStatus.Approved, OrderCommand.Cancel, [OrderStatus.Cancelled]),

        new(OrderStatus.Confirmed, OrderCommand.Reserve, [OrderStatus.Confirmed, OrderStatus.Fulfilling], OrderGuard.HasUnreservedQuantity),
        new(OrderStatus.Confirmed, OrderCommand.Cancel, [OrderStatus.Cancelled]),

        new(OrderStatus.Fulfilling, OrderCommand.Reserve, [OrderStatus.Fulfilling], OrderGuard.HasUnreservedQuantity),
        new(OrderStatus.Fulfilling, OrderCommand.Ship, AfterShipping, OrderGuard.HasReservedQuantity),
        new(OrderStatus.Fulfilling, OrderCommand.Invoice, [OrderStatus.Fulfilling], OrderGuard.HasUninvoicedShipments),
        new(OrderStatus.Fulfilling, OrderCommand.RecordPayment, [OrderStatus.Fulfilling], OrderGuard.HasOpenInvoices),
        new(OrderStatus.Fulfilling, OrderCommand.Cancel, [OrderStatus.Cancelled], OrderGuard.NothingShipped),

        new(OrderStatus.Shipped, OrderCommand.Invoice, AfterInvoicing, OrderGuard.HasUninvoicedShipments),

        new(OrderStatus.PartiallyInvoiced, OrderCommand.Invoice, AfterInvoicing, OrderGuard.HasUninvoicedShipments),
        new(OrderStatus.PartiallyInvoiced, OrderCommand.RecordPayment, [OrderStatus.PartiallyInvoiced], OrderGuard.HasOpenInvoices),

        new(OrderStatus.Invoiced, OrderCommand.RecordPayment, [OrderStatus.Invoiced, OrderStatus.Paid], OrderGuard.HasOpenInvoices),

        new(OrderStatus.Paid, OrderCommand.Close, [OrderStatus.Closed]),
    ];

    /// <summary>Commands a person or integrator may fire now; drives <c>allowedActions</c> in the API and the UI.</summary>
    public static IReadOnlyList<OrderCommand> AllowedCommands(SalesOrder order) =>
        Table.Where(t => t.From == order.Status && t.Command != OrderCommand.Review && (t.Guard?.Holds(order) ?? true))
            .Select(t => t.Command)
            .Distinct()
            .ToList();

    /// <summary>The row that allows <paramref name="command"/> now, or the named rule that refuses it.</summary>
    public static OrderTransition Permit(SalesOrder order, OrderCommand command)
    {
        var row = Table.FirstOrDefault(t => t.From == order.Status && t.Command == command)
            ?? throw new BusinessRuleViolation("order.command_not_allowed",
                $"'{command.ToActionName()}' is not allowed while the order is {order.Status}. " +
                $"Allowed now: {Describe(AllowedCommands(order))}.");
        if (row.Guard is { } guard && !guard.Holds(order))
            throw new BusinessRuleViolation(guard.RuleCode, guard.Refusal);
        return row;
    }

    /// <summary>The table as a Mermaid state diagram; docs/lifecycle/sales-order.md holds its rendering.</summary>
    public static string ToMermaid() => LifecycleDiagram.ToMermaid(
        OrderStatus.Draft,
        Table.SelectMany(row => row.To.Select(to => (row.From, row.Command.ToActionName() + (row.Guard is null ? "" : $" [{row.Guard.Name}]"), to))),
        [OrderStatus.Closed, OrderStatus.Cancelled, OrderStatus.Rejected]);

    private static string Describe(IReadOnlyList<OrderCommand> commands) =>
        commands.Count == 0 ? "nothing (the order is final)" : string.Join(", ", commands.Select(c => c.ToActionName()));
}

/// <summary>One row of <see cref="OrderLifecycle.Table"/>.</summary>
public sealed record OrderTransition(OrderStatus From, OrderCommand Command, OrderStatus[] To, OrderGuard? Guard = null);
