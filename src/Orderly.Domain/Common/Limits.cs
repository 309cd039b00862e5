namespace Orderly.Domain.Common;

/// <summary>
/// The largest numbers Orderly takes, in one place (issue #8). They are chosen so that every sum it computes from stored
/// values stays far inside <see cref="decimal"/> (about 7.9 × 10^28, 28 significant digits), which is also what SQLite
/// stores exactly: decimals are TEXT there (ModelConfiguration, ADR 0005), and the REAL casts of the stock CHECK are a
/// backstop that only compares. A value beyond a limit is refused with 400 and a field error, never rounded or clipped.
/// <list type="bullet">
/// <item>a line amount is at most <see cref="MaxQuantity"/> × <see cref="MaxUnitPrice"/> = 10^18; an order of
/// 500 lines with tax (at most 100 %) is at most <see cref="MaxDocumentAmount"/> = 10^21, and so is an invoice;</item>
/// <item>a customer's exposure (receivables + open orders) would need some 79 million orders at that maximum to overflow;</item>
/// <item>stock on hand of a SKU in a warehouse is at most <see cref="MaxOnHand"/> = 10^12, so stock summed over
/// warehouses, with open purchase orders and demand, stays below 10^20 for any realistic count of them.</item>
/// </list>
/// </summary>
public static class Limits
{
    /// <summary>Largest quantity of one input, in the product's unit: an order or purchase order line, a receipt, a stock
    /// adjustment (either sign), a reorder point, safety stock, reorder quantity or maximum, a minimum order quantity.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>Largest price of one unit, in its currency: list price, agreed unit price, purchase price, supplier offer.</summary>
    public const decimal MaxUnitPrice = 1_000_000_000m;

    /// <summary>Decimals a unit price may have (e.g. 0.000125 EUR per gram).</summary>
    public const int UnitPriceDecimals = 6;

    /// <summary>Largest gross amount of one order or invoice: 500 lines of 10^18, taxed at most 100 %.</summary>
    public const decimal MaxDocumentAmount = 1_000_000_000_000_000_000_000m;

    /// <summary>Largest credit limit or payment, in the customer's currency: the largest document, so one payment can settle it.</summary>
    public const decimal MaxAmount = MaxDocumentAmount;

    /// <summary>Largest stock on hand of one SKU in one warehouse: a thousand receipts of <see cref="MaxQuantity"/>.</summary>
    public const decimal MaxOnHand = 1_000_000_000_000m;

    /// <summary>Longest supplier lead time, in days (two years).</summary>
    public const int MaxLeadTimeDays = 730;

    /// <summary>Longest payment terms, in days (a year).</summary>
    public const int MaxPaymentTermsDays = 365;

    /// <summary>Adds a field error when <paramref name="quantity"/> is above <see cref="MaxQuantity"/> (in size, for a signed change).</summary>
    public static bool QuantityFits(FieldErrors errors, string field, decimal quantity)
    {
        if (Math.Abs(quantity) <= MaxQuantity) return true;
        errors.Add(field, $"A quantity is at most {MaxQuantity:N0} (got {quantity}).");
        return false;
    }

    /// <summary>Adds a field error when a price is negative, above <see cref="MaxUnitPrice"/> or finer than <see cref="UnitPriceDecimals"/>.</summary>
    public static bool UnitPriceFits(FieldErrors errors, string field, decimal price)
    {
        if (price < 0) errors.Add(field, "A price cannot be negative.");
        else if (price > MaxUnitPrice) errors.Add(field, $"A unit price is at most {MaxUnitPrice:N0} (got {price}).");
        else if (Math.Round(price, UnitPriceDecimals) != price) errors.Add(field, $"A unit price has at most {UnitPriceDecimals} decimals.");
        else return true;
        return false;
    }

    /// <summary>Adds a field error when an amount is negative or above <see cref="MaxAmount"/>.</summary>
    public static bool AmountFits(FieldErrors errors, string field, decimal amount, string what)
    {
        if (amount < 0) errors.Add(field, $"{what} cannot be negative.");
        else if (amount > MaxAmount) errors.Add(field, $"{what} is at most {MaxAmount:N0} (got {amount}).");
        else return true;
        return false;
    }
}
