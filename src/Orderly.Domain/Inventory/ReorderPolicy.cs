using Orderly.Domain.Common;

namespace Orderly.Domain.Inventory;

/// <summary>
/// When to buy more of a SKU for a warehouse (库存预警): when the stock position (available + on order − backordered)
/// falls to the reorder point, order the reorder quantity, or up to the maximum when a min/max policy is used.
/// </summary>
public sealed class ReorderPolicy
{
    private ReorderPolicy() { }

    public WarehouseId WarehouseId { get; private set; }
    public string Sku { get; private set; } = "";
    public decimal ReorderPoint { get; private set; }
    public decimal SafetyStock { get; private set; }
    public decimal? ReorderQuantity { get; private set; }
    public decimal? MaxStock { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static ReorderPolicy Define(WarehouseId warehouse, string sku, decimal reorderPoint, decimal safetyStock, decimal? reorderQuantity,
        decimal? maxStock, DateTimeOffset now)
    {
        var policy = new ReorderPolicy { WarehouseId = warehouse, Sku = sku };
        policy.Change(reorderPoint, safetyStock, reorderQuantity, maxStock, now);
        return policy;
    }

    public void Change(decimal reorderPoint, decimal safetyStock, decimal? reorderQuantity, decimal? maxStock, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (reorderPoint < 0) errors.Add("reorderPoint", "The reorder point cannot be negative.");
        if (safetyStock < 0) errors.Add("safetyStock", "Safety stock cannot be negative.");
        else if (safetyStock > reorderPoint) errors.Add("safetyStock", "Safety stock cannot be above the reorder point.");
        if (reorderQuantity is null == maxStock is null)
            errors.Add("reorderQuantity", "Give either a reorder quantity or a maximum stock (min/max), not both and not neither.");
        if (reorderQuantity is <= 0) errors.Add("reorderQuantity", "The reorder quantity must be greater than zero.");
        if (maxStock is { } max && max <= reorderPoint) errors.Add("maxStock", "The maximum must be above the reorder point.");
        Limits.QuantityFits(errors, "reorderPoint", reorderPoint);
        Limits.QuantityFits(errors, "safetyStock", safetyStock);
        if (reorderQuantity is { } quantity) Limits.QuantityFits(errors, "reorderQuantity", quantity);
        if (maxStock is { } maximum) Limits.QuantityFits(errors, "maxStock", maximum);
        errors.ThrowIfAny("reorder_policy.invalid", "The reorder policy cannot be saved as sent.");
        (ReorderPoint, SafetyStock, ReorderQuantity, MaxStock, UpdatedAt) = (reorderPoint, safetyStock, reorderQuantity, maxStock, now);
    }

    /// <summary>
    /// Whether <paramref name="position"/> calls for buying, and how much: nothing above the reorder point, and never more
    /// than one line may order (<see cref="Limits.MaxQuantity"/>); a deeper shortfall is bought again by the next scan.
    /// </summary>
    public decimal ShortfallQuantity(decimal position)
    {
        if (position > ReorderPoint) return 0m;
        var wanted = MaxStock is { } max ? max - position : Math.Max(ReorderQuantity!.Value, ReorderPoint - position);
        return Math.Min(wanted, Limits.MaxQuantity);
    }
}
