using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Events;

/// <summary>
/// The one list of event type names (ADR 0015): <c>{aggregate}.{what happened}</c>, in the past tense. An order's and a
/// purchase order's events follow their history entries' actions (the lifecycle tables' commands), so every command
/// has its name here; a test fails when one is missing.
/// </summary>
public static class EventTypes
{
    public const string SalesOrder = "sales_order";
    public const string PurchaseOrder = "purchase_order";
    public const string StockAlert = "stock_alert";
    public const string Invoice = "invoice";

    /// <summary>The aggregate types an event names.</summary>
    public static IReadOnlyList<string> AggregateTypes { get; } = [SalesOrder, PurchaseOrder, StockAlert, Invoice];

    public const string AlertRaised = "stock_alert.raised";
    public const string AlertAcknowledged = "stock_alert.acknowledged";
    public const string AlertResolved = "stock_alert.resolved";
    public const string InvoiceIssued = "invoice.issued";
    public const string PaymentRecorded = "payment.recorded";
    public const string WorkAssigned = "work.assigned";
    public const string WorkWarned = "work.sla_warned";
    public const string WorkBreached = "work.sla_breached";
    public const string WorkEscalated = "work.escalated";

    /// <summary>The work events that go to the outbox (aggregate: the order), by <c>WorkEventKinds</c> kind.</summary>
    public static IReadOnlyDictionary<string, string> OfWorkEvent { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Workflow.WorkEventKinds.Assigned] = WorkAssigned,
        [Workflow.WorkEventKinds.Claimed] = WorkAssigned,
        [Workflow.WorkEventKinds.Warned] = WorkWarned,
        [Workflow.WorkEventKinds.Breached] = WorkBreached,
        [Workflow.WorkEventKinds.Escalated] = WorkEscalated,
    };

    private static readonly Dictionary<string, string> OrderActions = new(StringComparer.Ordinal)
    {
        [OrderHistoryEntry.ReceivedAction] = "order.received",
        [OrderCommand.Edit.ToActionName()] = "order.edited",
        [OrderCommand.Submit.ToActionName()] = "order.submitted",
        [OrderCommand.Review.ToActionName()] = "order.reviewed",
        [OrderCommand.Approve.ToActionName()] = "order.approved",
        [OrderCommand.Reject.ToActionName()] = "order.rejected",
        [OrderCommand.Hold.ToActionName()] = "order.held",
        [OrderCommand.Release.ToActionName()] = "order.released",
        [OrderCommand.Confirm.ToActionName()] = "order.confirmed",
        [OrderCommand.Reserve.ToActionName()] = "order.reserved",
        [OrderCommand.Ship.ToActionName()] = "order.shipped",
        [OrderCommand.Invoice.ToActionName()] = "order.invoiced",
        [OrderCommand.RecordPayment.ToActionName()] = "order.payment_recorded",
        [OrderCommand.Close.ToActionName()] = "order.closed",
        [OrderCommand.Cancel.ToActionName()] = "order.cancelled",
        [OrderHistoryEntry.PromiseAction] = "order.promise_moved",
    };

    private static readonly Dictionary<string, string> PurchaseOrderActions = new(StringComparer.Ordinal)
    {
        [PurchaseOrderHistoryEntry.DraftedAction] = "purchase_order.drafted",
        [PurchaseOrderCommand.Send.ToActionName()] = "purchase_order.sent",
        [PurchaseOrderCommand.Confirm.ToActionName()] = "purchase_order.confirmed",
        [PurchaseOrderCommand.Receive.ToActionName()] = "purchase_order.received",
        [PurchaseOrderCommand.Cancel.ToActionName()] = "purchase_order.cancelled",
    };

    /// <summary>Every type a consumer may subscribe to, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. OrderActions.Values, .. PurchaseOrderActions.Values, AlertRaised, AlertAcknowledged, AlertResolved, InvoiceIssued, PaymentRecorded,
         WorkAssigned, WorkWarned, WorkBreached, WorkEscalated];

    /// <summary>The event of an order history entry's action; an action without one is a programming error.</summary>
    public static string OfOrderAction(string action) => OrderActions.TryGetValue(action, out var type) ? type
        : throw new InvalidOperationException($"Order action '{action}' has no event type; add it to EventTypes.");

    /// <summary>The event of a purchase order history entry's action; an action without one is a programming error.</summary>
    public static string OfPurchaseOrderAction(string action) => PurchaseOrderActions.TryGetValue(action, out var type) ? type
        : throw new InvalidOperationException($"Purchase order action '{action}' has no event type; add it to EventTypes.");
}
