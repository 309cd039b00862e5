using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

public class SalesOrderTests
{
    [Fact]
    public void Receive_StartsADraftAtVersionOneWithOneHistoryEntry()
    {
        var order = new OrderBuilder().Draft();

        order.Status.ShouldBe(OrderStatus.Draft);
        order.Version.ShouldBe(1);
        order.Currency.ShouldBe("EUR");
        order.Lines.Select(l => l.LineNo).ShouldBe([1, 2]);
        order.History.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Action.ShouldBe("receive"),
            e => e.FromStatus.ShouldBeNull(),
            e => e.ToStatus.ShouldBe(OrderStatus.Draft),
            e => e.Actor.ShouldBe(OrderBuilder.Clerk));
    }

    [Fact]
    public void Receive_WithMoreThanMaxLines_IsRefused()
    {
        var builder = new OrderBuilder();
        for (var i = 0; i <= SalesOrder.MaxLines; i++) builder.WithLine(1m);

        var refusal = Should.Throw<InvalidInput>(builder.Draft);

        refusal.Code.ShouldBe("order.too_many_lines");
        refusal.FieldErrors.Keys.ShouldBe(["lines"]);
    }

    [Fact]
    public void Line_ThatDoesNotExist_IsAFieldError()
    {
        var order = new OrderBuilder().Draft();

        Should.Throw<InvalidInput>(() => order.Line(3)).Code.ShouldBe("order.line_unknown");
    }

    [Fact]
    public void EveryTransitionOnTheWayToClosed_IsRecordedWithActorFromToAndReason_AndBumpsTheVersion()
    {
        var order = new OrderBuilder().Draft();
        var versions = new List<int> { order.Version };
        void Step(Action command)
        {
            command();
            versions.Add(order.Version);
        }

        Step(() => order.Submit("anna", OrderBuilder.Now));
        Step(() => order.CompleteReview([], OrderBuilder.Now));
        Step(() => order.Confirm("ben", OrderBuilder.Now));
        Step(order.ReserveAll);
        Step(() => order.Ship(null, "carl", OrderBuilder.Now));
        var invoice = order.InvoiceShipped();
        versions.Add(order.Version);
        Step(() => order.RecordPayment(invoice.Number, invoice.TotalAmount, "dora", OrderBuilder.Now));
        Step(() => order.Close("emil", OrderBuilder.Now));

        versions.ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        order.History.Select(e => (e.Actor, e.FromStatus, e.ToStatus)).ShouldBe(
        [
            (OrderBuilder.Clerk, null, OrderStatus.Draft),
            ("anna", OrderStatus.Draft, OrderStatus.Submitted),
            (OrderReview.Actor, OrderStatus.Submitted, OrderStatus.Approved),
            ("ben", OrderStatus.Approved, OrderStatus.Confirmed),
            (OrderBuilder.Clerk, OrderStatus.Confirmed, OrderStatus.Fulfilling),
            ("carl", OrderStatus.Fulfilling, OrderStatus.Shipped),
            (OrderBuilder.Clerk, OrderStatus.Shipped, OrderStatus.Invoiced),
            ("dora", OrderStatus.Invoiced, OrderStatus.Paid),
            ("emil", OrderStatus.Paid, OrderStatus.Closed),
        ]);
        order.History.ShouldAllBe(e => e.Reason.Length > 0 && e.OrderId == order.Id);
        order.History[^3].Reason.ShouldBe($"Invoice {invoice.Number} issued over 469.72 EUR.");
        order.Status.ShouldBe(OrderStatus.Closed);
        order.AllowedCommands.ShouldBeEmpty();
    }

    [Fact]
    public void Edit_OfADraft_ReplacesLinesAndStaysDraft()
    {
        var order = new OrderBuilder().Draft();
        var terms = order.CurrentTerms();

        order.Edit([terms[1]], null, null, OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.Draft);
        order.Lines.ShouldHaveSingleItem().ShouldSatisfyAllConditions(l => l.LineNo.ShouldBe(1), l => l.Sku.ShouldBe("SKU-002"));
        order.RequestedDate.ShouldBeNull();
        order.Version.ShouldBe(2);
        order.History[^1].Reason.ShouldBe("Edited: 1 line(s), requested no date.");
    }

    [Fact]
    public void RecordPayment_BeyondWhatIsInvoiced_IsRefusedAndChangesNothing()
    {
        var order = new OrderBuilder().Invoiced();
        var before = OrderSnapshot.Of(order);

        Should.Throw<InvalidOperationException>(() => order.RecordPayment("INV-X", order.InvoicedAmount + 0.01m, OrderBuilder.Clerk, OrderBuilder.Now));

        OrderSnapshot.Of(order).ShouldBe(before);
    }

    [Fact]
    public void RecordPayment_InParts_StaysInvoicedUntilPaidInFull()
    {
        var order = new OrderBuilder().Shipped();
        var invoice = order.InvoiceShipped();

        order.Pay(invoice, 400m);
        order.Status.ShouldBe(OrderStatus.Invoiced);
        order.AllowedCommands.ShouldBe([OrderCommand.RecordPayment]);

        order.Pay(invoice, 69.72m);
        order.Status.ShouldBe(OrderStatus.Paid);
        order.PaidAmount.ShouldBe(order.InvoicedAmount);
        order.AllowedCommands.ShouldBe([OrderCommand.Close]);
    }

    [Fact]
    public void Invoice_OfAnOrderThatCostsNothing_IsPaidAtOnce()
    {
        var order = new OrderBuilder().WithLine(2m, unitPrice: 0m).WithLine(1m, unitPrice: 0m).Shipped();

        var invoice = order.InvoiceShipped();

        invoice.TotalAmount.ShouldBe(0m);
        order.Status.ShouldBe(OrderStatus.Paid);
    }
}
