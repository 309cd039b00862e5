using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// The exact re-promise after commit (ADR 0009): takes queued SKUs, reads each SKU's open lines, stock, expected supply
/// and backorder links from one snapshot without holding the write lock, walks the fair queue (<see cref="PromiseWalk"/>),
/// and then, in a short write transaction, writes only the promises that moved — each guarded so that a line or order
/// changed since the snapshot is left for the next round — with a history entry per moved date, a jeopardy exception
/// where a date slipped past the requested one (<see cref="Workflow.Jeopardy"/>), the backorder links, and the SKU's
/// open demand counted afresh. A SKU that changed again meanwhile stays queued.
/// </summary>
public sealed class PromiseRefresher(OrderlyDbContext db, PromiseQueue queue, BusinessClock clock)
{
    public const string Actor = "system:promises";

    /// <summary>Most promise updates one write transaction of the worker makes (200; tests make it smaller).</summary>
    internal int LinesPerWrite { get; set; } = 200;

    /// <summary>Recomputes up to <paramref name="maxSkus"/> of the longest-queued SKUs; returns how many it took.</summary>
    public async Task<int> RefreshDueAsync(int maxSkus, CancellationToken ct)
    {
        var due = await queue.DueAsync(maxSkus, ct);
        if (due.Count > 0) await RefreshAsync(due.Select(d => d.Sku).ToList(), ct);
        return due.Count;
    }

    /// <summary>Works until the queue is empty (at most <paramref name="maxRounds"/> rounds of 50 SKUs): tests and demos.</summary>
    public async Task DrainAsync(CancellationToken ct, int maxRounds = 100)
    {
        for (var round = 0; round < maxRounds && await RefreshDueAsync(50, ct) > 0; round++) { }
    }

