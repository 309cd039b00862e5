using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Orderly.Application.Persistence;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Open demand of one SKU: ordered − shipped (in the product's unit, reserved quantity included) over every line of an
/// order from Draft to Fulfilling. What an order's own lines are promised in the request is read off it
/// (<see cref="PromiseAtTail"/>), so it is kept by every save (<see cref="OpenDemand.TrackAsync"/>) and set again from
/// the lines by each exact re-promise. See docs/decisions/0009-promises-after-commit.md.
/// </summary>
public sealed class SkuOpenDemand
{
    private SkuOpenDemand() { }

    public string Sku { get; private set; } = "";
    public decimal OpenQuantity { get; internal set; }
    public DateTimeOffset CountedAt { get; internal set; }

    internal static SkuOpenDemand Counted(string sku, decimal quantity, DateTimeOffset at) => new() { Sku = sku, OpenQuantity = quantity, CountedAt = at };
}

/// <summary>Keeps <see cref="SkuOpenDemand"/> in step with the order lines a save writes.</summary>
internal static class OpenDemand
{
    public static bool IsOpen(OrderStatus? status) => status is { } s && OrderStatuses.Open.Contains(s);

    /// <summary>
    /// Before a save: the change in open demand per SKU that the tracked orders and lines carry (from the values last
    /// read or saved to the current ones), applied to the SKUs' rows. A SKU without a row is counted from its lines
    /// as they stand in the database, before this save.
    /// </summary>
    public static async Task TrackAsync(OrderlyDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var deltas = Deltas(db.ChangeTracker);
        if (deltas.Count == 0) return;
        var rows = await RowsAsync(db, deltas.Keys, now, ct);
        foreach (var (sku, delta) in deltas) rows[sku].OpenQuantity += delta;
    }

    /// <summary>
    /// What <paramref name="order"/>'s lines count in the saved open demand, per SKU: read off the values they were
    /// loaded or last saved with (nothing for an order not saved yet).
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> SavedOf(OrderlyDbContext db, SalesOrder order)
    {
        db.ChangeTracker.DetectChanges();
        var counted = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var entry = db.Entry(order);
        if (entry.State == EntityState.Added || !IsOpen(entry.OriginalValues.GetValue<OrderStatus>(nameof(SalesOrder.Status)))) return counted;
        foreach (var line in db.ChangeTracker.Entries<OrderLine>().Where(l => l.Entity.OrderId == order.Id && l.State != EntityState.Added))
            Add(counted, line.OriginalValues.GetValue<string>(nameof(OrderLine.Sku)), SavedOpenQuantity(line));
        return counted;
    }

    /// <summary>The open demand of these SKUs as saved; a SKU without a row is counted from its lines, and the row added.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> OfAsync(OrderlyDbContext db, IReadOnlyCollection<string> skus,
        DateTimeOffset now, CancellationToken ct)
    {
        var rows = await RowsAsync(db, skus, now, ct);
        return skus.Distinct(StringComparer.Ordinal).ToDictionary(sku => sku, sku => rows[sku].OpenQuantity, StringComparer.Ordinal);
    }

    /// <summary>The tracked row of each of these SKUs; a SKU without a row is counted from its lines and its row added.</summary>
    private static Task<Dictionary<string, SkuOpenDemand>> RowsAsync(OrderlyDbContext db, IEnumerable<string> skus, DateTimeOffset now,
        CancellationToken ct) =>
        TrackedRows.LoadAsync(db, skus, d => d.Sku, missing => db.SkuOpenDemands.Where(d => missing.Contains(d.Sku)),
            async sku => SkuOpenDemand.Counted(sku, await CountAsync(db, sku, ct), now), ct);

    /// <summary>Open demand of a SKU counted from its lines.</summary>
    public static async Task<decimal> CountAsync(OrderlyDbContext db, string sku, CancellationToken ct)
    {
        var open = await (from l in db.Set<OrderLine>().AsNoTracking()
                          join o in db.SalesOrders on l.OrderId equals o.Id
                          where l.Sku == sku && OrderStatuses.Open.Contains(o.Status)
                          select new { l.Quantity, l.ShippedQuantity }).ToListAsync(ct);
        return open.Sum(l => l.Quantity - l.ShippedQuantity);
    }

    private static Dictionary<string, decimal> Deltas(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var statuses = tracker.Entries<SalesOrder>().ToDictionary(e => e.Entity.Id, e => (
            Before: e.State == EntityState.Added ? null : (OrderStatus?)e.OriginalValues.GetValue<OrderStatus>(nameof(SalesOrder.Status)),
            After: e.State == EntityState.Deleted ? null : (OrderStatus?)e.Entity.Status));
        var deltas = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in tracker.Entries<OrderLine>())
        {
            if (!statuses.TryGetValue(line.Entity.OrderId, out var status)) continue;
            if (line.State == EntityState.Unchanged && status.Before == status.After) continue;
            if (line.State != EntityState.Added && IsOpen(status.Before))
                Add(deltas, line.OriginalValues.GetValue<string>(nameof(OrderLine.Sku)), -SavedOpenQuantity(line));
            if (line.State != EntityState.Deleted && IsOpen(status.After))
                Add(deltas, line.Entity.Sku, line.Entity.Quantity - line.Entity.ShippedQuantity);
        }
        foreach (var sku in deltas.Where(d => d.Value == 0).Select(d => d.Key).ToList()) deltas.Remove(sku);
        return deltas;
    }

    /// <summary>Ordered − shipped of a line as it was read or last saved.</summary>
    private static decimal SavedOpenQuantity(EntityEntry<OrderLine> line) =>
        line.OriginalValues.GetValue<decimal>(nameof(OrderLine.Quantity)) - line.OriginalValues.GetValue<decimal>(nameof(OrderLine.ShippedQuantity));

    private static void Add(Dictionary<string, decimal> deltas, string sku, decimal quantity) =>
        deltas[sku] = deltas.GetValueOrDefault(sku) + quantity;
}
