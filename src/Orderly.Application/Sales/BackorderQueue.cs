using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// One committed (Confirmed or Fulfilling) order line still waiting for stock, with the keys of its place in the fair
/// queue that arriving goods serve (ADR 0008): order priority (1 first), then <see cref="ServeBy"/>, then the order's
/// receipt time, then its number, then the line number. Table <c>backorder_queue</c> (migration 0011), indexed on
/// (sku, those keys), so that serving and listing read the head of a SKU's queue instead of every order of the SKU.
/// Kept by every save (<see cref="BackorderQueue.TrackAsync"/>) and by the re-promise worker when it moves a promised date.
/// </summary>
public sealed class BackorderQueueEntry
{
    /// <summary>Lines without a promised date queue after every dated one.</summary>
    public static readonly DateOnly Undated = DateOnly.MaxValue;

    private BackorderQueueEntry() { }

    public OrderId OrderId { get; private set; }
    public int LineNo { get; private set; }
    public string Sku { get; private set; } = "";
    public int Priority { get; private set; }
    /// <summary>The line's promised date, or <see cref="Undated"/>.</summary>
    public DateOnly ServeBy { get; internal set; }
    /// <summary>When the order was received, in UTC (sortable on SQLite, unlike <see cref="DateTimeOffset"/>).</summary>
    public DateTime OrderedAtUtc { get; private set; }
    public string OrderNumber { get; private set; } = "";

    internal static BackorderQueueEntry Of(SalesOrder order, OrderLine line) => new()
    {
        OrderId = order.Id, LineNo = line.LineNo, Sku = line.Sku, Priority = order.Priority, ServeBy = ServeByOf(line.PromisedDate),
        OrderedAtUtc = order.ReceivedAt.UtcDateTime, OrderNumber = order.Number,
    };

    internal static DateOnly ServeByOf(DateOnly? promised) => promised ?? Undated;

    internal bool SamePlaceAs(BackorderQueueEntry other) =>
        Sku == other.Sku && Priority == other.Priority && ServeBy == other.ServeBy && OrderedAtUtc == other.OrderedAtUtc && OrderNumber == other.OrderNumber;

    internal void MoveTo(BackorderQueueEntry other) => (Sku, Priority, ServeBy, OrderedAtUtc, OrderNumber) =
        (other.Sku, other.Priority, other.ServeBy, other.OrderedAtUtc, other.OrderNumber);
}

/// <summary>Keeps <see cref="BackorderQueueEntry"/> rows in step with the orders a save writes, and reads the queue in its order.</summary>
internal static class BackorderQueue
{
    /// <summary>Whether <paramref name="line"/> of an order in <paramref name="status"/> waits in the queue.</summary>
    public static bool Waits(OrderStatus status, OrderLine line) => OrderStatuses.Committed.Contains(status) && line.QuantityToReserve > 0;

    /// <summary>
    /// Before a save: for every tracked order that is or was committed, the queue rows its lines should have now are
    /// compared with those saved (read in one query by order id) and added, moved or removed. Orders that are neither
    /// before nor after the save committed have no rows and cost nothing.
    /// </summary>
    public static async Task TrackAsync(OrderlyDbContext db, CancellationToken ct)
    {
        var withChangedLines = db.ChangeTracker.Entries<OrderLine>().Where(l => l.State != EntityState.Unchanged).Select(l => l.Entity.OrderId).ToHashSet();
        var orders = db.ChangeTracker.Entries<SalesOrder>()
            .Where(e => e.State != EntityState.Unchanged || withChangedLines.Contains(e.Entity.Id))
            .Where(e => OrderStatuses.Committed.Contains(e.Entity.Status)
                        || e.State != EntityState.Added && OrderStatuses.Committed.Contains(e.OriginalValues.GetValue<OrderStatus>(nameof(SalesOrder.Status))))
            .ToList();
        if (orders.Count == 0) return;
        var ids = orders.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();
        var saved = ids.Count == 0 ? [] : await db.BackorderQueueEntries.Where(q => ids.Contains(q.OrderId)).ToListAsync(ct);
        // The rows each order has: saved ones, and ones added by an earlier save attempt of this unit of work.
        var rowsOf = saved.Concat(db.ChangeTracker.Entries<BackorderQueueEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
            .ToLookup(q => q.OrderId);
        foreach (var entry in orders)
        {
            var order = entry.Entity;
            var existing = rowsOf[order.Id].ToDictionary(q => q.LineNo);
            var wanted = entry.State == EntityState.Deleted ? [] : order.Lines.Where(l => Waits(order.Status, l)).Select(l => BackorderQueueEntry.Of(order, l));
            foreach (var row in wanted)
            {
                if (!existing.Remove(row.LineNo, out var kept)) db.BackorderQueueEntries.Add(row);
                else if (!kept.SamePlaceAs(row)) kept.MoveTo(row);
            }
            foreach (var gone in existing.Values) db.BackorderQueueEntries.Remove(gone);
        }
    }

    /// <summary>
    /// What customers wait for, per SKU of <paramref name="skus"/> (in the product's unit): the quantity still to reserve
    /// over the SKU's queue, read from the queue's index and each waiting line by its key, so the work follows the
    /// SKU's backorders, not the book. A SKU nobody waits for is absent.
    /// </summary>
    public static async Task<Dictionary<string, decimal>> WaitingAsync(OrderlyDbContext db, IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        var lines = await (from q in db.BackorderQueueEntries.AsNoTracking()
                           where skus.Contains(q.Sku)
                           join l in db.Set<OrderLine>() on new { q.OrderId, q.LineNo } equals new { l.OrderId, l.LineNo }
                           select new { q.Sku, l.Quantity, l.ReservedQuantity, l.ShippedQuantity }).ToListAsync(ct);
        return lines.GroupBy(l => l.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity - l.ReservedQuantity - l.ShippedQuantity), StringComparer.Ordinal);
    }

    /// <summary>The queue (of one SKU, or every SKU) in the order arriving goods serve it; an index range read.</summary>
    public static IOrderedQueryable<BackorderQueueEntry> InServingOrder(OrderlyDbContext db, string? sku) =>
        (sku is null ? db.BackorderQueueEntries.AsNoTracking() : db.BackorderQueueEntries.AsNoTracking().Where(q => q.Sku == sku))
        .OrderBy(q => q.Priority).ThenBy(q => q.ServeBy).ThenBy(q => q.OrderedAtUtc).ThenBy(q => q.OrderNumber).ThenBy(q => q.LineNo);
}
