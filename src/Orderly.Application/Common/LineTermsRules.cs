using Orderly.Domain.Catalog;
using Orderly.Domain.Common;

namespace Orderly.Application.Common;

/// <summary>
/// The checks every document line (sales or purchase) makes on its quantity and unit price, in one place. The bounds
/// keep every amount (quantity × price, summed over 500 lines) far inside decimal's range.
/// </summary>
internal static class LineTermsRules
{
    public const decimal MaxQuantity = 1_000_000_000m;
    public const decimal MaxUnitPrice = 1_000_000_000m;

    /// <summary>Adds a field error and returns false when the quantity is not above zero, too large, or finer than the unit allows.</summary>
    public static bool QuantityFits(FieldErrors errors, string field, decimal quantity, Product product)
    {
        if (quantity <= 0) errors.Add(field, $"The quantity must be greater than zero (got {quantity}).");
        else if (quantity > MaxQuantity) errors.Add(field, $"A line quantity is at most {MaxQuantity:N0}.");
        else if (!QuantityPrecision.Fits(quantity, product.UnitDecimals))
            errors.Add(field, $"'{product.Unit}' of {product.Sku} allows {product.UnitDecimals} decimal(s); {quantity} has more.");
        else return true;
        return false;
    }

    /// <summary>Adds a field error and returns false when a given unit price is negative, too large or has more than 6 decimals.</summary>
    public static bool UnitPriceFits(FieldErrors errors, string field, decimal? unitPrice)
    {
        if (unitPrice is < 0) errors.Add(field, "A unit price cannot be negative.");
        else if (unitPrice > MaxUnitPrice) errors.Add(field, $"A unit price is at most {MaxUnitPrice:N0}.");
        else if (unitPrice is { } price && Math.Round(price, 6) != price) errors.Add(field, "A unit price has at most 6 decimals.");
        else return true;
        return false;
    }
}
