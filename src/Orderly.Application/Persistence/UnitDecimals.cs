using Microsoft.EntityFrameworkCore;

namespace Orderly.Application.Persistence;

/// <summary>
/// The decimals of each SKU's unit, for views that write a quantity of a SKU at its unit's precision (NumberForm) without
/// an order line at hand: stock, movements, shipments, invoices, purchase orders, policies, offers. One read of the
/// products named, through the unique index on <c>products.sku</c>.
/// </summary>
public static class UnitDecimals
{
    public static async Task<IReadOnlyDictionary<string, int>> UnitDecimalsAsync(this OrderlyDbContext db, IEnumerable<string> skus,
        CancellationToken ct)
    {
        var wanted = skus.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return new Dictionary<string, int>();
        return await db.Products.AsNoTracking().Where(p => wanted.Contains(p.Sku)).Select(p => new { p.Sku, p.UnitDecimals })
            .ToDictionaryAsync(p => p.Sku, p => p.UnitDecimals, ct);
    }
}
