using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

/// <summary>An order brought to <paramref name="Status"/> by real commands, named by what makes it differ from its siblings.</summary>
internal sealed record LifecycleScenario(string Name, OrderStatus Status, Func<SalesOrder> Build)
{
    public override string ToString() => Name;
}

/// <summary>
/// At least one order per status, and extra variants where a guard decides (so each guard is seen holding and failing),
/// plus a way to fire any <see cref="OrderCommand"/> with valid arguments.
/// </summary>
internal static class LifecycleScenarios
{
    public static readonly IReadOnlyList<LifecycleScenario> All =
    [
        new("draft", OrderStatus.Draft, () => new OrderBuilder().Draft()),
        new("submitted", OrderStatus.Submitted, () => new OrderBuilder().Submitted()),
        new("on credit hold", OrderStatus.OnHold, () => new OrderBuilder().OnHold(HoldReason.Credit)),
        new("on data hold", OrderStatus.OnHold, () => new OrderBuilder().OnHold(HoldReason.Data)),
        new("on manual hold", OrderStatus.OnHold, () => new OrderBuilder().OnHold(HoldReason.Manual)),
        new("approved", OrderStatus.Approved, () => new OrderBuilder().Approved()),
        new("rejected", OrderStatus.Rejected, () => new OrderBuilder().Rejected()),
        new("confirmed", OrderStatus.Confirmed, () => new OrderBuilder().Confirmed()),
        new("confirmed without lines (approved over a data hold)", OrderStatus.Confirmed, ConfirmedWithoutLines),
        new("fulfilling, partly reserved", OrderStatus.Fulfilling, () => new OrderBuilder().Fulfilling()),
        new("fulfilling, fully reserved", OrderStatus.Fulfilling, FullyReserved),
        new("fulfilling, partly shipped", OrderStatus.Fulfilling, PartlyShipped),
        new("fulfilling, partly shipped and invoiced", OrderStatus.Fulfilling, () => PartlyShippedAndInvoiced(pay: false)),
        new("fulfilling, partly shipped, invoiced and paid", OrderStatus.Fulfilling, () => PartlyShippedAndInvoiced(pay: true)),
        new("shipped", OrderStatus.Shipped, () => new OrderBuilder().Shipped()),
        new("partially invoiced", OrderStatus.PartiallyInvoiced, () => new OrderBuilder().PartiallyInvoiced()),
        new("partially invoiced, first invoice paid", OrderStatus.PartiallyInvoiced, PartiallyInvoicedAndPaidUp),
        new("invoiced", OrderStatus.Invoiced, () => new OrderBuilder().Invoiced()),
        new("invoiced, partly paid", OrderStatus.Invoiced, InvoicedPartlyPaid),
        new("paid", OrderStatus.Paid, () => new OrderBuilder().Paid()),
        new("closed", OrderStatus.Closed, () => new OrderBuilder().Closed()),
        new("cancelled", OrderStatus.Cancelled, () => new OrderBuilder().Cancelled()),
    ];

    public static LifecycleScenario Named(string name) => All.Single(s => s.Name == name);

    /// <summary>Fires <paramref name="command"/> with arguments that are valid whenever the lifecycle allows it.</summary>
    public static void Execute(SalesOrder order, OrderCommand command)
    {
        var (actor, now) = (OrderBuilder.Clerk, OrderBuilder.Now);
        switch (command)
        {
            case OrderCommand.Edit: order.Edit(order.CurrentTerms(), order.RequestedDate, order.Note, actor, now); break;
            case OrderCommand.Submit: order.Submit(actor, now); break;
            case OrderCommand.Review: order.CompleteReview([], now); break;
            case OrderCommand.Approve: order.Approve("credit checked by phone", [], actor, now); break;
            case OrderCommand.Reject: order.Reject("customer is insolvent", actor, now); break;
            case OrderCommand.Hold: order.Hold("customer asked to wait", actor, now); break;
            case OrderCommand.Release: order.Release(null, [], actor, now); break;
            case OrderCommand.Confirm: order.Confirm(actor, now); break;
            case OrderCommand.Reserve: order.RecordReservations(OrderSteps.AllocationsForEverythingOpen(order), actor, now); break;
            case OrderCommand.Ship: order.Ship(null, actor, now); break;
            case OrderCommand.Invoice: order.InvoiceShipped(); break;
            case OrderCommand.RecordPayment: order.RecordPayment("INV-X", order.InvoicedAmount - order.PaidAmount, actor, now); break;
            case OrderCommand.Close: order.Close(actor, now); break;
            case OrderCommand.Cancel: order.Cancel("customer withdrew", actor, now); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command, "Add the new command to LifecycleScenarios.Execute.");
        }
    }

    private static SalesOrder ConfirmedWithoutLines()
    {
        var order = new OrderBuilder().WithoutLines().Submitted();
        order.CompleteReview(OrderReview.Evaluate(order, new CreditPosition(1000m, 0, 0, null), OrderBuilder.Today, MoneyRounding.Default),
            OrderBuilder.Now);
        order.Approve("frame contract, lines follow", [], OrderBuilder.Clerk, OrderBuilder.Now);
        order.Confirm(OrderBuilder.Clerk, OrderBuilder.Now);
        return order;
    }

    private static SalesOrder FullyReserved()
    {
        var order = new OrderBuilder().Confirmed();
        order.ReserveAll();
        return order;
    }

    private static SalesOrder PartlyShipped()
    {
        var order = new OrderBuilder().Fulfilling();
        order.Ship(null, OrderBuilder.Clerk, OrderBuilder.Now);
        return order;
    }

    private static SalesOrder PartlyShippedAndInvoiced(bool pay)
    {
        var order = PartlyShipped();
        var invoice = order.InvoiceShipped();
        if (pay) order.Pay(invoice, invoice.TotalAmount);
        return order;
    }

    private static SalesOrder PartiallyInvoicedAndPaidUp()
    {
        var order = PartlyShippedAndInvoiced(pay: true);
        order.ReserveAll();
        order.Ship(null, OrderBuilder.Clerk, OrderBuilder.Now);
        return order;
    }

    private static SalesOrder InvoicedPartlyPaid()
    {
        var order = new OrderBuilder().Shipped();
        var invoice = order.InvoiceShipped();
        order.Pay(invoice, 100m);
        return order;
    }
}

/// <summary>What a refused command must leave untouched.</summary>
internal sealed record OrderSnapshot(OrderStatus Status, int Version, int HistoryCount, HoldReason? HoldReason, string HoldNote,
    decimal InvoicedAmount, decimal PaidAmount, string Quantities, int Reservations)
{
    public static OrderSnapshot Of(SalesOrder order) => new(order.Status, order.Version, order.History.Count, order.HoldReason,
        order.HoldNote, order.InvoicedAmount, order.PaidAmount,
        string.Join("; ", order.Lines.Select(l => $"{l.LineNo}: {l.Quantity}/{l.ReservedQuantity}/{l.ShippedQuantity}/{l.InvoicedQuantity}")),
        order.Reservations.Count);
}
