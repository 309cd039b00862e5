using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>Open work items of one step of one department (table <c>work_queue_counts</c>, migration 0019): all, unassigned, breached.</summary>
public sealed class WorkQueueCount
{
    private WorkQueueCount() { }

    public string Department { get; private set; } = "";
    public OrderStep Step { get; private set; }
    public long OpenItems { get; private set; }
    public long Unassigned { get; private set; }
    public long Breached { get; private set; }
}

/// <summary>
/// The steps done on one business day (table <c>work_step_days</c>, migration 0019), per step and
/// <see cref="TimeInStep"/> bucket of the working time they took: how many, how many had an SLA, how many met it, and
/// their working seconds in total.
/// </summary>
public sealed class WorkStepDay
{
    private WorkStepDay() { }

    public DateOnly Day { get; private set; }
    public OrderStep Step { get; private set; }
    public int Bucket { get; private set; }
    public string Department { get; private set; } = "";
    public long Done { get; private set; }
    public long WithSla { get; private set; }
    public long Met { get; private set; }
    public long WorkedSeconds { get; private set; }
}

/// <summary>
/// Keeps <see cref="WorkQueueCount"/> and <see cref="WorkStepDay"/> in step with the work items a save writes, so the
/// process figures read at most a row per department and step (and per day and bucket), never the open work or its
/// history (issue 11 item 8). Like <c>OrdersByStatus</c>: the differences between each item's values as last saved and
/// now (open, unassigned, breached; done in this save), added by one relative upsert per table, no read; a rolled-back
/// transaction takes them with it. An item is done within its SLA when its working time is within the budget.
/// </summary>
internal static class WorkTallies
{
    internal static async Task TrackAsync(OrderlyDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges(); // the work items changed by WorkSteps after the first detection
        var queues = new Dictionary<(string Department, OrderStep Step), (long Open, long Unassigned, long Breached)>();
        var days = new Dictionary<(DateOnly Day, OrderStep Step, int Bucket), (string Department, long Done, long WithSla, long Met, long Seconds)>();
        foreach (var entry in db.ChangeTracker.Entries<WorkItem>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var item = entry.Entity;
            var was = entry.State == EntityState.Added ? default : State(
                entry.OriginalValues.GetValue<DateTime?>(nameof(WorkItem.DoneAt)),
                entry.OriginalValues.GetValue<Guid?>(nameof(WorkItem.AssigneeId)),
                entry.OriginalValues.GetValue<DateTime?>(nameof(WorkItem.BreachedAt)));
            var now = State(item.DoneAt, item.AssigneeId, item.BreachedAt);
            var key = (item.Department, item.Step);
            var q = queues.GetValueOrDefault(key);
            queues[key] = (q.Open + now.Open - was.Open, q.Unassigned + now.Unassigned - was.Unassigned, q.Breached + now.Breached - was.Breached);
            if (item.DoneAt is { } doneAt && (was.Open == 1 || entry.State == EntityState.Added)) // done in this save
            {
                var day = db.Business.DateOf(WorkItemViews.Utc(doneAt));
                var dayKey = (day, item.Step, TimeInStep.BucketOf(item.WorkedSeconds / 60m));
                var d = days.GetValueOrDefault(dayKey);
                var met = item.BudgetMinutes is { } budget && item.WorkedSeconds <= budget * 60L ? 1 : 0;
                days[dayKey] = (item.Department, d.Done + 1, d.WithSla + (item.BudgetMinutes is null ? 0 : 1), d.Met + met, d.Seconds + item.WorkedSeconds);
            }
        }
        var queueRows = queues.Where(q => q.Value != default)
            .Select(q => new object[] { q.Key.Department, q.Key.Step.ToString(), q.Value.Open, q.Value.Unassigned, q.Value.Breached }).ToList();
        if (queueRows.Count > 0)
            await UpsertAsync(db, "work_queue_counts (department, step, open_items, unassigned, breached)", "department, step",
                "open_items = work_queue_counts.open_items + excluded.open_items, unassigned = work_queue_counts.unassigned + excluded.unassigned, "
                + "breached = work_queue_counts.breached + excluded.breached", queueRows, ct);
        var dayRows = days.Select(d => new object[]
            { d.Key.Day, d.Key.Step.ToString(), d.Key.Bucket, d.Value.Department, d.Value.Done, d.Value.WithSla, d.Value.Met, d.Value.Seconds }).ToList();
        if (dayRows.Count > 0)
            await UpsertAsync(db, "work_step_days (day, step, bucket, department, done, with_sla, met, worked_seconds)", "day, step, bucket",
                "done = work_step_days.done + excluded.done, with_sla = work_step_days.with_sla + excluded.with_sla, "
                + "met = work_step_days.met + excluded.met, worked_seconds = work_step_days.worked_seconds + excluded.worked_seconds", dayRows, ct);
    }

    /// <summary>One <c>INSERT … VALUES (…), (…) ON CONFLICT (…) DO UPDATE SET …</c> for all the rows: the same SQL on both providers.</summary>
    private static Task<int> UpsertAsync(OrderlyDbContext db, string into, string key, string add, List<object[]> rows, CancellationToken ct)
    {
        var n = 0;
        var values = string.Join(", ", rows.Select(r => "(" + string.Join(", ", r.Select(_ => $"{{{n++}}}")) + ")"));
        // Only numbered placeholders and this class's own column lists are concatenated; every value goes in as a parameter.
#pragma warning disable EF1002, EF1003
        return db.Database.ExecuteSqlRawAsync($"INSERT INTO {into} VALUES {values} ON CONFLICT ({key}) DO UPDATE SET {add}",
            rows.SelectMany(r => r).ToArray(), ct);
#pragma warning restore EF1002, EF1003
    }

    private static (long Open, long Unassigned, long Breached) State(DateTime? doneAt, Guid? assignee, DateTime? breachedAt) =>
        doneAt is not null ? default : (1, assignee is null ? 1 : 0, breachedAt is null ? 0 : 1);
}
