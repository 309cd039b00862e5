namespace Orderly.Domain.Common;

/// <summary>Quantities are counted in a unit with a fixed number of decimals (0 for pieces, 3 for kilograms).</summary>
public static class QuantityPrecision
{
    public const int MaxDecimals = 6;

    public static bool Fits(decimal quantity, int decimals) => Math.Round(quantity, decimals) == quantity;
}
