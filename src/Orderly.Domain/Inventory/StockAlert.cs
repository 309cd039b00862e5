using Orderly.Domain.Common;

namespace Orderly.Domain.Inventory;

public enum AlertKind
{
    LowStock,
    LatePurchaseOrder,
}

public enum AlertStatus
{
    Open,
    Acknowledged,
    Resolved,
}

/// <summary>
/// A warning someone should act on: stock about to run short, or a purchase order past its promised date. One open
/// alert per <see cref="DedupeKey"/>: a scan that finds the same shortage again does not raise it twice.
/// </summary>
public sealed class StockAlert
{
    private StockAlert() { }

    public AlertId Id { get; private set; }
    public AlertKind Kind { get; private set; }
    public AlertStatus Status { get; private set; }
    public string DedupeKey { get; private set; } = "";
    public WarehouseId? WarehouseId { get; private set; }
    public string? Sku { get; private set; }
    public PurchaseOrderId? PurchaseOrderId { get; private set; }
    /// <summary>The purchase order proposed to fix the problem, if one was.</summary>
    public PurchaseOrderId? ProposalId { get; private set; }
    public string Message { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    /// <summary>Who raised it (the scan's actor); '' for alerts raised before migration 0012.</summary>
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }
    public string? Resolution { get; private set; }

    public static string LowStockKey(WarehouseId warehouse, string sku) => $"low-stock:{warehouse}:{sku}";

    public static string LateKey(PurchaseOrderId order) => $"late-po:{order}";

    public static StockAlert LowStock(WarehouseId warehouse, string sku, string message, PurchaseOrderId? proposal, string actor,
        DateTimeOffset now) => new()
    {
        Id = AlertId.New(), Kind = AlertKind.LowStock, Status = AlertStatus.Open, DedupeKey = LowStockKey(warehouse, sku),
        WarehouseId = warehouse, Sku = sku, ProposalId = proposal, Message = message, RaisedAt = now, RaisedBy = actor,
    };

    public static StockAlert LatePurchaseOrder(PurchaseOrderId order, WarehouseId warehouse, string message, PurchaseOrderId? proposal,
        string actor, DateTimeOffset now) => new()
    {
        Id = AlertId.New(), Kind = AlertKind.LatePurchaseOrder, Status = AlertStatus.Open, DedupeKey = LateKey(order),
        WarehouseId = warehouse, PurchaseOrderId = order, ProposalId = proposal, Message = message, RaisedAt = now, RaisedBy = actor,
    };

    public void Acknowledge(string actor, DateTimeOffset now)
    {
        if (Status != AlertStatus.Open)
            throw new BusinessRuleViolation("alert.not_open", $"The alert is {Status}; only an open alert can be acknowledged.");
        (Status, AcknowledgedAt, AcknowledgedBy) = (AlertStatus.Acknowledged, now, actor);
    }

    public void Resolve(string resolution, string actor, DateTimeOffset now)
    {
        if (Status == AlertStatus.Resolved)
            throw new BusinessRuleViolation("alert.already_resolved", $"The alert was already resolved: {Resolution}");
        if (string.IsNullOrWhiteSpace(resolution))
            throw InvalidInput.ForField("resolution", "alert.resolution_required", "Say how the alert was resolved.");
        (Status, ResolvedAt, ResolvedBy, Resolution) = (AlertStatus.Resolved, now, actor, resolution.Trim());
    }
}
