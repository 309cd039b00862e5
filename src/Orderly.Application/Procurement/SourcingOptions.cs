using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Procurement;

/// <summary>Loads the supplier offers of a SKU with their suppliers, for <see cref="SupplierChoice"/>.</summary>
public sealed class SourcingOptions(OrderlyDbContext db)
{
    public async Task<IReadOnlyList<SourcingOption>> ForSkuAsync(string sku, CancellationToken ct) => await ForSkusAsync([sku], ct);

    /// <summary>The offers of several SKUs in one query (tell them apart by <c>Offer.Sku</c>).</summary>
    public async Task<IReadOnlyList<SourcingOption>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct) =>
        await (from o in db.SupplierOffers.AsNoTracking()
               join s in db.Suppliers.AsNoTracking() on o.SupplierId equals s.Id
               where skus.Contains(o.Sku)
               select new SourcingOption(s, o)).ToListAsync(ct);
}
