using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Workflow;
using Orderly.Domain.Common;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Insights;

/// <summary>
/// How the steps went (issue 11 item 8; the seeds' processing time per step, the base of bottleneck analysis): for the
/// steps done between <c>from</c> and <c>to</c> (business dates of completion, inclusive) the count, the working time in
/// step (p50, p90 estimated from <see cref="TimeInStep"/> buckets, and the mean; working minutes of each step's
/// calendar) and the share done within the SLA (percent, of those with an SLA); and now: open items, unassigned, open
/// breaches. <c>departments</c> adds each department's oldest open item and its people's load.
/// </summary>
public sealed record ProcessFiguresView(DateOnly From, DateOnly To, DateTimeOffset At, IReadOnlyList<StepFigures> Steps,
    IReadOnlyList<DepartmentFigures> Departments);

/// <summary>One step's figures: done in the range, working minutes in step (null when none was done), SLA met in percent (null without an SLA), and its open work now.</summary>
public sealed record StepFigures(string Step, string Department, long Done, decimal? P50Minutes, decimal? P90Minutes, decimal? MeanMinutes,
    long WithSla, long MetSla, decimal? SlaMetPercent, long Open, long Unassigned, long OpenBreaches);

/// <summary>
/// One department's figures over all its steps, as <see cref="StepFigures"/>, with its queue's age now (the oldest open
/// item: since when, and how many wall-clock minutes ago) and each of its people's open items against their capacity.
/// </summary>
public sealed record DepartmentFigures(string Department, long Done, decimal? P50Minutes, decimal? P90Minutes, decimal? SlaMetPercent,
    long Open, long Unassigned, long OpenBreaches, DateTimeOffset? OldestOpenSince, long? OldestOpenMinutes, IReadOnlyList<WorkerView> People);

/// <summary>
/// <c>GET /api/insights/process</c>. Reads the kept tallies (<c>work_step_days</c>: at most a row per day, step and bucket;
/// <c>work_queue_counts</c>: a row per department and step), one index seek per department for its oldest open item and
/// the department's people's open work — never the order book. The range defaults to the last 30 days to today; it
/// spans at most <see cref="MaxDays"/> days. Refusals: 400 <c>insights.invalid_range</c>.
/// </summary>
public sealed class ProcessFigures(OrderlyDbContext db, BusinessClock clock)
{
    public const int MaxDays = 366;
    public const int DefaultDays = 30;

    public async Task<ProcessFiguresView> ReadAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var last = to ?? clock.Today;
        var first = from ?? last.AddDays(1 - DefaultDays);
        var errors = new FieldErrors();
        if (first > last) errors.Add("from", $"from ({first:yyyy-MM-dd}) lies after to ({last:yyyy-MM-dd}); give from on or before to.");
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays) errors.Add("to", $"The range spans at most {MaxDays} days; narrow from and to.");
        errors.ThrowIfAny("insights.invalid_range", "The date range was refused; see the errors per parameter.");

        var days = await db.WorkStepDays.AsNoTracking().Where(d => d.Day >= first && d.Day <= last).ToListAsync(ct);
        var queues = await db.WorkQueueCounts.AsNoTracking().ToListAsync(ct);
        var steps = days.Select(d => (d.Step, d.Department)).Concat(queues.Select(q => (q.Step, q.Department))).Distinct()
            .OrderBy(s => s.Step).ThenBy(s => s.Department, StringComparer.Ordinal)
            .Select(s => Step(s.Step, s.Department, days.Where(d => d.Step == s.Step && d.Department == s.Department).ToList(),
                queues.Where(q => q.Step == s.Step && q.Department == s.Department).ToList()))
            .ToList();
        var departments = new List<DepartmentFigures>();
        foreach (var name in steps.Select(s => s.Department).Distinct().Order(StringComparer.Ordinal))
            departments.Add(await DepartmentAsync(name, days.Where(d => d.Department == name).ToList(), queues.Where(q => q.Department == name).ToList(), ct));
        return new ProcessFiguresView(first, last, clock.Now, steps, departments);
    }

    private static StepFigures Step(OrderStep step, string department, List<WorkStepDay> days, List<WorkQueueCount> queues)
    {
        var (done, withSla, met, seconds) = Sums(days);
        var buckets = Buckets(days);
        return new StepFigures(step.ToName(), department, done, TimeInStep.Quantile(buckets, 0.5m), TimeInStep.Quantile(buckets, 0.9m),
            done == 0 ? null : Math.Round(seconds / 60m / done, 1), withSla, met, Percent(met, withSla),
            queues.Sum(q => q.OpenItems), queues.Sum(q => q.Unassigned), queues.Sum(q => q.Breached));
    }

    private async Task<DepartmentFigures> DepartmentAsync(string department, List<WorkStepDay> days, List<WorkQueueCount> queues, CancellationToken ct)
    {
        var (done, withSla, met, _) = Sums(days);
        var buckets = Buckets(days);
        var open = queues.Sum(q => q.OpenItems);
        DateTime? oldest = open == 0 ? null : await db.WorkItems.AsNoTracking()
            .Where(w => w.DoneAt == null && w.Department == department).OrderBy(w => w.StartedAt).Select(w => (DateTime?)w.StartedAt).FirstOrDefaultAsync(ct);
        var since = WorkItemViews.Utc(oldest);
        return new DepartmentFigures(department, done, TimeInStep.Quantile(buckets, 0.5m), TimeInStep.Quantile(buckets, 0.9m), Percent(met, withSla),
            open, queues.Sum(q => q.Unassigned), queues.Sum(q => q.Breached), since,
            since is { } s ? (long)Math.Max(0, (clock.Now - s).TotalMinutes) : null, await Departments.LoadOfAsync(db, department, ct));
    }

    private static (long Done, long WithSla, long Met, long Seconds) Sums(List<WorkStepDay> days) =>
        (days.Sum(d => d.Done), days.Sum(d => d.WithSla), days.Sum(d => d.Met), days.Sum(d => d.WorkedSeconds));

    private static long[] Buckets(List<WorkStepDay> days)
    {
        var counts = new long[TimeInStep.BucketCount];
        foreach (var d in days.Where(d => d.Bucket >= 0 && d.Bucket < counts.Length)) counts[d.Bucket] += d.Done;
        return counts;
    }

    private static decimal? Percent(long part, long whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);
}
