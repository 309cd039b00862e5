using Orderly.Domain.Common;

namespace Orderly.Domain.Tests.Common;

public class MoneyRoundingTests
{
    [Theory]
    [InlineData("EUR", 0.125, MidpointRounding.AwayFromZero, 0.13)]
    [InlineData("EUR", 0.125, MidpointRounding.ToEven, 0.12)]
    [InlineData("EUR", -0.125, MidpointRounding.AwayFromZero, -0.13)]
    [InlineData("USD", 2.675, MidpointRounding.ToEven, 2.68)]
    [InlineData("USD", 1.004999, MidpointRounding.AwayFromZero, 1.00)]
    [InlineData("JPY", 2.5, MidpointRounding.AwayFromZero, 3)]
    [InlineData("JPY", 2.5, MidpointRounding.ToEven, 2)]
    [InlineData("JPY", 3.5, MidpointRounding.ToEven, 4)]
    [InlineData("KWD", 1.0005, MidpointRounding.AwayFromZero, 1.001)]
    [InlineData("KWD", 1.0005, MidpointRounding.ToEven, 1.000)]
    [InlineData("BHD", 9.99949, MidpointRounding.AwayFromZero, 9.999)]
    public void Round_GoesToTheMinorUnitWithTheChosenMidpointRule(string currency, decimal amount, MidpointRounding midpoint, decimal expected)
    {
        new MoneyRounding(midpoint).Round(amount, Currency.Of(currency)).ShouldBe(expected);
    }

    [Fact]
    public void Default_RoundsMidpointsAwayFromZero()
    {
        MoneyRounding.Default.Midpoint.ShouldBe(MidpointRounding.AwayFromZero);
        MoneyRounding.Default.Round(0.005m, Currency.Of("EUR")).ShouldBe(0.01m);
    }
}
