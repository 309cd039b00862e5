using FsCheck;
using FsCheck.Fluent;
using Orderly.Domain.Common;

namespace Orderly.Domain.Tests.Billing;

public class InvoicePropertyTests
{
    public sealed record LineCase(int UnitDecimals, decimal Quantity, decimal UnitPrice, decimal TaxRate);

    public sealed record InvoiceCase(string Currency, MidpointRounding Midpoint, LineCase[] Lines)
    {
        public override string ToString() =>
            $"{Currency} {Midpoint}: " + string.Join(", ", Lines.Select(l => $"{l.Quantity} × {l.UnitPrice} @ {l.TaxRate}"));
    }

    private static readonly Gen<LineCase> Line =
        from unitDecimals in Gen.Choose(0, 3)
        from quantityUnits in Gen.Choose(1, 100_000)
        from priceUnits in Gen.Choose(0, 50_000_000)
        from priceDecimals in Gen.Choose(0, 4)
        from taxBasisPoints in Gen.Choose(0, 3_000)
        select new LineCase(unitDecimals, Scaled(quantityUnits, unitDecimals), Scaled(priceUnits, priceDecimals), Scaled(taxBasisPoints, 4));

    private static readonly Gen<InvoiceCase> Case =
        from currency in Gen.Elements("EUR", "USD", "JPY", "KWD", "BHD", "CLP", "CHF")
        from midpoint in Gen.Elements(MidpointRounding.AwayFromZero, MidpointRounding.ToEven)
        from count in Gen.Choose(1, 6)
        from lines in Gen.ArrayOf(Line, count)
        select new InvoiceCase(currency, midpoint, lines);

    [Fact]
    public void Invoice_TotalIsTheSumOfItsLines_AndEveryAmountFitsTheMinorUnit()
    {
        // On failure FsCheck prints the shrunk case and the seed (StdGen) to replay it with Config.WithReplay.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Case.ToArbitrary(), (InvoiceCase c) =>
        {
            var builder = new OrderBuilder().InCurrency(c.Currency);
            foreach (var l in c.Lines) builder.WithLine(l.Quantity, l.UnitPrice, l.TaxRate, unitDecimals: l.UnitDecimals, unit: "u");
            var order = builder.Shipped();
            var minorUnits = Currency.Of(c.Currency).MinorUnits;

            var invoice = order.InvoiceShipped(new MoneyRounding(c.Midpoint));

            invoice.TotalAmount.ShouldBe(invoice.Lines.Sum(l => l.GrossAmount), c.ToString());
            (invoice.NetAmount + invoice.TaxAmount).ShouldBe(invoice.TotalAmount, c.ToString());
            order.InvoicedAmount.ShouldBe(invoice.TotalAmount, c.ToString());
            foreach (var line in invoice.Lines)
            {
                var expectedNet = Math.Round(line.Quantity * line.UnitPrice, minorUnits, c.Midpoint);
                line.NetAmount.ShouldBe(expectedNet, c.ToString());
                line.TaxAmount.ShouldBe(Math.Round(expectedNet * line.TaxRate, minorUnits, c.Midpoint), c.ToString());
                line.GrossAmount.ShouldBe(line.NetAmount + line.TaxAmount, c.ToString());
                foreach (var amount in new[] { line.NetAmount, line.TaxAmount, line.GrossAmount })
                    Math.Round(amount, minorUnits).ShouldBe(amount, $"{amount} has more than {minorUnits} decimal(s) in {c}");
            }
        }));
    }

    private static decimal Scaled(int units, int decimals) => new(units, 0, 0, false, (byte)decimals);
}
