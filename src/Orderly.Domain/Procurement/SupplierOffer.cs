using Orderly.Domain.Common;

namespace Orderly.Domain.Procurement;

/// <summary>What one supplier sells of one SKU: price, lead time, minimum order quantity, and rank (1 = primary, then backups).</summary>
public sealed class SupplierOffer
{
    private SupplierOffer() { }

    public long Id { get; private set; }
    public SupplierId SupplierId { get; private set; }
    public string Sku { get; private set; } = "";
    public decimal UnitPrice { get; private set; }
    public string Currency { get; private set; } = "";
    public int LeadTimeDays { get; private set; }
    public decimal MinimumOrderQuantity { get; private set; }
    public int Rank { get; private set; }

    public static SupplierOffer Define(SupplierId supplier, string sku, decimal unitPrice, string currency, int leadTimeDays,
        decimal minimumOrderQuantity, int rank)
    {
        var errors = new FieldErrors();
        Limits.UnitPriceFits(errors, "unitPrice", unitPrice);
        if (!Common.Currency.IsKnown(currency)) errors.Add("currency", $"'{currency}' is not an ISO 4217 currency code Orderly knows.");
        if (leadTimeDays is < 0 or > Limits.MaxLeadTimeDays) errors.Add("leadTimeDays", $"Lead time is between 0 and {Limits.MaxLeadTimeDays} days.");
        if (minimumOrderQuantity < 0) errors.Add("minimumOrderQuantity", "A minimum order quantity cannot be negative.");
        else Limits.QuantityFits(errors, "minimumOrderQuantity", minimumOrderQuantity);
        if (rank is < 1 or > 99) errors.Add("rank", "Rank is 1 (primary) to 99.");
        errors.ThrowIfAny("supplier_offer.invalid", "The supplier offer cannot be saved as sent.");
        return new SupplierOffer
        {
            SupplierId = supplier, Sku = sku, UnitPrice = unitPrice, Currency = currency, LeadTimeDays = leadTimeDays,
            MinimumOrderQuantity = minimumOrderQuantity, Rank = rank,
        };
    }

    public void Update(decimal unitPrice, int leadTimeDays, decimal minimumOrderQuantity, int rank)
    {
        var updated = Define(SupplierId, Sku, unitPrice, Currency, leadTimeDays, minimumOrderQuantity, rank);
        (UnitPrice, LeadTimeDays, MinimumOrderQuantity, Rank) = (updated.UnitPrice, updated.LeadTimeDays, updated.MinimumOrderQuantity, updated.Rank);
    }

    /// <summary>The quantity to order to cover <paramref name="needed"/>: at least the minimum order quantity.</summary>
    public decimal OrderQuantityFor(decimal needed) => Math.Max(needed, MinimumOrderQuantity);

    public DateOnly ExpectedDelivery(DateOnly orderedOn) => orderedOn.AddDays(LeadTimeDays);
}
