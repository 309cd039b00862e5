using Orderly.Domain.Common;

namespace Orderly.Domain.Tests.Common;

public class CurrencyTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("USD", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("TND", 3)]
    public void MinorUnits_FollowIso4217(string code, int minorUnits)
    {
        var currency = Currency.Of(code);

        currency.MinorUnits.ShouldBe(minorUnits);
        currency.ToString().ShouldBe(code);
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("XYZ")]
    [InlineData("")]
    public void Of_AnUnknownCode_IsRefused(string code)
    {
        Currency.IsKnown(code).ShouldBeFalse();
        var refusal = Should.Throw<InvalidInput>(() => Currency.Of(code));

        refusal.Code.ShouldBe("currency.unknown");
        refusal.FieldErrors.Keys.ShouldBe(["currency"]);
    }

    [Fact]
    public void IsKnown_OfNull_IsFalse()
    {
        Currency.IsKnown(null).ShouldBeFalse();
        Currency.IsKnown("CHF").ShouldBeTrue();
    }
}
