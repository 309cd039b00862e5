using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;

namespace Orderly.Application.Workflow;

/// <summary>What one run of the SLA watch recorded, and how many orders saved before migration 0018 it gave their work items (<see cref="WorkBackfill"/>).</summary>
public sealed record SlaWatchReport(DateTimeOffset RanAt, int Checked, int Warned, int Breached, int Escalated, bool More, int Backfilled = 0);

/// <summary>
/// Records the SLA marks reached (issue 11 item 4): warnings, breaches (with escalation to the department's lead) and
/// escalations to management, at the time the clock reaches them, never early. Reads only the items whose next mark has
/// come (<c>ix_work_items_next_check</c>), at most <see cref="BatchSize"/> a transaction and <see cref="MaxBatches"/> a run,
/// so a run is bounded whatever the size of the order book; the server runs it every
/// <c>Orderly:Workflow:SlaWatchSeconds</c> (<c>SlaWatchService</c>) and <c>POST /api/workflow/sla-watch</c> at once.
/// </summary>
public sealed class SlaWatch(OrderlyDbContext db, BusinessClock clock)
{
    public const int BatchSize = 200;
    public const int MaxBatches = 10;

    public async Task<SlaWatchReport> RunAsync(CancellationToken ct)
    {
        var backfilled = await new WorkBackfill(db, clock).RunAsync(ct); // orders saved before migration 0018 first
        var (checkedItems, warned, breached, escalated, more) = (0, 0, 0, 0, true);
        var now = clock.Now.UtcDateTime;
        for (var batch = 0; batch < MaxBatches && more; batch++)
        {
            var reached = await db.InTransactionAsync(async () =>
            {
                var due = await db.WorkItems.Where(w => w.NextCheckAt != null && w.NextCheckAt <= now)
                    .OrderBy(w => w.NextCheckAt).Take(BatchSize).ToListAsync(ct);
                var run = new WorkRun(db, now);
                var kinds = new List<string>();
                foreach (var item in due) kinds.AddRange(await run.ReachMarksAsync(item, ct));
                await db.SaveChangesAsync(ct);
                return (due.Count, kinds);
            }, ct);
            checkedItems += reached.Count;
            warned += reached.kinds.Count(k => k == WorkEventKinds.Warned);
            breached += reached.kinds.Count(k => k == WorkEventKinds.Breached);
            escalated += reached.kinds.Count(k => k == WorkEventKinds.Escalated);
            more = reached.Count == BatchSize;
            db.ForgetUnitOfWork(); // the next batch starts clean (tracked rows and what the workflow read)
        }
        return new SlaWatchReport(clock.Now, checkedItems, warned, breached, escalated, more, backfilled);
    }
}
