using FsCheck;
using FsCheck.Fluent;
using Orderly.Domain.Common;
using Orderly.Domain.Billing;

namespace Orderly.Domain.Tests.Billing;

/// <summary>The parts of a line, however it is shipped and invoiced in parts, add up exactly to the line (issue #8, item 1).</summary>
public class InvoiceSplitTests
{
    [Fact]
    public void PartialInvoices_OfOneKilogramIn035_035_030_AddUpToTheLine()
    {
        // 1.00 kg at 9.99 EUR with 19 % tax: net 9.99, tax 1.90, gross 11.89. Rounding each part on its own gave
        // 4.17 + 4.17 + 3.57 = 11.91.
        var order = new OrderBuilder().WithLine(1.00m, 9.99m, 0.19m, unitDecimals: 2, unit: "kg").Confirmed();
        order.ReserveAll();

        var totals = new[] { 0.35m, 0.35m, 0.30m }.Select(quantity =>
        {
            order.ShipLine(1, quantity);
            return order.InvoiceShipped().TotalAmount;
        }).ToList();

        totals.ShouldBe([4.17m, 4.15m, 3.57m]);
        order.TotalAmount(MoneyRounding.Default).ShouldBe(11.89m);
        order.InvoicedAmount.ShouldBe(11.89m);
    }

    [Fact]
    public void UninvoicedAmount_IsWhatRemainsOfEachLineAfterItsInvoices()
    {
        // After 0.35 of 1.00 kg is invoiced (4.17), 11.89 - 4.17 = 7.72 is still open, not 0.65 kg rounded on its own.
        var order = new OrderBuilder().WithLine(1.00m, 9.99m, 0.19m, unitDecimals: 2, unit: "kg").Confirmed();
        order.ReserveAll();
        order.ShipLine(1, 0.35m);
        order.InvoiceShipped();

        order.UninvoicedAmount(MoneyRounding.Default).ShouldBe(7.72m);
    }

    [Fact]
    public void PartialInvoices_OfManyTinyParts_NeverBillMoreThanTheLine()
    {
        // 100 parts of 0.01 at 0.50: each part alone rounds 0.005 up to 0.01 (1.00 in all), while the line is 0.50.
        var order = new OrderBuilder().WithLine(1.00m, 0.50m, 0m, unitDecimals: 2, unit: "kg").Confirmed();
        order.ReserveAll();

        for (var i = 0; i < 100; i++)
        {
            order.ShipLine(1, 0.01m);
            order.InvoiceShipped();
        }

        order.InvoicedAmount.ShouldBe(0.50m);
    }

    public sealed record SplitCase(string Currency, MidpointRounding Midpoint, int UnitDecimals, decimal UnitPrice, decimal TaxRate,
        decimal[] Parts)
    {
        public decimal Quantity => Parts.Sum();

        public override string ToString() =>
            $"{Currency} {Midpoint}: {Quantity} (unit decimals {UnitDecimals}) × {UnitPrice} @ {TaxRate} in parts {string.Join(" + ", Parts)}";
    }

    private static readonly Gen<SplitCase> Case =
        from currency in Gen.Elements("JPY", "KRW", "EUR", "USD", "CNY", "KWD", "BHD")
        from midpoint in Gen.Elements(MidpointRounding.AwayFromZero, MidpointRounding.ToEven)
        from unitDecimals in Gen.Choose(0, 3)
        from priceUnits in Gen.Choose(0, 50_000_000)
        from priceDecimals in Gen.Choose(0, 6)
        from taxBasisPoints in Gen.Choose(0, 3_000)
        from count in Gen.Choose(1, 8)
        from partUnits in Gen.ArrayOf(Gen.Choose(1, 5_000), count)
        select new SplitCase(currency, midpoint, unitDecimals, Scaled(priceUnits, priceDecimals), Scaled(taxBasisPoints, 4),
            partUnits.Select(u => Scaled(u, unitDecimals)).ToArray());

    [Fact]
    public void PartialInvoices_OfAnySplit_AddUpExactlyToTheLinesNetAndTax()
    {
        // On failure FsCheck prints the shrunk case and the seed (StdGen) to replay it with Config.WithReplay.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Case.ToArbitrary(), (SplitCase c) =>
        {
            var rounding = new MoneyRounding(c.Midpoint);
            var currency = Currency.Of(c.Currency);
            var unit = 1m / (decimal)Math.Pow(10, currency.MinorUnits);
            var order = new OrderBuilder().InCurrency(c.Currency)
                .WithLine(c.Quantity, c.UnitPrice, c.TaxRate, unitDecimals: c.UnitDecimals, unit: "u").Confirmed();
            order.ReserveAll();
            var line = order.Line(1);
            var whole = line.Amounts(currency, rounding);

            var billed = new List<InvoiceLine>();
            foreach (var part in c.Parts)
            {
                order.ShipLine(1, part);
                var invoiceLine = order.InvoiceShipped(rounding).Lines.Single();
                billed.Add(invoiceLine);
                (order.InvoicedAmount + order.UninvoicedAmount(rounding)).ShouldBe(order.TotalAmount(rounding), c.ToString());

                var alone = rounding.Round(part * c.UnitPrice, currency);
                Math.Abs(invoiceLine.NetAmount - alone).ShouldBeLessThanOrEqualTo(unit, c.ToString());
                Math.Abs(invoiceLine.TaxAmount - rounding.Round(alone * c.TaxRate, currency)).ShouldBeLessThanOrEqualTo(2 * unit, c.ToString());
                invoiceLine.NetAmount.ShouldBeGreaterThanOrEqualTo(0m, c.ToString());
                invoiceLine.TaxAmount.ShouldBeGreaterThanOrEqualTo(0m, c.ToString());
                Math.Round(invoiceLine.GrossAmount, currency.MinorUnits).ShouldBe(invoiceLine.GrossAmount, c.ToString());
            }

            billed.Sum(l => l.NetAmount).ShouldBe(whole.Net, c.ToString());
            billed.Sum(l => l.TaxAmount).ShouldBe(whole.Tax, c.ToString());
            order.InvoicedAmount.ShouldBe(order.TotalAmount(rounding), c.ToString());
            order.UninvoicedAmount(rounding).ShouldBe(0m, c.ToString());
        }));
    }

    private static decimal Scaled(int units, int decimals) => new(units, 0, 0, false, (byte)decimals);
}
