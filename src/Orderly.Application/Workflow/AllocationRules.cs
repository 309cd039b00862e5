using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.People;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// Body of <c>POST /api/workflow/allocation-rules</c> and <c>PUT …/{id}</c>: the rule's name (1–100 characters, unique),
/// the department (a role name), the people it allocates among (1–100 user ids, each holding the department's role),
/// and its criteria, each optional: one step of the department, one customer, the customer's region, a product line,
/// the order's gross value from/to (in <c>currency</c>, required with either), the least urgent priority it takes (1–9);
/// <c>position</c> orders evaluation (0–10,000, default 100, lowest first); <c>overflow</c> lets the rest of the
/// department take the step when none of the rule's people has room (default false: the unassigned queue).
/// </summary>
public sealed record AllocationRuleRequest(string? Name, string? Department, IReadOnlyList<Guid>? People, int? Position = null, string? Step = null,
    Guid? CustomerId = null, string? Region = null, string? ProductLine = null, decimal? MinOrderValue = null, decimal? MaxOrderValue = null,
    string? Currency = null, int? MaxPriority = null, bool? Overflow = null);

/// <summary>An allocation rule as the API shows it, with its criteria in words.</summary>
public sealed record AllocationRuleView(Guid Id, string Name, int Position, string Department, string? Step, Guid? CustomerId, string? Region,
    string? ProductLine, decimal? MinOrderValue, decimal? MaxOrderValue, string? Currency, int? MaxPriority, IReadOnlyList<PersonRef> People,
    bool Overflow, string Criteria, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>Body of <c>POST /api/workflow/allocation-rules/dry-run</c>: the order, and optionally one step (default: the order's open steps).</summary>
public sealed record AllocationDryRunRequest(Guid? OrderId, string? Step = null);

/// <summary>
/// Who would get each step of the order now, and why; nothing is written. The loads weighed include the order's own
/// open items (a step it already has counts against its assignee).
/// </summary>
public sealed record AllocationDryRunView(Guid OrderId, string OrderNumber, IReadOnlyList<AllocationTrialView> Steps);

/// <summary>
/// One step of a dry run: its department and due time if it opened now, the rule that would decide (null: none
/// matches, the whole department), the person who would get it (null: the unassigned queue), the reason as it would be
/// recorded, and every person weighed with their load.
/// </summary>
public sealed record AllocationTrialView(string Step, string Department, DateTimeOffset? DueAt, string? Rule, string? RuleCriteria,
    PersonRef? Assignee, string Reason, IReadOnlyList<CandidateView> Considered);

/// <summary>A person weighed: capacity, open work items, how many of them are due before this step, and whether there is room.</summary>
public sealed record CandidateView(PersonRef Person, int Capacity, int Open, int DueBefore, bool HasRoom);

/// <summary>
/// The allocation rules (issue 11 item 2) managed through <c>/api/workflow/allocation-rules</c>, and the dry run.
/// A change applies to steps that open afterwards; assigned work stays. Refusals: 400 <c>allocation_rule.invalid</c>
/// naming each field; 404 <c>allocation_rule.not_found</c>, <c>order.not_found</c>; 409 <c>allocation_rule.name_taken</c>,
/// <c>allocation_rule.too_many</c> (more than <see cref="AllocationRule.MaxRules"/>).
/// </summary>
public sealed class AllocationRules(OrderlyDbContext db, BusinessClock clock, OrderStore orders)
{
    public const int MaxNameLength = 100;
    public const int MaxPosition = 10_000;

    public async Task<IReadOnlyList<AllocationRuleView>> ListAsync(CancellationToken ct)
    {
        var rules = await db.AllocationRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).Take(AllocationRule.MaxRules).ToListAsync(ct);
        return await ViewsAsync(AllocationRule.InEvaluationOrder(rules), ct);
    }

    public Task<AllocationRuleView> CreateAsync(AllocationRuleRequest body, string actor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var terms = await CheckAsync(body, ct);
        if (await db.AllocationRules.CountAsync(ct) >= AllocationRule.MaxRules)
            throw new BusinessRuleViolation("allocation_rule.too_many", $"There are already {AllocationRule.MaxRules} allocation rules; remove or merge some first.");
        var rule = AllocationRule.Define(Guid.NewGuid());
        return await SaveAsync(rule, terms, actor, isNew: true, ct);
    }, ct);

    public Task<AllocationRuleView> ReplaceAsync(Guid id, AllocationRuleRequest body, string actor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var rule = await FindAsync(id, ct);
        return await SaveAsync(rule, await CheckAsync(body, ct), actor, isNew: false, ct);
    }, ct);

    public Task DeleteAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        db.AllocationRules.Remove(await FindAsync(id, ct));
        await db.SaveChangesAsync(ct);
        return 0;
    }, ct);

    /// <summary>Who would get each open step of the order (or the named step) if it opened now, and why. Writes nothing.</summary>
    public async Task<AllocationDryRunView> DryRunAsync(AllocationDryRunRequest body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (body.OrderId is null) errors.Add("orderId", "Name the order to try the rules on.");
        OrderStep? only = null;
        if (body.Step is not null)
        {
            if (StepNames.TryParse(body.Step, out var step)) only = step;
            else errors.Add("step", $"'{body.Step}' is not a step. Use one of: {StepNames.Names}; leave it out for the order's open steps.");
        }
        errors.ThrowIfAny("allocation_rule.invalid", "The dry run cannot be made as sent; see the errors per field.");
        var order = await orders.ForChangeAsync(body.OrderId!.Value, null, ct);
        List<(OrderStep Step, string Department)> steps = only is { } named ? [(named, StepOwnership.OwnerOf(named).ToName())]
            : [.. StepOwnership.OpenSteps(order).Select(s => (s.Step, s.Department.ToName()))];
        var opening = OrderOpening.Of(order, db.Rounding);
        var run = new WorkRun(db, clock.Now.UtcDateTime);
        var trials = new List<(WorkItem Item, Allocation Allocation)>();
        foreach (var (step, department) in steps)
        {
            var (item, _) = await run.PlanAsync(opening, department, step, null, ct);
            trials.Add((item, await run.AllocateAsync(item, opening, ct)));
        }
        var names = await WorkItemViews.NamesAsync(db, [.. trials.SelectMany(t => t.Allocation.Considered.Select(c => c.Person))], ct);
        var codes = await CustomerCodesAsync(trials.Select(t => t.Allocation.Rule), ct);
        PersonRef Person(Guid id) => new(id, names.GetValueOrDefault(id, ""));
        return new AllocationDryRunView(order.Id.Value, order.Number, [.. trials.Select(t => new AllocationTrialView(t.Item.Step.ToName(), t.Item.Department,
            WorkItemViews.Utc(t.Item.DueAt), t.Allocation.Rule?.Name, t.Allocation.Rule?.CriteriaNaming(codes), t.Allocation.Assignee is { } a ? Person(a) : null,
            t.Allocation.Reason, [.. t.Allocation.Considered.Select(c => new CandidateView(Person(c.Person), c.Capacity, c.Open, c.DueBefore, c.HasRoom))]))]);
    }

    private async Task<AllocationRuleView> SaveAsync(AllocationRule rule, AllocationRuleTerms terms, string actor, bool isNew, CancellationToken ct)
    {
        if (await db.AllocationRules.AnyAsync(r => r.Name == terms.Name && r.Id != rule.Id, ct))
            throw new BusinessRuleViolation("allocation_rule.name_taken", $"An allocation rule is already named '{terms.Name}'; choose another name or change that rule.");
        rule.Set(terms, clock.Now, actor);
        if (isNew) db.AllocationRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([rule], ct))[0];
    }

    private async Task<AllocationRule> FindAsync(Guid id, CancellationToken ct) =>
        await db.AllocationRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFound("allocation_rule.not_found", $"No allocation rule has id {id}.");

    private async Task<AllocationRuleTerms> CheckAsync(AllocationRuleRequest body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.RequireText("name", body.Name, MaxNameLength);
        if (!WorkQueues.TryDepartmentName(body.Department, out var department))
            errors.Add("department", $"'{body.Department}' is not a department; name the role whose steps the rule allocates (sales, warehouse, …).");
        OrderStep? step = null;
        if (body.Step is not null)
        {
            if (!StepNames.TryParse(body.Step, out var parsed)) errors.Add("step", $"'{body.Step}' is not a step. Use one of: {StepNames.Names}; leave it out for every step.");
            else if (parsed != OrderStep.ResolveException && department.Length > 0 && StepOwnership.OwnerOf(parsed).ToName() != department)
                errors.Add("step", $"{parsed.ToName()} is {StepOwnership.OwnerOf(parsed).ToName()}'s step, not {department}'s.");
            else step = parsed;
        }
        if (body.Position is < 0 or > MaxPosition) errors.Add("position", $"position is 0 to {MaxPosition:N0} (lowest is tried first).");
        CustomerId? customer = body.CustomerId is { } c ? CustomerId.From(c) : null;
        if (customer is { } cid && !await db.Customers.AnyAsync(x => x.Id == cid, ct)) errors.Add("customerId", $"No customer has id {body.CustomerId}.");
        var region = Optional(errors, "region", body.Region, Domain.Customers.Customer.MaxRegionLength);
        var line = Optional(errors, "productLine", body.ProductLine, Domain.Catalog.Product.MaxProductLineLength);
        CheckValue(errors, body);
        if (body.MaxPriority is < 1 or > 9) errors.Add("maxPriority", "maxPriority is 1 (only the most urgent) to 9; leave it out for every priority.");
        var people = body.People?.Distinct().ToList() ?? [];
        if (people.Count is 0 or > AllocationRule.MaxPeople)
            errors.Add("people", $"Name 1 to {AllocationRule.MaxPeople} people (user ids) the rule allocates among.");
        else if (department.Length > 0) await CheckPeopleAsync(errors, people, department, ct);
        errors.ThrowIfAny("allocation_rule.invalid", "The allocation rule was refused; see the errors per field.");
        return new(body.Name!.Trim(), body.Position ?? 100, department, step, customer, region, line, body.MinOrderValue, body.MaxOrderValue,
            body.MinOrderValue is null && body.MaxOrderValue is null ? null : body.Currency, body.MaxPriority, people, body.Overflow ?? false);
    }

    private static void CheckValue(FieldErrors errors, AllocationRuleRequest body)
    {
        if (body.MinOrderValue is { } min) Limits.AmountFits(errors, "minOrderValue", min, "The lowest order value");
        if (body.MaxOrderValue is { } max) Limits.AmountFits(errors, "maxOrderValue", max, "The highest order value");
        if (body.MinOrderValue > body.MaxOrderValue) errors.Add("maxOrderValue", "maxOrderValue is below minOrderValue.");
        var valued = body.MinOrderValue is not null || body.MaxOrderValue is not null;
        if (valued && !Currency.IsKnown(body.Currency ?? ""))
            errors.Add("currency", $"'{body.Currency}' is not an ISO 4217 currency code Orderly knows; an order value is compared in one currency (EUR, CNY, …).");
        if (!valued && body.Currency is not null) errors.Add("currency", "A currency goes with minOrderValue or maxOrderValue; leave it out otherwise.");
    }

    private async Task CheckPeopleAsync(FieldErrors errors, List<Guid> people, string department, CancellationToken ct)
    {
        var found = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .Select(u => new { u.Id, u.Disabled, Holds = u.Roles.Any(r => r.Role == department) }).ToListAsync(ct);
        foreach (var (id, i) in people.Select((id, i) => (id, i)))
        {
            var user = found.FirstOrDefault(u => u.Id == id);
            if (user is null) errors.Add($"people[{i}]", $"No user has id {id}.");
            else if (user.Disabled) errors.Add($"people[{i}]", $"User {id} is disabled.");
            else if (!user.Holds) errors.Add($"people[{i}]", $"User {id} does not hold the {department} role; give it first under /api/users.");
        }
    }

    private static decimal? Money(decimal? amount, string? currency) => currency is null ? amount : NumberForm.Money(amount, Currency.Of(currency));

    private static string? Optional(FieldErrors errors, string field, string? text, int maxLength)
    {
        var trimmed = text?.Trim();
        if (trimmed?.Length > maxLength) errors.Add(field, $"{field} has at most {maxLength} characters.");
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private async Task<IReadOnlyList<AllocationRuleView>> ViewsAsync(IReadOnlyList<AllocationRule> rules, CancellationToken ct)
    {
        var names = await WorkItemViews.NamesAsync(db, [.. rules.SelectMany(r => r.People)], ct);
        var codes = await CustomerCodesAsync(rules, ct);
        return [.. rules.Select(r => new AllocationRuleView(r.Id, r.Name, r.Position, r.Department, r.Step?.ToName(), r.CustomerId?.Value, r.Region,
            r.ProductLine, Money(r.MinOrderValue, r.Currency), Money(r.MaxOrderValue, r.Currency), r.Currency, r.MaxPriority, [.. r.People.Select(p => new PersonRef(p, names.GetValueOrDefault(p, "")))],
            r.Overflow, r.CriteriaNaming(codes), r.UpdatedAt, r.UpdatedBy))];
    }

    /// <summary>The codes of the customers the rules name (a handful: rules are configured by people).</summary>
    private async Task<IReadOnlyDictionary<CustomerId, string>> CustomerCodesAsync(IEnumerable<AllocationRule?> rules, CancellationToken ct)
    {
        var ids = rules.Where(r => r?.CustomerId is not null).Select(r => r!.CustomerId!.Value).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<CustomerId, string>() : await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
    }
}
