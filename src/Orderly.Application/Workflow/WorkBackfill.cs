using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Workflow;

/// <summary>An order whose steps are still to be opened (table <c>work_backfill_queue</c>, migration 0019).</summary>
public sealed class WorkBackfillEntry
{
    private WorkBackfillEntry() { }

    public OrderId OrderId { get; private set; }
}

/// <summary>
/// Opens the work items of the orders saved before migration 0018 (issue 11: no order without an owner for its next
/// step, also after an upgrade): migration 0019 queued every order that was not final; each run takes at most
/// <see cref="MaxBatches"/> batches of <see cref="BatchSize"/>, each in one transaction, loads those orders and brings
/// their work in step with their state (<see cref="WorkSteps.SyncAsync"/>: an order saved since then already has its
/// items, and nothing is opened twice), then takes them off the queue. Their clocks start at the backfill, not when the
/// step began. The SLA watch runs it before each watch (<see cref="SlaWatch"/>); an empty queue costs one read.
/// </summary>
public sealed class WorkBackfill(OrderlyDbContext db, BusinessClock clock)
{
    public const int BatchSize = 200;
    public const int MaxBatches = 10;

    /// <summary>Orders backfilled by this run.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            var done = await db.InTransactionAsync(async () =>
            {
                var queued = await db.WorkBackfillQueue.OrderBy(q => q.OrderId).Take(BatchSize).ToListAsync(ct);
                if (queued.Count == 0) return 0;
                var ids = queued.Select(q => q.OrderId).ToList();
                var orders = await db.SalesOrders.Include(o => o.Lines).Include(o => o.Reservations).Where(o => ids.Contains(o.Id)).ToListAsync(ct);
                await WorkSteps.SyncAsync(db, [.. orders.Select(o => (o, false))], clock.Now.UtcDateTime, ct);
                db.WorkBackfillQueue.RemoveRange(queued);
                await db.SaveChangesAsync(ct);
                return queued.Count;
            }, ct);
            db.ForgetUnitOfWork();
            total += done;
            if (done < BatchSize) break;
        }
        return total;
    }
}