    /// <summary>
    /// One snapshot read for a batch of SKUs; the moved promises are then written in transactions of at most
    /// <see cref="LinesPerWrite"/> lines, so that the worker never holds the write lock long (after a bulk import every
    /// line moves), and the links, the queue and open demand in the last one.
    /// </summary>
    private async Task RefreshAsync(IReadOnlyList<string> skus, CancellationToken ct)
    {
        var snapshots = await db.InReadSnapshotAsync(() => ReadAsync(skus, ct), ct);
        var now = clock.Now;
        var today = clock.DateOf(now);
        var walks = snapshots.Values.Select(snapshot => (Snapshot: snapshot, Walk: PromiseWalk.Run(snapshot.Sku, snapshot.Lines.Select(l => l.Queued),
            snapshot.Position.Free, new SupplyTimeline(snapshot.Position.Supply), snapshot.Position.Supplier, today))).ToList();
        var moved = walks.SelectMany(w =>
            {
                var byLine = w.Snapshot.Lines.ToDictionary(l => (l.Queued.OrderId, l.Queued.LineNo));
                return w.Walk.Select(step => (Line: byLine[(step.Line.OrderId, step.Line.LineNo)], step.Promise, w.Snapshot.Sku));
            })
            .Where(m => m.Line.Queued.PromisedDate != m.Promise.Date || m.Line.Basis != m.Promise.Basis).ToList();

        var chunks = moved.Chunk(LinesPerWrite).DefaultIfEmpty([]).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1;
            await db.InTransactionAsync(async () =>
            {
                var slips = new List<Workflow.PromiseSlip>();
                foreach (var (line, promise, sku) in chunks[i])
                    if (await WriteIfMovedAsync(line, promise, now, ct)
                        && Workflow.Jeopardy.Slipped(line.Status, line.RequestedDate, line.Queued.PromisedDate, promise.Date))
                        slips.Add(new(line.Queued.OrderId, line.Queued.LineNo, sku, line.Queued.PromisedDate, promise.Date!.Value, line.RequestedDate!.Value));
                await Workflow.Jeopardy.RaiseAsync(db, slips, now.UtcDateTime, ct);
                if (last) await FinishAsync(skus, walks, now, ct);
                await db.SaveChangesAsync(ct);
                return 0;
            }, ct);
        }
    }

    /// <summary>The batch's backorder links, and each SKU taken off the queue with its open demand counted afresh.</summary>
    private async Task FinishAsync(IReadOnlyList<string> skus, IReadOnlyList<(Snapshot Snapshot, IReadOnlyList<(QueuedLine Line, LinePromise Promise)> Walk)> walks,
        DateTimeOffset now, CancellationToken ct)
    {
        var demand = await db.SkuOpenDemands.Where(d => skus.Contains(d.Sku)).ToDictionaryAsync(d => d.Sku, StringComparer.Ordinal, ct);
        foreach (var (snapshot, walk) in walks)
        {
            await WriteLinksAsync(snapshot, walk, now, ct);
            if (snapshot.Generation is { } generation && await queue.CompleteAsync(snapshot.Sku, generation, ct))
                SetOpenDemand(demand, snapshot, now);
        }
    }

    /// <summary>Writes the line's new promise unless the line or its order changed since the snapshot; true when its date moved.</summary>
    private async Task<bool> WriteIfMovedAsync(SnapshotLine line, LinePromise promise, DateTimeOffset now, CancellationToken ct)
    {
        var (order, lineNo, before, basis, version) = (line.Queued.OrderId, line.Queued.LineNo, line.Queued.PromisedDate, line.Basis, line.Version);
        var written = await db.Set<OrderLine>()
            .Where(l => l.OrderId == order && l.LineNo == lineNo && l.PromisedDate == before && l.PromiseBasis == basis
                        && db.SalesOrders.Any(o => o.Id == order && o.Version == version))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.PromisedDate, promise.Date).SetProperty(l => l.PromiseBasis, promise.Basis), ct);
        if (written != 1 || before == promise.Date) return false;
        db.OrderHistory.Add(OrderHistoryEntry.PromiseMoved(order, line.Status, lineNo, before, promise.Date, promise.Basis, Actor, now));
        // The queue's place follows the promised date; the save's own tracking does not see an ExecuteUpdate.
        var serveBy = BackorderQueueEntry.ServeByOf(promise.Date);
        if (line.Queued.Committed)
            await db.BackorderQueueEntries.Where(q => q.OrderId == order && q.LineNo == lineNo).ExecuteUpdateAsync(s => s.SetProperty(q => q.ServeBy, serveBy), ct);
        return true;
    }

    /// <summary>
    /// Backorder links follow the promises of committed lines: links to open purchase orders still counted on are kept
    /// (and re-sized), new ones added, the rest removed. Links to received or cancelled purchase orders stay as a record.
    /// </summary>
    private async Task WriteLinksAsync(Snapshot snapshot, IReadOnlyList<(QueuedLine Line, LinePromise Promise)> walk, DateTimeOffset now,
        CancellationToken ct)
    {
        var wanted = walk.Where(w => w.Line.Committed)
            .SelectMany(w => w.Promise.Uses.Select(u => (w.Line.OrderId, w.Line.LineNo, u.Supply.PurchaseOrderId, u.Supply.LineNo, u.Quantity)))
            .ToList();
        var kept = new HashSet<long>();
        foreach (var (order, lineNo, purchaseOrder, purchaseLine, quantity) in wanted)
        {
            var link = snapshot.Links.FirstOrDefault(l => l.OrderId == order && l.OrderLineNo == lineNo
                                                         && l.PurchaseOrderId == purchaseOrder && l.PurchaseOrderLineNo == purchaseLine);
            if (link is null)
            {
                db.BackorderLinks.Add(BackorderLink.Create(order, lineNo, purchaseOrder, purchaseLine, quantity, now));
                continue;
            }
            kept.Add(link.Id);
            if (link.Quantity != quantity)
                await db.BackorderLinks.Where(l => l.Id == link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Quantity, quantity), ct);
        }
        var unused = snapshot.Links.Where(l => !kept.Contains(l.Id)).Select(l => l.Id).ToList();
        if (unused.Count > 0) await db.BackorderLinks.Where(l => unused.Contains(l.Id)).ExecuteDeleteAsync(ct);
    }

    private void SetOpenDemand(Dictionary<string, SkuOpenDemand> rows, Snapshot snapshot, DateTimeOffset now)
    {
        if (rows.TryGetValue(snapshot.Sku, out var row)) (row.OpenQuantity, row.CountedAt) = (snapshot.OpenDemand, now);
        else db.SkuOpenDemands.Add(SkuOpenDemand.Counted(snapshot.Sku, snapshot.OpenDemand, now));
    }

    private async Task<Dictionary<string, Snapshot>> ReadAsync(IReadOnlyList<string> skus, CancellationToken ct)
    {
        var generations = await db.PromiseRefreshQueue.AsNoTracking().Where(q => skus.Contains(q.Sku))
            .ToDictionaryAsync(q => q.Sku, q => q.Generation, StringComparer.Ordinal, ct);
        var rows = await (from l in db.Set<OrderLine>().AsNoTracking()
                          join o in db.SalesOrders on l.OrderId equals o.Id
                          where skus.Contains(l.Sku) && OrderStatuses.Open.Contains(o.Status)
                          select new
                          {
                              l.Sku, l.OrderId, l.LineNo, o.Status, o.Priority, o.ReceivedAt, o.Version, o.RequestedDate, l.Quantity, l.ReservedQuantity,
                              l.ShippedQuantity, l.PromisedDate, l.PromiseBasis,
                          }).ToListAsync(ct);
        var positions = await SkuPositions.LoadAsync(db, skus, ct);
        var links = await (from link in db.BackorderLinks.AsNoTracking()
                           join line in db.Set<PurchaseOrderLine>() on new { link.PurchaseOrderId, LineNo = link.PurchaseOrderLineNo }
                               equals new { line.PurchaseOrderId, line.LineNo }
                           join po in db.PurchaseOrders on link.PurchaseOrderId equals po.Id
                           where skus.Contains(line.Sku) && PurchaseOrder.OpenStatuses.Contains(po.Status)
                           select new { line.Sku, Link = link }).ToListAsync(ct);
        return skus.Distinct(StringComparer.Ordinal).ToDictionary(sku => sku, sku =>
        {
            var open = rows.Where(r => r.Sku == sku).ToList();
            var lines = open.Where(r => r.Quantity > r.ShippedQuantity).Select(r => new SnapshotLine(
                new QueuedLine(r.OrderId, r.LineNo, OrderStatuses.Committed.Contains(r.Status), r.Priority, r.ReceivedAt,
                    r.Quantity - r.ReservedQuantity - r.ShippedQuantity, r.PromisedDate),
                r.Status, r.Version, r.PromiseBasis, r.RequestedDate)).ToList();
            return new Snapshot(sku, generations.TryGetValue(sku, out var g) ? g : null, lines, open.Sum(r => r.Quantity - r.ShippedQuantity),
                positions[sku], links.Where(l => l.Sku == sku).Select(l => l.Link).ToList());
        }, StringComparer.Ordinal);
    }

    private sealed record SnapshotLine(QueuedLine Queued, OrderStatus Status, int Version, string Basis, DateOnly? RequestedDate);

    private sealed record Snapshot(string Sku, long? Generation, List<SnapshotLine> Lines, decimal OpenDemand, SkuPosition Position, List<BackorderLink> Links);
}
