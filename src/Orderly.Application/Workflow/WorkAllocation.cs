using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;

namespace Orderly.Application.Workflow;

/// <summary>
/// Who gets a newly opened step (issue 11 item 2): a person of the owning department (a user holding its role, not
/// disabled) with room under their capacity (<c>users.work_capacity</c>, open work items assigned to them), the one with
/// the least work due before this step's due time per unit of capacity (the deadline), then the least open work per
/// unit of capacity, then round-robin (the person whose open work was assigned least recently). Nobody with room: the department's unassigned
/// queue. The reason is recorded in words. One read of the department's people and one grouped count of their open
/// work per department and unit of work, kept in memory across the steps the unit of work opens.
/// </summary>
internal sealed class WorkAllocation(OrderlyDbContext db)
{
    private readonly Dictionary<string, List<Candidate>> _departments = new(StringComparer.Ordinal);

    /// <summary>The chosen person (null: unassigned) and why.</summary>
    public async Task<(Guid? Assignee, string Reason)> ChooseAsync(WorkItem item, DateTime now, CancellationToken ct)
    {
        var people = await PeopleAsync(item.Department, ct);
        var due = item.SortDueAt;
        var chosen = people.Where(p => p.Open < p.Capacity)
            .OrderBy(p => (p.DueBefore(due) + 1m) / p.Capacity)
            .ThenBy(p => (p.Open + 1m) / p.Capacity)
            .ThenBy(p => p.LastAssignedAt ?? DateTime.MinValue)
            .ThenBy(p => p.Id)
            .FirstOrDefault();
        if (chosen is null)
            return (null, people.Count == 0
                ? $"{item.Department}: nobody holds the role; unassigned queue"
                : $"{item.Department}: all {people.Count} people at capacity; unassigned queue");
        var reason = $"{item.Department}; {chosen.Open} open of capacity {chosen.Capacity}, {chosen.DueBefore(due)} due before this; " +
                     $"{DueText(item)}";
        chosen.Take(due, now);
        return (chosen.Id, reason);
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
