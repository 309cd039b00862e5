using Orderly.Domain.Catalog;
using Orderly.Domain.Common;

namespace Orderly.Application.Common;

/// <summary>
/// The checks every document line (sales or purchase) makes on its quantity and unit price, in one place. The bounds
/// are <see cref="Limits"/>, which keep every amount (quantity × price, summed over 500 lines) far inside decimal's range.
/// </summary>
internal static class LineTermsRules
{
    /// <summary>Adds a field error and returns false when the quantity is not above zero, too large, or finer than the unit allows.</summary>
    public static bool QuantityFits(FieldErrors errors, string field, decimal quantity, Product product)
    {
        if (quantity <= 0) errors.Add(field, $"The quantity must be greater than zero (got {quantity}).");
        else if (!QuantityPrecision.Fits(quantity, product.UnitDecimals))
            errors.Add(field, $"'{product.Unit}' of {product.Sku} allows {product.UnitDecimals} decimal(s); {quantity} has more.");
        else return Limits.QuantityFits(errors, field, quantity);
        return false;
    }

    /// <summary>
    /// Adds a field error and returns false when the line's unit price, the one sent or else <paramref name="fallback"/>
    /// (the list or offer price it takes), is negative, too large or has more than 6 decimals. A fallback stored before
    /// the limits existed is refused with a hint to send a price, so no amount of the line can overflow.
    /// </summary>
    public static bool UnitPriceFits(FieldErrors errors, string field, decimal? unitPrice, decimal fallback)
    {
        if (unitPrice is { } sent) return Limits.UnitPriceFits(errors, field, sent);
        if (Limits.UnitPriceFits(new FieldErrors(), field, fallback)) return true;
        errors.Add(field, $"The default price {fallback} is beyond what Orderly takes (at most {Limits.MaxUnitPrice:N0}, " +
                          $"{Limits.UnitPriceDecimals} decimals); send a unit price.");
        return false;
    }
}
