using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Billing;

public class InvoiceTests
{
    [Fact]
    public void Issue_BillsEachLineRoundedAndTotalsTheRoundedLines()
    {
        var order = new OrderBuilder().Shipped();

        var invoice = order.InvoiceShipped();

        // 10 × 12.50 = 125.00 + 19 % = 23.75; 3 × 99.99 = 299.97 + 7 % = 20.9979 → 21.00.
        invoice.Lines.Select(l => (l.OrderLineNo, l.Quantity, l.NetAmount, l.TaxAmount, l.GrossAmount)).ShouldBe(
        [
            (1, 10m, 125.00m, 23.75m, 148.75m),
            (2, 3m, 299.97m, 21.00m, 320.97m),
        ]);
        (invoice.NetAmount, invoice.TaxAmount, invoice.TotalAmount).ShouldBe((424.97m, 44.75m, 469.72m));
        invoice.TotalAmount.ShouldBe(invoice.Lines.Sum(l => l.GrossAmount));
        invoice.OpenAmount.ShouldBe(469.72m);
        order.InvoicedAmount.ShouldBe(469.72m);
    }

    [Fact]
    public void Issue_TaxesEachLineNotTheTotal()
    {
        // Three lines of 0.10 at 5 %: 0.005 rounds to 0.01 per line (0.03), while 5 % of the 0.30 total would be 0.02.
        var order = new OrderBuilder().WithLine(1m, 0.10m, 0.05m).WithLine(1m, 0.10m, 0.05m).WithLine(1m, 0.10m, 0.05m).Shipped();

        var invoice = order.InvoiceShipped();

        invoice.Lines.ShouldAllBe(l => l.TaxAmount == 0.01m);
        invoice.TaxAmount.ShouldBe(0.03m);
        invoice.TotalAmount.ShouldBe(0.33m);
    }

    [Theory]
    [InlineData("EUR", 1, 0.125, MidpointRounding.AwayFromZero, 0.13)]
    [InlineData("EUR", 1, 0.125, MidpointRounding.ToEven, 0.12)]
    [InlineData("USD", 3, 0.335, MidpointRounding.AwayFromZero, 1.01)]
    [InlineData("JPY", 3, 333.5, MidpointRounding.AwayFromZero, 1001)]
    [InlineData("JPY", 3, 333.5, MidpointRounding.ToEven, 1000)]
    [InlineData("KWD", 1, 1.2345, MidpointRounding.AwayFromZero, 1.235)]
    [InlineData("KWD", 1, 1.2345, MidpointRounding.ToEven, 1.234)]
    [InlineData("BHD", 2, 0.6785, MidpointRounding.ToEven, 1.357)]
    public void Issue_RoundsLineAmountsToTheCurrencysMinorUnit(string currency, decimal quantity, decimal unitPrice,
        MidpointRounding midpoint, decimal expectedNet)
    {
        var order = new OrderBuilder().InCurrency(currency).WithLine(quantity, unitPrice, taxRate: 0m).WithLine(1m, 0m, 0m).Shipped();

        var invoice = order.InvoiceShipped(new MoneyRounding(midpoint));

        invoice.Currency.ShouldBe(currency);
        invoice.Lines[0].NetAmount.ShouldBe(expectedNet);
        invoice.TotalAmount.ShouldBe(expectedNet);
    }

    [Fact]
    public void Issue_OnAMidpointTax_DependsOnTheConfiguredRounding()
    {
        // 10.00 × 1.25 % = 0.125 tax.
        SalesOrder Order() => new OrderBuilder().WithLine(1m, 10m, taxRate: 0.0125m).WithLine(1m, 0m, 0m).Shipped();

        var awayFromZero = Order().InvoiceShipped(new MoneyRounding(MidpointRounding.AwayFromZero));
        var toEven = Order().InvoiceShipped(new MoneyRounding(MidpointRounding.ToEven));

        awayFromZero.TotalAmount.ShouldBe(10.13m);
        toEven.TotalAmount.ShouldBe(10.12m);
    }

    [Fact]
    public void Issue_BillsOnlyWhatShippedAndIsNotYetInvoiced()
    {
        var order = new OrderBuilder().Fulfilling();
        order.ShipLine(1, 4m);
        var first = order.InvoiceShipped();
        order.ShipLine(1, 6m);

        var second = order.InvoiceShipped();

        first.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(4m);
        second.Lines.ShouldHaveSingleItem().ShouldSatisfyAllConditions(l => l.OrderLineNo.ShouldBe(1), l => l.Quantity.ShouldBe(6m));
        order.Line(1).InvoicedQuantity.ShouldBe(10m);
        order.InvoicedAmount.ShouldBe(first.TotalAmount + second.TotalAmount);
        order.Status.ShouldBe(OrderStatus.Fulfilling);
    }

