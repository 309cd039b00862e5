namespace Orderly.Domain.Workflow;

/// <summary>
/// The time limit of one step (issue 11 item 4): <see cref="BudgetMinutes"/> of working time on the step's business
/// calendar; a warning once <see cref="WarningShare"/> of it has passed (default 0.75), a breach (and escalation to the
/// department's lead) at 1, escalation to management at <see cref="ManagementShare"/> (default 1.5).
/// </summary>
public sealed record SlaTerms(int BudgetMinutes, decimal WarningShare, decimal ManagementShare)
{
    public const decimal DefaultWarningShare = 0.75m;
    public const decimal DefaultManagementShare = 1.5m;

    public TimeSpan Budget => TimeSpan.FromMinutes(BudgetMinutes);

    /// <summary>The working time after which the mark at <paramref name="share"/> of the budget is reached.</summary>
    public TimeSpan At(decimal share) => TimeSpan.FromSeconds((double)Math.Round(BudgetMinutes * 60m * share));
}

/// <summary>The marks of a running clock, as instants (UTC).</summary>
public sealed record SlaMarks(DateTimeOffset WarnAt, DateTimeOffset DueAt, DateTimeOffset ManagementAt);

/// <summary>
/// Where a step's clock reaches its marks. The clock counts working time only (<see cref="BusinessCalendar"/>): it ran for
/// <c>worked</c> before its current run began at <c>runningSince</c> (a pause — the order waiting on the customer or a
/// supplier — ends one run; the next begins when it resumes). A mark already passed lies at <c>runningSince</c>.
/// </summary>
public static class SlaClock
{
    public static SlaMarks Marks(BusinessCalendar calendar, SlaTerms terms, TimeSpan worked, DateTimeOffset runningSince) => new(
        Mark(calendar, terms.At(terms.WarningShare), worked, runningSince),
        Mark(calendar, terms.Budget, worked, runningSince),
        Mark(calendar, terms.At(terms.ManagementShare), worked, runningSince));

    private static DateTimeOffset Mark(BusinessCalendar calendar, TimeSpan at, TimeSpan worked, DateTimeOffset runningSince) =>
        at <= worked ? runningSince : calendar.AddWorkingTime(runningSince, at - worked);
}

/// <summary>
/// The SLA of each step when no <c>sla_definitions</c> row matches, in working minutes (9 working hours make a working
/// day of the standard calendar): issue 11's examples — review within 4 working hours, procurement confirms supply within
/// 1 working day, the warehouse ships within 2 working days of reservation. Collecting payment has none: it follows the
/// invoice's due date (dunning), not a working-time limit.
/// </summary>
public static class SlaDefaults
{
    private static readonly Dictionary<OrderStep, int> Minutes = new()
    {
        [OrderStep.Enter] = 480,
        [OrderStep.Review] = 240,
        [OrderStep.CreditReview] = 480,
        [OrderStep.CorrectData] = 480,
        [OrderStep.ConfirmWithCustomer] = 480,
        [OrderStep.Reserve] = 240,
        [OrderStep.Procure] = 540,
        [OrderStep.Ship] = 1080,
        [OrderStep.Invoice] = 540,
        [OrderStep.Close] = 540,
        [OrderStep.ResolveException] = 480,
    };

    /// <summary>The default terms of <paramref name="step"/>, or null when it has no time limit.</summary>
    public static SlaTerms? For(OrderStep step) =>
        Minutes.TryGetValue(step, out var minutes) ? new(minutes, SlaTerms.DefaultWarningShare, SlaTerms.DefaultManagementShare) : null;
}
