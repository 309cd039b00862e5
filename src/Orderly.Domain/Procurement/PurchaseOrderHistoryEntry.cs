using Orderly.Domain.Common;

namespace Orderly.Domain.Procurement;

/// <summary>One change of a purchase order: who, when, from which status to which, and why.</summary>
public sealed class PurchaseOrderHistoryEntry
{
    /// <summary>The action of a purchase order's first entry; every later one is a command's action name.</summary>
    public const string DraftedAction = "draft";

    private PurchaseOrderHistoryEntry() { }

    public long Id { get; private set; }
    public PurchaseOrderId PurchaseOrderId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public PurchaseOrderStatus? FromStatus { get; private set; }
    public PurchaseOrderStatus ToStatus { get; private set; }
    public string Reason { get; private set; } = "";

    internal static PurchaseOrderHistoryEntry Record(PurchaseOrderId order, DateTimeOffset at, string actor, string action,
        PurchaseOrderStatus? from, PurchaseOrderStatus to, string reason) => new()
    {
        PurchaseOrderId = order, At = at, Actor = actor, Action = action, FromStatus = from, ToStatus = to, Reason = reason,
    };
}
