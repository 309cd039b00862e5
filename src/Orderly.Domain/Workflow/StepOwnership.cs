using System.Text;
using Orderly.Domain.People;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Workflow;

/// <summary>
/// The one table of which department owns which step of an order, and when the step is open: derived from the order's
/// state and its open work (lines to reserve, backorders, reserved quantity, shipments not invoiced, open invoices),
/// never stored by hand. Several steps can be open at once (the warehouse ships one part while finance invoices the
/// other); the order's <em>next</em> step is the first open row, top to bottom. A final order (closed, cancelled,
/// rejected) has none; every other state opens at least one row (the last row is the safety net a property test proves
/// is never needed). docs/workflow/steps.md is this table rendered (<see cref="ToMarkdown"/>). Source: issue 11 item 1,
/// <c>../shared/DOMAIN.md</c> "What the process must guarantee". Production (make-to-order) is not modelled yet, so no
/// row opens a production step.
/// </summary>
public static class StepOwnership
{
    private static readonly OrderStatus[] Final = [OrderStatus.Closed, OrderStatus.Cancelled, OrderStatus.Rejected];

    public static readonly IReadOnlyList<StepRule> Table =
    [
        new(OrderStep.Enter, Role.Sales, "Draft", o => o.Status == OrderStatus.Draft),
        new(OrderStep.Review, Role.Review, "Submitted, or on hold for price or by hand",
            o => o.Status == OrderStatus.Submitted || HeldFor(o, HoldReason.Price, HoldReason.Manual)),
        new(OrderStep.CreditReview, Role.Finance, "on hold for credit", o => HeldFor(o, HoldReason.Credit)),
        new(OrderStep.CorrectData, Role.Sales, "on hold for data", o => HeldFor(o, HoldReason.Data)),
        new(OrderStep.ConfirmWithCustomer, Role.Sales, "Approved, or on hold for delivery (a date to agree)",
            o => o.Status == OrderStatus.Approved || HeldFor(o, HoldReason.Delivery)),
        new(OrderStep.Reserve, Role.Warehouse, "Confirmed or Fulfilling, with a line not yet tried for stock",
            o => OrderStatuses.Committed.Contains(o.Status) && o.Lines.Any(l => l.NotYetReservedQuantity(o.Status) > 0)),
        new(OrderStep.Procure, Role.Procurement, "Confirmed or Fulfilling, with backordered quantity",
            o => o.Lines.Any(l => l.BackorderedQuantity(o.Status) > 0)),
        new(OrderStep.Ship, Role.Warehouse, "Fulfilling, with reserved quantity to pick, pack and ship",
            o => o.Status == OrderStatus.Fulfilling && o.Lines.Any(l => l.ReservedQuantity > 0)),
        new(OrderStep.Invoice, Role.Finance, "shipped quantity not yet invoiced",
            o => !Final.Contains(o.Status) && o.Lines.Any(l => l.QuantityToInvoice > 0)),
        new(OrderStep.CollectPayment, Role.Finance, "an invoice open for payment",
            o => !Final.Contains(o.Status) && o.PaidAmount < o.InvoicedAmount),
        new(OrderStep.Close, Role.OrderAdministration, "Paid", o => o.Status == OrderStatus.Paid),
    ];

    /// <summary>The safety net: an order that is not final but opens no row above goes to order administration.</summary>
    public static readonly StepRule Unmatched =
        new(OrderStep.Close, Role.OrderAdministration, "not final, and no row above applies (never expected)", _ => true);

    /// <summary>The steps open for <paramref name="order"/> now, in journey order; empty for a final order.</summary>
    public static IReadOnlyList<StepRule> OpenSteps(SalesOrder order)
    {
        if (Final.Contains(order.Status)) return [];
        var open = Table.Where(r => r.Applies(order)).ToList();
        return open.Count > 0 ? open : [Unmatched];
    }

    /// <summary>The department that owns <paramref name="step"/> (for exceptions: the exception's own department).</summary>
    public static Role OwnerOf(OrderStep step) =>
        Table.FirstOrDefault(r => r.Step == step)?.Department ?? Role.OrderAdministration;

    /// <summary>The table as Markdown; docs/workflow/steps.md holds it.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder("| # | step | department | open while |\n| --: | --- | --- | --- |\n");
        foreach (var (row, i) in Table.Select((r, i) => (r, i + 1)))
            text.Append($"| {i} | `{row.Step.ToName()}` | {row.Department.ToName()} | {row.When} |\n");
        return text.ToString();
    }

    private static bool HeldFor(SalesOrder order, params HoldReason[] reasons) =>
        order.Status == OrderStatus.OnHold && order.HoldReason is { } reason && reasons.Contains(reason);
}

/// <summary>One row of <see cref="StepOwnership.Table"/>: the step, its owning department, when it is open (in words and as a test).</summary>
public sealed record StepRule(OrderStep Step, Role Department, string When, Func<SalesOrder, bool> Applies);
