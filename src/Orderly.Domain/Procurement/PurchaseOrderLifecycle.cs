using Orderly.Domain.Common;

namespace Orderly.Domain.Procurement;

/// <summary>
/// The one table of the purchase order lifecycle. Confirm on a Confirmed order moves the promised date (the supplier
/// re-promised); receive lands on PartiallyReceived or Received by what is still open. Cancelling a partially received
/// order cancels what is still open; what arrived stays received.
/// </summary>
public static class PurchaseOrderLifecycle
{
    private static readonly PurchaseOrderStatus[] AfterReceipt = [PurchaseOrderStatus.PartiallyReceived, PurchaseOrderStatus.Received];

    public static readonly IReadOnlyList<PurchaseOrderTransition> Table =
    [
        new(PurchaseOrderStatus.Draft, PurchaseOrderCommand.Send, [PurchaseOrderStatus.Sent]),
        new(PurchaseOrderStatus.Draft, PurchaseOrderCommand.Cancel, [PurchaseOrderStatus.Cancelled]),

        new(PurchaseOrderStatus.Sent, PurchaseOrderCommand.Confirm, [PurchaseOrderStatus.Confirmed]),
        new(PurchaseOrderStatus.Sent, PurchaseOrderCommand.Receive, AfterReceipt),
        new(PurchaseOrderStatus.Sent, PurchaseOrderCommand.Cancel, [PurchaseOrderStatus.Cancelled]),

        new(PurchaseOrderStatus.Confirmed, PurchaseOrderCommand.Confirm, [PurchaseOrderStatus.Confirmed]),
        new(PurchaseOrderStatus.Confirmed, PurchaseOrderCommand.Receive, AfterReceipt),
        new(PurchaseOrderStatus.Confirmed, PurchaseOrderCommand.Cancel, [PurchaseOrderStatus.Cancelled]),

        new(PurchaseOrderStatus.PartiallyReceived, PurchaseOrderCommand.Confirm, [PurchaseOrderStatus.PartiallyReceived]),
        new(PurchaseOrderStatus.PartiallyReceived, PurchaseOrderCommand.Receive, AfterReceipt),
        new(PurchaseOrderStatus.PartiallyReceived, PurchaseOrderCommand.Cancel, [PurchaseOrderStatus.Cancelled]),
    ];

    public static IReadOnlyList<PurchaseOrderCommand> AllowedCommands(PurchaseOrder order) =>
        Table.Where(t => t.From == order.Status).Select(t => t.Command).Distinct().ToList();

    public static PurchaseOrderTransition Permit(PurchaseOrder order, PurchaseOrderCommand command) =>
        Table.FirstOrDefault(t => t.From == order.Status && t.Command == command)
        ?? throw new BusinessRuleViolation("purchase_order.command_not_allowed",
            $"'{command.ToActionName()}' is not allowed while purchase order {order.Number} is {order.Status}. " +
            $"Allowed now: {Describe(AllowedCommands(order))}.");

    public static string ToMermaid() => LifecycleDiagram.ToMermaid(
        PurchaseOrderStatus.Draft,
        Table.SelectMany(row => row.To.Select(to => (row.From, row.Command.ToActionName(), to))),
        [PurchaseOrderStatus.Received, PurchaseOrderStatus.Cancelled]);

    public static string ToActionName(this PurchaseOrderCommand command) => command.ToString().ToLowerInvariant();

    /// <summary>Only the action names themselves: Enum.TryParse would also take "1" or "send,confirm".</summary>
    public static bool TryParseAction(string action, out PurchaseOrderCommand command)
    {
        command = Enum.GetValues<PurchaseOrderCommand>().FirstOrDefault(c => string.Equals(c.ToActionName(), action, StringComparison.OrdinalIgnoreCase));
        return string.Equals(command.ToActionName(), action, StringComparison.OrdinalIgnoreCase);
    }

    private static string Describe(IReadOnlyList<PurchaseOrderCommand> commands) =>
        commands.Count == 0 ? "nothing (the purchase order is final)" : string.Join(", ", commands.Select(c => c.ToActionName()));
}

public sealed record PurchaseOrderTransition(PurchaseOrderStatus From, PurchaseOrderCommand Command, PurchaseOrderStatus[] To);
