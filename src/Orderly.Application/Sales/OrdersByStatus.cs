using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>How many orders stand in <see cref="Status"/> (table <c>order_status_counts</c>, migration 0013).</summary>
public sealed class OrderStatusCount
{
    private OrderStatusCount() { }

    public OrderStatus Status { get; private set; }
    public long Orders { get; internal set; }

    internal static OrderStatusCount Counted(OrderStatus status, long orders) => new() { Status = status, Orders = orders };
}

/// <summary>
/// Keeps <see cref="OrderStatusCount"/> in step with the orders a save writes, as open demand and credit exposure are
/// kept (<see cref="TrackedRows"/>): the metrics endpoint (<c>orderly_orders{status}</c>) reads at most one row per
/// status, never the order book (ADR 0016). A status without a row is counted once from
/// <c>ix_sales_orders_status_received</c>; migration 0013 counted the book as it stood.
/// </summary>
public static class OrdersByStatus
{
    /// <summary>
    /// Before a save (after <c>DetectChanges</c>, which <see cref="OpenDemand.TrackAsync"/> ran): −1 for the status each
    /// tracked order was read with, +1 for the one it is saved with; a new order only adds, a deleted one only takes.
    /// </summary>
    internal static async Task TrackAsync(OrderlyDbContext db, CancellationToken ct)
    {
        var deltas = new Dictionary<OrderStatus, long>();
        foreach (var order in db.ChangeTracker.Entries<SalesOrder>())
        {
            if (order.State is EntityState.Modified or EntityState.Deleted)
                Add(deltas, order.OriginalValues.GetValue<OrderStatus>(nameof(SalesOrder.Status)), -1);
            if (order.State is EntityState.Modified or EntityState.Added)
                Add(deltas, order.Entity.Status, +1);
        }
        foreach (var status in deltas.Where(d => d.Value == 0).Select(d => d.Key).ToList()) deltas.Remove(status);
        if (deltas.Count == 0) return;
        var rows = await TrackedRows.LoadAsync(db, deltas.Keys, c => c.Status,
            missing => db.OrderStatusCounts.Where(c => missing.Contains(c.Status)),
            async status => OrderStatusCount.Counted(status, await CountAsync(db, status, ct)), ct);
        foreach (var (status, delta) in deltas) rows[status].Orders += delta;
    }

    /// <summary>
    /// Orders per status as saved, every status named (0 where there is no row). Synchronous on purpose: metric callbacks
    /// cannot await. One read of at most one row per status.
    /// </summary>
    public static IReadOnlyDictionary<OrderStatus, long> Read(OrderlyDbContext db)
    {
        var saved = db.OrderStatusCounts.AsNoTracking().ToDictionary(c => c.Status, c => c.Orders);
        return Enum.GetValues<OrderStatus>().ToDictionary(s => s, s => saved.GetValueOrDefault(s));
    }

    /// <summary>The orders in <paramref name="status"/> counted from the book (through <c>ix_sales_orders_status_received</c>).</summary>
    internal static Task<long> CountAsync(OrderlyDbContext db, OrderStatus status, CancellationToken ct) =>
        db.SalesOrders.LongCountAsync(o => o.Status == status, ct);

    private static void Add(Dictionary<OrderStatus, long> deltas, OrderStatus status, long change) =>
        deltas[status] = deltas.GetValueOrDefault(status) + change;
}
