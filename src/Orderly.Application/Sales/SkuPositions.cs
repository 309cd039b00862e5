using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Application.Procurement;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Where one SKU stands for promising: on hand and reserved over every warehouse (in the product's unit), the open
/// purchase-order quantity still expected, and the preferred available supplier (none when nobody offers it).
/// </summary>
public sealed record SkuPosition(string Sku, decimal OnHand, decimal Reserved, IReadOnlyList<ExpectedSupply> Supply, SourcingOption? Supplier)
{
    public decimal Free => OnHand - Reserved;
}

/// <summary>Loads <see cref="SkuPosition"/>s: three queries for any number of SKUs, each bounded by those SKUs' rows.</summary>
public static class SkuPositions
{
    public static async Task<IReadOnlyDictionary<string, SkuPosition>> LoadAsync(OrderlyDbContext db, IReadOnlyCollection<string> skus,
        CancellationToken ct)
    {
        var stock = await db.StockLevels.AsNoTracking().Where(s => skus.Contains(s.Sku))
            .Select(s => new { s.Sku, s.OnHand, s.Reserved }).ToListAsync(ct);
        var supply = await (from l in db.Set<PurchaseOrderLine>().AsNoTracking()
                            join p in db.PurchaseOrders on l.PurchaseOrderId equals p.Id
                            where skus.Contains(l.Sku) && PurchaseOrder.OpenStatuses.Contains(p.Status)
                            select new { l.Sku, p.Id, p.Number, l.LineNo, p.ExpectedDate, l.Quantity, l.ReceivedQuantity }).ToListAsync(ct);
        var offers = await new SourcingOptions(db).ForSkusAsync(skus, ct);
        return skus.Distinct(StringComparer.Ordinal).ToDictionary(sku => sku, sku => new SkuPosition(sku,
            stock.Where(s => s.Sku == sku).Sum(s => s.OnHand),
            stock.Where(s => s.Sku == sku).Sum(s => s.Reserved),
            supply.Where(s => s.Sku == sku)
                .Select(s => new ExpectedSupply(s.Id, s.Number, s.LineNo, s.ExpectedDate, s.Quantity - s.ReceivedQuantity)).ToList(),
            SupplierChoice.Preferred(offers.Where(o => o.Offer.Sku == sku))), StringComparer.Ordinal);
    }
}
