using Orderly.Domain.Common;

namespace Orderly.Domain.Procurement;

/// <summary>An offer together with its supplier, as sourcing sees it.</summary>
public sealed record SourcingOption(Supplier Supplier, SupplierOffer Offer);

/// <summary>
/// Who to buy a SKU from: the best-ranked available supplier (primary first, then backups). For re-sourcing a late
/// purchase order, the available supplier other than the late one that delivers soonest (rank breaks ties).
/// </summary>
public static class SupplierChoice
{
    public static SourcingOption? Preferred(IEnumerable<SourcingOption> options) =>
        options.Where(o => o.Supplier.IsAvailable).OrderBy(o => o.Offer.Rank).ThenBy(o => o.Offer.LeadTimeDays).FirstOrDefault();

    public static SourcingOption? Fastest(IEnumerable<SourcingOption> options, SupplierId? excluding = null) =>
        options.Where(o => o.Supplier.IsAvailable && o.Supplier.Id != excluding)
            .OrderBy(o => o.Offer.LeadTimeDays).ThenBy(o => o.Offer.Rank).FirstOrDefault();
}
