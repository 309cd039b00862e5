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
/// Keeps <see cref="OrderStatusCount"/> in step with the orders a save writes: the metrics endpoint
/// (<c>orderly_orders{status}</c>) reads at most one row per status, never the order book (ADR 0016). Each save adds its
/// differences with one relative update (<c>orders = orders + delta</c>, no read, so no read-modify-write on these hot rows
/// between writers). A status without a row is counted once from <c>ix_sales_orders_status_received</c>; migration 0013
/// counted the book as it stood.
/// </summary>
public static class OrdersByStatus
{
    /// <summary>
    /// Before a save (after <c>DetectChanges</c>, which <see cref="OpenDemand.TrackAsync"/> ran), inside its transaction
    /// (<see cref="OrderlyDbContext.SaveChangesAsync(bool, CancellationToken)"/>): −1 for the status each tracked order was
    /// last saved with, +1 for the one it is saved with now; a new order only adds, a deleted one only takes. Nothing is
    /// kept in memory: a second save of the unit of work adds only what changed since the first (its orders' original
    /// values are the first save's), and a rolled-back transaction takes its differences with it, so a unit of work
    /// retried as a whole counts once.
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
        var changes = deltas.Where(d => d.Value != 0).Select(d => (Status: d.Key.ToString(), Delta: d.Value)).ToList();
        if (changes.Count == 0) return;
        if (await AddAsync(db, changes, ct) == changes.Count) return;
        // The first save that touches a status without a row (rare: once per status and database).
        var kept = await db.OrderStatusCounts.AsNoTracking().Where(c => deltas.Keys.Contains(c.Status)).Select(c => c.Status).ToListAsync(ct);
        foreach (var (status, delta) in deltas.Where(d => d.Value != 0 && !kept.Contains(d.Key)))
            await CountOnceAsync(db, status, delta, ct);
    }

    /// <summary>One <c>UPDATE … SET orders = orders + CASE status …</c> for all the changed statuses; returns the rows it found.</summary>
    private static Task<int> AddAsync(OrderlyDbContext db, List<(string Status, long Delta)> changes, CancellationToken ct)
    {
        var cases = string.Concat(changes.Select((_, i) => $" WHEN {{{2 * i}}} THEN {{{2 * i + 1}}}"));
        var keys = string.Join(", ", changes.Select((_, i) => $"{{{2 * i}}}"));
        var parameters = changes.SelectMany(c => new object[] { c.Status, c.Delta }).ToArray();
        // Only numbered placeholders are concatenated; every value goes in as a parameter.
#pragma warning disable EF1002, EF1003
        return db.Database.ExecuteSqlRawAsync(
            $"UPDATE order_status_counts SET orders = orders + CASE status{cases} END WHERE status IN ({keys})", parameters, ct);
#pragma warning restore EF1002, EF1003
    }

    /// <summary>
    /// The row of a status counted from the book as saved before this save (<see cref="CountAsync"/>), plus this save's
    /// difference. Another writer that added the row meanwhile (PostgreSQL) counted the book without this save's orders:
    /// the difference is added to it.
    /// </summary>
    private static async Task CountOnceAsync(OrderlyDbContext db, OrderStatus status, long delta, CancellationToken ct)
    {
        var counted = await CountAsync(db, status, ct) + delta;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO order_status_counts (status, orders) VALUES ({status.ToString()}, {counted})
            ON CONFLICT (status) DO UPDATE SET orders = order_status_counts.orders + {delta}
            """, ct);
    }

    /// <summary>
    /// Orders per status as saved, every status named (0 where there is no row). Synchronous on purpose: metric callbacks
    /// cannot await. One read of at most one row per status.
    /// </summary>
    public static IReadOnlyDictionary<OrderStatus, long> Read(OrderlyDbContext db) => EveryStatus(db.OrderStatusCounts.AsNoTracking().ToList());

    /// <summary>Asynchronous <see cref="Read"/>, for pages.</summary>
    public static async Task<IReadOnlyDictionary<OrderStatus, long>> ReadAsync(OrderlyDbContext db, CancellationToken ct) =>
        EveryStatus(await db.OrderStatusCounts.AsNoTracking().ToListAsync(ct));

    private static IReadOnlyDictionary<OrderStatus, long> EveryStatus(IEnumerable<OrderStatusCount> saved)
    {
        var byStatus = saved.ToDictionary(c => c.Status, c => c.Orders);
        return Enum.GetValues<OrderStatus>().ToDictionary(s => s, s => byStatus.GetValueOrDefault(s));
    }

    /// <summary>The orders in <paramref name="status"/> counted from the book (through <c>ix_sales_orders_status_received</c>).</summary>
    internal static Task<long> CountAsync(OrderlyDbContext db, OrderStatus status, CancellationToken ct) =>
        db.SalesOrders.LongCountAsync(o => o.Status == status, ct);

    private static void Add(Dictionary<OrderStatus, long> deltas, OrderStatus status, long change) =>
        deltas[status] = deltas.GetValueOrDefault(status) + change;
}
