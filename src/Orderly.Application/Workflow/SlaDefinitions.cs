using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.People;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>An SLA as the API shows it; <c>source</c> is <c>defined</c> (a row) or <c>default</c> (<see cref="SlaDefaults"/>, no row yet).</summary>
public sealed record SlaDefinitionView(Guid? Id, string Step, string Department, Guid? CustomerId, int? Priority, int BudgetMinutes,
    decimal WarningShare, decimal ManagementShare, string? Calendar, string Source, DateTimeOffset? UpdatedAt, string UpdatedBy);

/// <summary>Body of <c>PUT /api/workflow/slas</c>: the step, optionally one customer and/or one priority, the working minutes and shares.</summary>
public sealed record PutSlaRequest(string? Step, Guid? CustomerId = null, int? Priority = null, int? BudgetMinutes = null, decimal? WarningShare = null,
    decimal? ManagementShare = null, string? Calendar = null);

/// <summary>
/// The SLA definitions (issue 11 item 4) managed through <c>/api/workflow/slas</c>: listed with the defaults of the steps
/// that have no row; put (one row per step, customer and priority — putting it again changes it); deleted. A change
/// applies to steps that open afterwards; running clocks keep the terms they started with. Refusals: 400 <c>sla.invalid</c>
/// (an unknown step, customer or calendar, a priority outside 1–9, minutes or shares out of range); 404 <c>sla.not_found</c>.
/// </summary>
public sealed class SlaDefinitions(OrderlyDbContext db, BusinessClock clock)
{
    public async Task<IReadOnlyList<SlaDefinitionView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.SlaDefinitions.AsNoTracking().ToListAsync(ct);
        var defaults = Enum.GetValues<OrderStep>().Where(s => rows.All(r => r.Step != s || r.Rank > 0))
            .Select(s => (Step: s, Terms: SlaDefaults.For(s))).Where(d => d.Terms is not null)
            .Select(d => new SlaDefinitionView(null, d.Step.ToName(), StepOwnership.OwnerOf(d.Step).ToName(), null, null, d.Terms!.BudgetMinutes,
                d.Terms.WarningShare, d.Terms.ManagementShare, null, "default", null, ""));
        return [.. rows.Select(View).Concat(defaults).OrderBy(v => v.Step, StringComparer.Ordinal).ThenBy(v => v.CustomerId).ThenBy(v => v.Priority)];
    }

    public Task<SlaDefinitionView> PutAsync(PutSlaRequest body, string actor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var errors = new FieldErrors();
        if (!StepNames.TryParse(body.Step, out var step)) errors.Add("step", $"Name the step: one of {StepNames.Names}.");
        if (body.Priority is < 1 or > 9) errors.Add("priority", "A priority is 1 (most urgent) to 9; leave it out for every priority.");
        if (body.BudgetMinutes is null) errors.Add("budgetMinutes", "Give the time limit in working minutes (240 = 4 working hours).");
        CustomerId? customer = body.CustomerId is { } c ? CustomerId.From(c) : null;
        if (customer is { } cid && !await db.Customers.AnyAsync(x => x.Id == cid, ct)) errors.Add("customerId", $"No customer has id {body.CustomerId}.");
        var calendar = body.Calendar?.Trim();
        if (!string.IsNullOrEmpty(calendar) && calendar != WorkCalendars.Standard && !await db.BusinessCalendars.AnyAsync(x => x.Code == calendar, ct))
            errors.Add("calendar", $"No business calendar has code '{calendar}'; create it under /api/workflow/calendars first, or leave it out.");
        errors.ThrowIfAny("sla.invalid", "The SLA definition was refused; see the errors per field.");
        var row = await db.SlaDefinitions.FirstOrDefaultAsync(d => d.Step == step && d.CustomerId == customer && d.Priority == body.Priority, ct);
        if (row is null) db.SlaDefinitions.Add(row = SlaDefinition.Define(Guid.NewGuid(), step, customer, body.Priority, clock.Now, actor));
        row.Set(body.BudgetMinutes!.Value, body.WarningShare ?? SlaTerms.DefaultWarningShare, body.ManagementShare ?? SlaTerms.DefaultManagementShare,
            calendar, clock.Now, actor);
        await db.SaveChangesAsync(ct);
        return View(row);
    }, ct);

    public Task DeleteAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var row = await db.SlaDefinitions.FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFound("sla.not_found", $"No SLA definition has id {id}.");
        db.SlaDefinitions.Remove(row);
        await db.SaveChangesAsync(ct);
        return 0;
    }, ct);

    private static SlaDefinitionView View(SlaDefinition d) => new(d.Id, d.Step.ToName(), StepOwnership.OwnerOf(d.Step).ToName(), d.CustomerId?.Value,
        d.Priority, d.BudgetMinutes, d.WarningShare, d.ManagementShare, d.CalendarCode, "defined", d.UpdatedAt, d.UpdatedBy);
}
