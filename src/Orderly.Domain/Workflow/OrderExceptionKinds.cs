using Orderly.Domain.People;

namespace Orderly.Domain.Workflow;

/// <summary>
/// What went wrong with an order (issue 11 item 5; the exceptions of DOMAIN.md and seed 003): a supplier late against
/// its confirmed date, a production delay, a quality problem, a failed delivery, a customer complaint, wrong data, a
/// promise moved past the requested date (jeopardy), a breached SLA, or anything else raised by hand.
/// </summary>
public enum ExceptionType
{
    LateSupplier,
    ProductionDelay,
    QualityProblem,
    FailedDelivery,
    CustomerComplaint,
    DataProblem,
    Jeopardy,
    SlaBreach,
    Manual,
}

/// <summary>How badly an exception hurts the order: its SLA to resolve shortens as it rises.</summary>
public enum ExceptionSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>
/// The department that resolves each type of exception unless the raiser names another, and the working minutes it
/// has per severity — one table, read top to bottom (issue 11 item 5: "handled by the responsible department, fast").
/// </summary>
public static class ExceptionRules
{
    /// <summary>A type's owning department, why, and what raises it besides a person (empty: only people).</summary>
    public sealed record Owner(ExceptionType Type, Role Department, string Why, string RaisedAutomatically = "");

    public static readonly IReadOnlyList<Owner> Owners =
    [
        new(ExceptionType.LateSupplier, Role.Procurement, "procurement chases the supplier or sources elsewhere",
            "the replenishment scan, high, on each order waiting on a purchase order past its supplier's confirmed date"),
        new(ExceptionType.ProductionDelay, Role.Production, "production replans the order"),
        new(ExceptionType.QualityProblem, Role.Production, "production inspects, reworks or replaces"),
        new(ExceptionType.FailedDelivery, Role.Logistics, "logistics arranges the delivery again"),
        new(ExceptionType.CustomerComplaint, Role.AfterSales, "after-sales answers the customer"),
        new(ExceptionType.DataProblem, Role.Sales, "sales corrects the order with the customer"),
        new(ExceptionType.Jeopardy, Role.OrderAdministration, "order administration agrees a new date or expedites",
            "the save that moves a submitted order's promise later and past its requested date, high; a further slip while it is open is a note on it"),
        new(ExceptionType.SlaBreach, Role.OrderAdministration, "order administration unblocks or reassigns the step",
            "the SLA watch, high, when a step of the order (not an exception's own work) breaches its SLA"),
        new(ExceptionType.Manual, Role.OrderAdministration, "order administration decides who handles it"),
    ];

    /// <summary>Working minutes to resolve an exception of <paramref name="severity"/>: 4 working days low … 2 working hours critical.</summary>
    public static int ResolveMinutes(ExceptionSeverity severity) => severity switch
    {
        ExceptionSeverity.Low => 2160,
        ExceptionSeverity.Medium => 1080,
        ExceptionSeverity.High => 480,
        _ => 120,
    };

    public static Role DepartmentOf(ExceptionType type) => Owners.Single(o => o.Type == type).Department;
}
