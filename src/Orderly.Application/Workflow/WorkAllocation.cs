using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;

namespace Orderly.Application.Workflow;

/// <summary>
/// Who gets a newly opened step (issue 11 item 2): a person of the owning department (a user holding its role, not
/// disabled) — only the people of the first matching <see cref="AllocationRule"/>, when one matches — with room under
/// their capacity (<c>users.work_capacity</c>, open work items assigned to them), the one with the least work due before
/// this step's due time per unit of capacity (the deadline), then the least open work per unit of capacity, then
/// round-robin (the person whose open work was assigned least recently). Nobody with room: the department's unassigned
/// queue (or, for a rule that allows overflow, the rest of the department). The reason is recorded in words. One read of
/// the department's people and one of their open work per department and unit of work, one of the rules per unit of
/// work, and a customer's region or the order's product lines only when a rule asks for them; kept in memory across
/// the steps the unit of work opens.
/// </summary>
internal sealed class WorkAllocation(OrderlyDbContext db)
{
    private static readonly OrderFacts NoFacts = new("", []);
    private readonly Dictionary<string, List<Candidate>> _departments = new(StringComparer.Ordinal);

    /// <summary>The chosen person (null: unassigned), why, the rule that decided (null: none matched) and the people weighed.</summary>
    public async Task<Allocation> ChooseAsync(WorkItem item, OrderOpening order, DateTime now, CancellationToken ct)
    {
        var people = await PeopleAsync(item.Department, ct);
        var rule = await RuleForAsync(item, order, ct);
        var due = item.SortDueAt;
        var (who, eligible) = rule is null ? (item.Department, people) : (rule.Name, people.Where(p => rule.People.Contains(p.Id)).ToList());
        var chosen = Best(eligible, due);
        if (chosen is null && rule is { Overflow: true } && Best(people, due) is { } other)
            (chosen, who, eligible) = (other, $"{rule.Name} full, overflow to {item.Department}", people);
        var considered = eligible.Select(p => new Load(p.Id, p.Capacity, p.Open, p.DueBefore(due))).ToList();
        if (chosen is null)
            return new(null, eligible.Count == 0
                ? $"{who}: nobody {(rule is null ? "holds the role" : "of the rule holds the role and is enabled")}; unassigned queue"
                : $"{who}: all {eligible.Count} people at capacity; unassigned queue", rule, considered);
        var reason = $"{who}; {chosen.Open} open of capacity {chosen.Capacity}, {chosen.DueBefore(due)} due before this; {DueText(item)}";
        chosen.Take(due, now);
        return new(chosen.Id, reason, rule, considered);
    }

    private static Candidate? Best(IEnumerable<Candidate> people, DateTime due) => people.Where(p => p.Open < p.Capacity)
        .OrderBy(p => (p.DueBefore(due) + 1m) / p.Capacity)
        .ThenBy(p => (p.Open + 1m) / p.Capacity)
        .ThenBy(p => p.LastAssignedAt ?? DateTime.MinValue)
        .ThenBy(p => p.Id)
        .FirstOrDefault();

    private async Task<AllocationRule?> RuleForAsync(WorkItem item, OrderOpening order, CancellationToken ct)
    {
        var rules = db.Work.AllocationRules ??= AllocationRule.InEvaluationOrder(await db.AllocationRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).Take(AllocationRule.MaxRules).ToListAsync(ct));
        foreach (var rule in rules.Where(r => r.Department == item.Department))
            if (rule.Matches(item.Department, item.Step, order, rule.NeedsRegion || rule.NeedsProductLines ? await FactsAsync(order, ct) : NoFacts))
                return rule;
        return null;
    }

    /// <summary>The customer's region and the order's product lines, read once per customer and SKU in the unit of work.</summary>
    private async Task<OrderFacts> FactsAsync(OrderOpening order, CancellationToken ct)
    {
        var known = db.Work;
        if (!known.Regions.TryGetValue(order.CustomerId, out var region))
            known.Regions[order.CustomerId] = region = await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.Region)
                .FirstOrDefaultAsync(ct) ?? "";
        var skus = order.Skus ?? [];
        var missing = skus.Where(s => !known.ProductLines.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            var lines = await db.Products.AsNoTracking().Where(p => missing.Contains(p.Sku)).Select(p => new { p.Sku, p.ProductLine }).ToListAsync(ct);
            foreach (var sku in missing) known.ProductLines[sku] = lines.FirstOrDefault(l => l.Sku == sku)?.ProductLine ?? "";
        }
        return new(region, [.. skus.Select(s => known.ProductLines[s]).Where(l => l.Length > 0).Distinct()]);
    }

    /// <summary>Counts a claim or a manual assignment against the person's load for the rest of the unit of work.</summary>
    public void Took(string department, Guid person, DateTime due, DateTime now)
    {
        if (_departments.TryGetValue(department, out var people)) people.FirstOrDefault(p => p.Id == person)?.Take(due, now);
    }

    private string DueText(WorkItem item) => item.DueAt is null ? "no SLA" : "due " + LocalText(db, item.DueAt);

    /// <summary>A UTC instant as the business time zone's wall clock (<c>2026-12-07 13:00</c>), <c>—</c> for none: how reasons and notifications write times.</summary>
    internal static string LocalText(OrderlyDbContext db, DateTime? instant) =>
        instant is { } at ? db.Business.Local(WorkItemViews.Utc(at)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    private async Task<List<Candidate>> PeopleAsync(string department, CancellationToken ct)
    {
        if (_departments.TryGetValue(department, out var known)) return known;
        var people = await db.Users.AsNoTracking().Where(u => !u.Disabled && u.Roles.Any(r => r.Role == department))
            .Select(u => new Candidate(u.Id, u.WorkCapacity)).ToListAsync(ct);
        var ids = people.Select(p => (Guid?)p.Id).ToList();
        var open = ids.Count == 0 ? [] : await db.WorkItems.Where(w => w.DoneAt == null && ids.Contains(w.AssigneeId))
            .Select(w => new { w.AssigneeId, w.SortDueAt, w.AssignedAt }).ToListAsync(ct);
        foreach (var person in people)
        {
            var theirs = open.Where(o => o.AssigneeId == person.Id).ToList();
            person.Dues.AddRange(theirs.Select(o => o.SortDueAt));
            person.LastAssignedAt = theirs.Max(o => o.AssignedAt);
        }
        _departments[department] = people;
        return people;
    }

    /// <summary>A person weighed for a step: capacity, open work, and how much of it is due before the step.</summary>
    internal sealed record Load(Guid Person, int Capacity, int Open, int DueBefore)
    {
        public bool HasRoom => Open < Capacity;
    }

    private sealed class Candidate(Guid id, int capacity)
    {
        public Guid Id { get; } = id;
        public int Capacity { get; } = capacity;
        /// <summary>The latest assignment among the person's open work (null: none open), for the round-robin among equals.</summary>
        public DateTime? LastAssignedAt { get; set; }
        public List<DateTime> Dues { get; } = [];
        public int Open => Dues.Count;

        public int DueBefore(DateTime due) => Dues.Count(d => d <= due);

        public void Take(DateTime due, DateTime now)
        {
            Dues.Add(due);
            LastAssignedAt = now;
        }
    }
}

/// <summary>What allocation decided for one step: the assignee (null: the unassigned queue), why, the rule that decided, the people it weighed.</summary>
internal sealed record Allocation(Guid? Assignee, string Reason, AllocationRule? Rule, IReadOnlyList<WorkAllocation.Load> Considered);
