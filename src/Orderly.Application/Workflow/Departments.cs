using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Workflow;

/// <summary>A department's workflow settings and people: lead, calendar, and each person's capacity and open work.</summary>
public sealed record DepartmentView(string Name, PersonRef? Lead, string Calendar, IReadOnlyList<WorkerView> People, long Unassigned);

/// <summary>A person's load: open work items assigned to them against their capacity (the most they take at once; 0 takes none).</summary>
public sealed record WorkerView(Guid Id, string Name, int Capacity, int Open);

/// <summary>Body of <c>PUT /api/workflow/departments/{name}</c>: the lead (a user holding the role; null for none) and the calendar code (null: standard).</summary>
public sealed record PutDepartmentRequest(Guid? LeadId = null, string? Calendar = null);

/// <summary>Body of <c>PUT /api/workflow/people/{id}/capacity</c>: open work items the person takes at once, 0–1,000.</summary>
public sealed record PutCapacityRequest(int? Capacity);

/// <summary>
/// The departments of the workflow (<c>/api/workflow/departments</c>, <c>/api/workflow/people/{id}/capacity</c>): leads,
/// calendars and capacities. A department's people are the users holding its role; reading one counts its people's open
/// work in one grouped query. Refusals: 400 <c>department.invalid</c>, <c>capacity.invalid</c>; 404 <c>user.not_found</c>.
/// </summary>
public sealed class Departments(OrderlyDbContext db, BusinessClock clock)
{
    public const int MaxCapacity = 1000;
    public const int MaxPeopleShown = 500;

    public async Task<DepartmentView> GetAsync(string department, CancellationToken ct)
    {
        var name = WorkQueues.DepartmentName(department);
        var row = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, ct);
        var people = await LoadOfAsync(db, name, ct);
        var unassigned = await db.WorkQueueCounts.Where(c => c.Department == name).SumAsync(c => c.Unassigned, ct); // kept by WorkTallies
        var lead = row?.LeadId is { } l ? await db.Users.AsNoTracking().Where(u => u.Id == l).Select(u => new PersonRef(u.Id, u.DisplayName)).FirstOrDefaultAsync(ct) : null;
        return new DepartmentView(name, lead, row?.CalendarCode ?? WorkCalendars.Standard, people, unassigned);
    }

    /// <summary>The department's people (the first <see cref="MaxPeopleShown"/> by email) with their capacity and open work items, in one grouped count.</summary>
    internal static async Task<IReadOnlyList<WorkerView>> LoadOfAsync(OrderlyDbContext db, string department, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => !u.Disabled && u.Roles.Any(r => r.Role == department))
            .OrderBy(u => u.Email).Take(MaxPeopleShown).Select(u => new { u.Id, u.DisplayName, u.WorkCapacity }).ToListAsync(ct);
        var ids = people.Select(p => (Guid?)p.Id).ToList();
        var open = ids.Count == 0 ? [] : await db.WorkItems.Where(w => w.DoneAt == null && ids.Contains(w.AssigneeId)).GroupBy(w => w.AssigneeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        return [.. people.Select(p => new WorkerView(p.Id, p.DisplayName, p.WorkCapacity, open.GetValueOrDefault(p.Id)))];
    }

    public async Task<DepartmentView> PutAsync(string department, PutDepartmentRequest body, string actor, CancellationToken ct)
    {
        var name = WorkQueues.DepartmentName(department);
        await db.InTransactionAsync(async () =>
        {
            var errors = new FieldErrors();
            if (body.LeadId is { } lead && !await db.Users.AnyAsync(u => u.Id == lead && !u.Disabled && u.Roles.Any(r => r.Role == name), ct))
                errors.Add("leadId", $"User {lead} is not an active user holding the {name} role; the lead is one of the department's people.");
            var calendar = body.Calendar?.Trim();
            if (!string.IsNullOrEmpty(calendar) && calendar != WorkCalendars.Standard && !await db.BusinessCalendars.AnyAsync(c => c.Code == calendar, ct))
                errors.Add("calendar", $"No business calendar has code '{calendar}'; create it under /api/workflow/calendars first.");
            errors.ThrowIfAny("department.invalid", "The department's settings were refused; see the errors per field.");
            var row = await db.Departments.FirstOrDefaultAsync(d => d.Name == name, ct);
            if (row is null) db.Departments.Add(row = Department.Named(name));
            row.Set(body.LeadId, calendar, clock.Now, actor);
            await db.SaveChangesAsync(ct);
            return 0;
        }, ct);
        return await GetAsync(name, ct);
    }

    public Task<WorkerView> PutCapacityAsync(Guid user, PutCapacityRequest body, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (body.Capacity is not (>= 0 and <= MaxCapacity) || body.Capacity is not { } capacity)
            throw InvalidInput.ForField("capacity", "capacity.invalid", $"capacity is the number of open work items the person takes at once, 0 to {MaxCapacity}.");
        var person = await db.Users.FirstOrDefaultAsync(u => u.Id == user, ct) ?? throw new NotFound("user.not_found", $"No user has id {user}.");
        person.WorkCapacity = capacity;
        await db.SaveChangesAsync(ct);
        var open = await db.WorkItems.CountAsync(w => w.DoneAt == null && w.AssigneeId == user, ct);
        return new WorkerView(person.Id, person.DisplayName, capacity, open);
    }, ct);
}