    [Fact]
    public void Issue_WhenEverythingShippedIsInvoiced_IsRefused()
    {
        var order = new OrderBuilder().Fulfilling();
        order.Ship(null, OrderBuilder.Clerk, OrderBuilder.Now);
        order.InvoiceShipped();

        Should.Throw<BusinessRuleViolation>(() => order.InvoiceShipped()).Code.ShouldBe("order.nothing_to_invoice");
    }

    [Fact]
    public void Issue_SetsTheDueDateFromThePaymentTerms()
    {
        var invoice = new OrderBuilder().Shipped().InvoiceShipped(paymentTermsDays: 45);

        invoice.IssuedOn.ShouldBe(OrderBuilder.Today);
        invoice.DueOn.ShouldBe(OrderBuilder.Today.AddDays(45));
    }

    [Fact]
    public void RecordPayment_InParts_KeepsTheRestOpenUntilPaid()
    {
        var invoice = new OrderBuilder().Shipped().InvoiceShipped();

        invoice.RecordPayment(200m, OrderBuilder.Today, " TRX-1 ", OrderBuilder.Clerk, OrderBuilder.Now);
        invoice.OpenAmount.ShouldBe(269.72m);
        invoice.IsPaid.ShouldBeFalse();

        invoice.RecordPayment(269.72m, OrderBuilder.Today, "TRX-2", OrderBuilder.Clerk, OrderBuilder.Now);

        invoice.IsPaid.ShouldBeTrue();
        invoice.PaidAmount.ShouldBe(469.72m);
        invoice.Payments.Select(p => (p.Amount, p.Reference)).ShouldBe([(200m, "TRX-1"), (269.72m, "TRX-2")]);
    }

    [Fact]
    public void RecordPayment_OverTheOpenAmount_IsRefused()
    {
        var invoice = new OrderBuilder().Shipped().InvoiceShipped();
        invoice.RecordPayment(400m, OrderBuilder.Today, "TRX-1", OrderBuilder.Clerk, OrderBuilder.Now);

        var refusal = Should.Throw<BusinessRuleViolation>(() =>
            invoice.RecordPayment(69.73m, OrderBuilder.Today, "TRX-2", OrderBuilder.Clerk, OrderBuilder.Now));

        refusal.Code.ShouldBe("payment.exceeds_open_amount");
        invoice.PaidAmount.ShouldBe(400m);
        invoice.Payments.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("EUR", 10.001)]
    [InlineData("USD", 0.005)]
    [InlineData("JPY", 10.5)]
    [InlineData("KWD", 1.0005)]
    public void RecordPayment_FinerThanTheMinorUnit_IsRefused(string currency, decimal amount)
    {
        var invoice = new OrderBuilder().InCurrency(currency).WithLine(1m, 1000m).WithLine(1m, 0m).Shipped().InvoiceShipped();

        var refusal = Should.Throw<InvalidInput>(() => invoice.RecordPayment(amount, OrderBuilder.Today, "TRX", OrderBuilder.Clerk, OrderBuilder.Now));

        refusal.Code.ShouldBe("payment.amount_too_precise");
        refusal.FieldErrors.Keys.ShouldBe(["amount"]);
        invoice.PaidAmount.ShouldBe(0m);
    }

    [Theory]
    [InlineData("KWD", 1.005)]
    [InlineData("JPY", 10)]
    [InlineData("EUR", 10.10)]
    public void RecordPayment_InTheMinorUnit_IsAccepted(string currency, decimal amount)
    {
        var invoice = new OrderBuilder().InCurrency(currency).WithLine(1m, 1000m).WithLine(1m, 0m).Shipped().InvoiceShipped();

        invoice.RecordPayment(amount, OrderBuilder.Today, "TRX", OrderBuilder.Clerk, OrderBuilder.Now);

        invoice.PaidAmount.ShouldBe(amount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void RecordPayment_NotAboveZero_IsRefused(decimal amount)
    {
        var invoice = new OrderBuilder().Shipped().InvoiceShipped();

        Should.Throw<InvalidInput>(() => invoice.RecordPayment(amount, OrderBuilder.Today, "TRX", OrderBuilder.Clerk, OrderBuilder.Now))
            .Code.ShouldBe("payment.amount_not_positive");
    }

    [Fact]
    public void PayingTheInvoice_TakesTheOrderFromInvoicedToPaid_ThenItMayClose()
    {
        var order = new OrderBuilder().Shipped();
        var invoice = order.InvoiceShipped();
        order.Status.ShouldBe(OrderStatus.Invoiced);
        order.AllowedCommands.ShouldNotContain(OrderCommand.Close);

        order.Pay(invoice, 100m);
        order.Status.ShouldBe(OrderStatus.Invoiced);
        order.Pay(invoice, invoice.OpenAmount);
        order.Status.ShouldBe(OrderStatus.Paid);
        order.AllowedCommands.ShouldBe([OrderCommand.Close]);
        order.Close(OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.Closed);
        invoice.IsPaid.ShouldBeTrue();
    }
}
