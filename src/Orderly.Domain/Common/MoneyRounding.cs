namespace Orderly.Domain.Common;

/// <summary>
/// Rounds amounts to a currency's minor unit with an explicit midpoint rule, so that
/// 0.125 EUR becomes 0.13 (away from zero, the default) or 0.12 (to even) by configuration, never by accident.
/// </summary>
public sealed record MoneyRounding(MidpointRounding Midpoint)
{
    public static readonly MoneyRounding Default = new(MidpointRounding.AwayFromZero);

    public decimal Round(decimal amount, Currency currency) => Math.Round(amount, currency.MinorUnits, Midpoint);
}
