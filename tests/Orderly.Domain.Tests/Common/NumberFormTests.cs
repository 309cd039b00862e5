using System.Globalization;
using System.Text.Json;
using Orderly.Domain.Common;

namespace Orderly.Domain.Tests.Common;

public class NumberFormTests
{
    private static string Written(decimal value) => JsonSerializer.Serialize(value);

    [Theory]
    [InlineData("860.0", "EUR", "860.00")]
    [InlineData("860", "EUR", "860.00")]
    [InlineData("420.2", "EUR", "420.20")]
    [InlineData("0", "EUR", "0.00")]
    [InlineData("-5.5", "USD", "-5.50")]
    [InlineData("1200.00", "JPY", "1200")]
    [InlineData("0.0", "JPY", "0")]
    [InlineData("12.5", "KWD", "12.500")]
    [InlineData("999999999.99", "EUR", "999999999.99")]
    public void Money_IsWrittenAtTheCurrencysMinorUnit(string amount, string currency, string expected)
    {
        Written(NumberForm.Money(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.Of(currency))).ShouldBe(expected);
    }

    [Fact]
    public void Money_FinerThanItsCurrency_KeepsItsDigitsRatherThanRounding()
    {
        Written(NumberForm.Money(0.125m, Currency.Of("EUR"))).ShouldBe("0.125");
    }

    [Theory]
    [InlineData("20", "EUR", "20.00")]
    [InlineData("0.1250", "EUR", "0.125")]
    [InlineData("150.000", "JPY", "150")]
    [InlineData("2.5", "JPY", "2.5")]
    public void Price_IsWrittenAtLeastAtTheMinorUnit(string price, string currency, string expected)
    {
        Written(NumberForm.Price(decimal.Parse(price, CultureInfo.InvariantCulture), Currency.Of(currency))).ShouldBe(expected);
    }

    [Theory]
    [InlineData("45.0", 0, "45")]
    [InlineData("45", 0, "45")]
    [InlineData("2.5", 3, "2.500")]
    [InlineData("0", 3, "0.000")]
    [InlineData("1000000000", 6, "1000000000.000000")]
    public void Quantity_IsWrittenAtItsUnitsDecimals(string quantity, int unitDecimals, string expected)
    {
        Written(NumberForm.Quantity(decimal.Parse(quantity, CultureInfo.InvariantCulture), unitDecimals)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("0.190", "0.19")]
    [InlineData("10.00", "10")]
    [InlineData("0", "0")]
    public void Rate_IsWrittenWithoutTrailingZeros(string rate, string expected)
    {
        Written(NumberForm.Rate(decimal.Parse(rate, CultureInfo.InvariantCulture))).ShouldBe(expected);
    }

    [Fact]
    public void Nulls_StayNull()
    {
        NumberForm.Money((decimal?)null, Currency.Of("EUR")).ShouldBeNull();
        NumberForm.Quantity((decimal?)null, 2).ShouldBeNull();
        NumberForm.Price((decimal?)null, Currency.Of("EUR")).ShouldBeNull();
    }
}
