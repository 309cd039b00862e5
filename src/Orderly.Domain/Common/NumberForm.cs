namespace Orderly.Domain.Common;

/// <summary>
/// How every response writes a decimal, in one place: an amount at its currency's minor unit (860.00 EUR, 1200 JPY,
/// 12.500 KWD), a unit price at least at the minor unit (20.00, or 0.125 when agreed that fine), a quantity at its
/// unit's decimals (45 pieces, 2.500 kg), a rate without trailing zeros (0.19). Only the scale changes, never the value:
/// a number finer than its form (which validation keeps out) keeps its digits instead of being rounded here. JSON
/// writes a decimal with its scale, so <c>860.00</c> leaves as <c>860.00</c>, a JSON number (issue #8, item 16).
/// </summary>
public static class NumberForm
{
    /// <summary>An amount of money at exactly <see cref="Currency.MinorUnits"/> decimals.</summary>
    public static decimal Money(decimal amount, Currency currency) => AtLeast(amount, currency.MinorUnits);

    /// <summary>As <see cref="Money(decimal, Currency)"/>, for a currency code (ISO 4217; unknown codes throw <c>currency.unknown</c>).</summary>
    public static decimal Money(decimal amount, string currency) => Money(amount, Currency.Of(currency));

    /// <summary>A nullable amount; null stays null.</summary>
    public static decimal? Money(decimal? amount, Currency currency) => amount is { } a ? Money(a, currency) : null;

    /// <summary>A price per unit: at the minor unit, or finer when it has more decimals (up to 6, as validation allows).</summary>
    public static decimal Price(decimal price, Currency currency) => AtLeast(price, currency.MinorUnits);

    /// <summary>A nullable price per unit; null stays null.</summary>
    public static decimal? Price(decimal? price, Currency currency) => price is { } p ? Price(p, currency) : null;

    /// <summary>A quantity at exactly its unit's decimals (0 for pieces, 3 for kg).</summary>
    public static decimal Quantity(decimal quantity, int unitDecimals) => AtLeast(quantity, unitDecimals);

    /// <summary>A nullable quantity; null stays null.</summary>
    public static decimal? Quantity(decimal? quantity, int unitDecimals) => quantity is { } q ? Quantity(q, unitDecimals) : null;

    /// <summary>A rate or percentage (tax rate 0.19, discount 10) with no trailing zeros.</summary>
    public static decimal Rate(decimal rate) => AtLeast(rate, 0);

    /// <summary>The same value with <paramref name="decimals"/> decimals, or its own significant ones when it has more.</summary>
    private static decimal AtLeast(decimal value, int decimals)
    {
        var significant = value / 1.0000000000000000000000000000m; // drops trailing zeros, keeps the value
        var missing = decimals - significant.Scale;
        return missing <= 0 ? significant : significant * ScaleOne(missing);
    }

    /// <summary>1 written with <paramref name="decimals"/> decimals (1.00 for 2): multiplying by it adds the zeros.</summary>
    private static decimal ScaleOne(int decimals) => new(Pow10(decimals), 0, 0, false, (byte)decimals);

    private static int Pow10(int exponent)
    {
        var result = 1;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }
}
