using Orderly.Domain.Common;
using Orderly.Domain.Workflow;

namespace Orderly.Application.Workflow;

/// <summary>
/// The time limit of a step (table <c>sla_definitions</c>, migration 0018; issue 11 item 4), optionally only for one
/// customer or one order priority: "review within 240 working minutes", "procurement confirms supply within 540". The
/// most specific definition wins (customer and priority, then customer, then priority, then the step's own); a step
/// without one takes its default (<see cref="SlaDefaults"/>; collecting payment has none). Minutes are working minutes
/// of <see cref="CalendarCode"/>'s calendar (null: the department's calendar, else <see cref="WorkCalendars.Standard"/>).
/// </summary>
public sealed class SlaDefinition
{
    public const int MaxBudgetMinutes = 600_000; // 10,000 hours, the calendar's limit

    private SlaDefinition() { }

    public Guid Id { get; private set; }
    public OrderStep Step { get; private set; }
    public CustomerId? CustomerId { get; private set; }
    public int? Priority { get; private set; }
    public int BudgetMinutes { get; private set; }
    public decimal WarningShare { get; private set; }
    public decimal ManagementShare { get; private set; }
    public string? CalendarCode { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public SlaTerms Terms => new(BudgetMinutes, WarningShare, ManagementShare);

    /// <summary>How specific the definition is: the one with the highest rank among those that match wins.</summary>
    internal int Rank => (CustomerId is null ? 0 : 2) + (Priority is null ? 0 : 1);

    internal bool Matches(OrderStep step, CustomerId customer, int priority) =>
        Step == step && (CustomerId is null || CustomerId == customer) && (Priority is null || Priority == priority);

    internal static SlaDefinition Define(Guid id, OrderStep step, CustomerId? customer, int? priority, DateTimeOffset now, string actor) =>
        new() { Id = id, Step = step, CustomerId = customer, Priority = priority, UpdatedAt = now, UpdatedBy = actor };

    /// <summary>Sets the limit. Refused (400 <c>sla.invalid</c>, naming the field): minutes outside 1–600,000, a warning share outside (0, 1), a management share below 1 or above 10.</summary>
    internal void Set(int budgetMinutes, decimal warningShare, decimal managementShare, string? calendarCode, DateTimeOffset now, string actor)
    {
        if (budgetMinutes is < 1 or > MaxBudgetMinutes)
            throw InvalidInput.ForField("budgetMinutes", "sla.invalid", $"budgetMinutes must be 1 to {MaxBudgetMinutes:N0} working minutes; it is {budgetMinutes}.");
        if (warningShare is <= 0 or >= 1)
            throw InvalidInput.ForField("warningShare", "sla.invalid", $"warningShare is a share of the time, above 0 and below 1 (0.75 warns at 75 %); it is {warningShare}.");
        if (managementShare is < 1 or > 10)
            throw InvalidInput.ForField("managementShare", "sla.invalid", $"managementShare is when management hears of a breach, as a share of the time from 1 to 10 (1.5 = half the time again after the breach); it is {managementShare}.");
        (BudgetMinutes, WarningShare, ManagementShare, CalendarCode, UpdatedAt, UpdatedBy) =
            (budgetMinutes, warningShare, managementShare, string.IsNullOrWhiteSpace(calendarCode) ? null : calendarCode.Trim(), now, actor);
    }
}
