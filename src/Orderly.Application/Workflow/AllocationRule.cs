using System.Globalization;
using Orderly.Domain.Common;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// A rule that gives a department's steps for some orders to some of its people (table <c>allocation_rules</c>,
/// migration 0020; issue 11 item 2): "Sales East: sales steps of customers in region East go to Li and Wang". Its
/// criteria — one customer, the customer's region, a product line on any of the order's lines, the order's gross value
/// between two amounts in one currency, a priority at least as urgent as a given one — must all hold (a criterion left
/// out holds for every order); the first matching rule by <see cref="Position"/> (then name) decides among whom
/// <see cref="WorkAllocation"/> weighs capacity and deadline. When none of its people has room the step waits in the
/// unassigned queue, unless <see cref="Overflow"/> lets the rest of the department take it. No matching rule: the
/// whole department, as before rules existed.
/// </summary>
public sealed class AllocationRule
{
    public const int MaxRules = 500;
    public const int MaxPeople = 100;

    private AllocationRule() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Evaluation order, lowest first (0–10,000).</summary>
    public int Position { get; private set; }
    /// <summary>The department's role name (<c>sales</c>).</summary>
    public string Department { get; private set; } = "";
    /// <summary>Only this step of the department; null: all its steps.</summary>
    public OrderStep? Step { get; private set; }
    public CustomerId? CustomerId { get; private set; }
    public string? Region { get; private set; }
    public string? ProductLine { get; private set; }
    /// <summary>The order's gross value at least this (in <see cref="Currency"/>).</summary>
    public decimal? MinOrderValue { get; private set; }
    /// <summary>The order's gross value at most this (in <see cref="Currency"/>).</summary>
    public decimal? MaxOrderValue { get; private set; }
    public string? Currency { get; private set; }
    /// <summary>Orders of this priority or more urgent (1 most urgent … 9).</summary>
    public int? MaxPriority { get; private set; }
    /// <summary>The people among whom the step is allocated (user ids, each holding the department's role).</summary>
    public List<Guid> People { get; private set; } = [];
    public bool Overflow { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>The order rules are tried in: position, then name (ordinal). The one place for it: allocation and the list.</summary>
    internal static List<AllocationRule> InEvaluationOrder(IEnumerable<AllocationRule> rules) =>
        [.. rules.OrderBy(r => r.Position).ThenBy(r => r.Name, StringComparer.Ordinal)];

    internal bool NeedsRegion => Region is not null;
    internal bool NeedsProductLines => ProductLine is not null;

    internal static AllocationRule Define(Guid id) => new() { Id = id };

    internal void Set(AllocationRuleTerms terms, DateTimeOffset now, string actor) =>
        (Name, Position, Department, Step, CustomerId, Region, ProductLine, MinOrderValue, MaxOrderValue, Currency, MaxPriority, People, Overflow, UpdatedAt, UpdatedBy) =
        (terms.Name, terms.Position, terms.Department, terms.Step, terms.CustomerId, terms.Region, terms.ProductLine, terms.MinOrderValue, terms.MaxOrderValue,
            terms.Currency, terms.MaxPriority, [.. terms.People], terms.Overflow, now, actor);

    /// <summary>Whether the rule takes a step of <paramref name="department"/> opened for <paramref name="order"/>; what the order's region and product lines are comes from <paramref name="facts"/>.</summary>
    internal bool Matches(string department, OrderStep step, OrderOpening order, OrderFacts facts)
    {
        if (Department != department || (Step is { } own && own != step)) return false;
        if (CustomerId is { } customer && customer != order.CustomerId) return false;
        if (MaxPriority is { } urgent && order.Priority > urgent) return false;
        if (MinOrderValue is not null || MaxOrderValue is not null)
        {
            if (order.Value is not { } value || value.Currency != Currency) return false;
            if (value.Amount < MinOrderValue || value.Amount > MaxOrderValue) return false;
        }
        if (Region is { } region && !string.Equals(facts.Region, region, StringComparison.OrdinalIgnoreCase)) return false;
        return ProductLine is not { } line || facts.ProductLines.Contains(line, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The criteria in words, for the rule list and the dry run: "customer ALFKI; region East; value 1000–5000 EUR;
    /// priority 1–2", the customer named by <paramref name="customerCodes"/> (its id when the code is not there).
    /// </summary>
    internal string CriteriaNaming(IReadOnlyDictionary<CustomerId, string> customerCodes)
    {
        var parts = new List<string>();
        if (Step is { } step) parts.Add(step.ToName());
        if (CustomerId is { } customer) parts.Add($"customer {customerCodes.GetValueOrDefault(customer, customer.Value.ToString())}");
        if (Region is not null) parts.Add($"region {Region}");
        if (ProductLine is not null) parts.Add($"product line {ProductLine}");
        if (MinOrderValue is not null || MaxOrderValue is not null)
            parts.Add($"value {Amount(MinOrderValue) ?? "0"}–{Amount(MaxOrderValue) ?? "any"} {Currency}");
        if (MaxPriority is { } p) parts.Add(p == 1 ? "priority 1" : $"priority 1–{p}");
        return parts.Count == 0 ? "every order" : string.Join("; ", parts);
    }

    private static string? Amount(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A rule's terms, checked (<see cref="Workflow.AllocationRules"/>).</summary>
internal sealed record AllocationRuleTerms(string Name, int Position, string Department, OrderStep? Step, CustomerId? CustomerId, string? Region,
    string? ProductLine, decimal? MinOrderValue, decimal? MaxOrderValue, string? Currency, int? MaxPriority, IReadOnlyList<Guid> People, bool Overflow);

/// <summary>What rules on region and product line read about an order: its customer's region and its products' lines (empty when none is set).</summary>
internal sealed record OrderFacts(string Region, IReadOnlyList<string> ProductLines);
