using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Catalog;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Procurement;

/// <summary>What a drafted purchase order is to be, once the request has been checked against suppliers and offers.</summary>
internal sealed record PurchaseOrderTerms(Supplier Supplier, Warehouse Warehouse, IReadOnlyList<PurchaseOrderLineTerms> Lines, int LeadTimeDays);

/// <summary>
/// Turns a draft request into purchase order terms, or refuses it with every field error at once: unknown supplier,
/// warehouse or SKU, a SKU the supplier does not offer, a quantity below the offer's minimum or finer than the unit.
/// </summary>
internal sealed class PurchaseOrderEntry(OrderlyDbContext db)
{
    public const int MaxLines = 500;

    public async Task<PurchaseOrderTerms> ReadAsync(DraftPurchaseOrderRequest r, CancellationToken ct)
    {
        var lines = r.Lines ?? [];
        if (lines.Count > MaxLines)
            throw InvalidInput.ForField("lines", "purchase_order.too_many_lines", $"A purchase order has at most {MaxLines} lines; this one has {lines.Count}.");

        var errors = new FieldErrors();
        var supplier = await SupplierAsync(r.SupplierId, r.SupplierCode, errors, ct);
        var warehouse = string.IsNullOrWhiteSpace(r.WarehouseCode) ? null
            : await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Code == r.WarehouseCode.Trim(), ct);
        if (warehouse is null) errors.Add("warehouseCode", $"No warehouse has code '{r.WarehouseCode}'.");
        if (lines.Count == 0) errors.Add("lines", "A purchase order needs at least one line.");

        var skus = lines.Select(l => l?.Sku?.Trim()).OfType<string>().Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, ct);
        var offers = supplier is null ? []
            : await db.SupplierOffers.AsNoTracking().Where(o => o.SupplierId == supplier.Id && skus.Contains(o.Sku)).ToDictionaryAsync(o => o.Sku, ct);

        var terms = new List<PurchaseOrderLineTerms>(lines.Count);
        var leadTime = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line) errors.Add($"lines[{i}]", "A line cannot be null.");
            else if (Check(line, $"lines[{i}]", supplier, products, offers, errors) is { } offer)
            {
                terms.Add(new PurchaseOrderLineTerms(offer.Sku, line.Quantity, line.UnitPrice ?? offer.UnitPrice));
                leadTime = Math.Max(leadTime, offer.LeadTimeDays);
            }
        }
        errors.ThrowIfAny("purchase_order.invalid", "The purchase order cannot be drafted as sent; see the field errors.");
        return new PurchaseOrderTerms(supplier!, warehouse!, terms, leadTime);
    }

    private async Task<Supplier?> SupplierAsync(Guid? id, string? code, FieldErrors errors, CancellationToken ct)
    {
        Supplier? supplier = null;
        if (id is { } supplierId)
            supplier = await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SupplierId.From(supplierId), ct);
        else if (!string.IsNullOrWhiteSpace(code))
            supplier = await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code.Trim(), ct);
        if (supplier is not null)
        {
            if (id is { } named) NamedTwice.EnsureAgree("supplier", "supplierId", named, "supplierCode", code, supplier.Code);
            return supplier;
        }

        if (id is not null) errors.Add("supplierId", $"No supplier has id {id}.");
        else if (string.IsNullOrWhiteSpace(code)) errors.Add("supplierCode", "Name the supplier by 'supplierId' or 'supplierCode'.");
        else errors.Add("supplierCode", $"No supplier has code '{code}'.");
        return null;
    }

    /// <summary>The supplier's offer for the line when the line can be bought as sent; otherwise null, with the reasons added.</summary>
    private static SupplierOffer? Check(PurchaseOrderLineRequest line, string at, Supplier? supplier, Dictionary<string, Product> products,
        Dictionary<string, SupplierOffer> offers, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(line.Sku) || !products.TryGetValue(line.Sku.Trim(), out var product))
        {
            errors.Add($"{at}.sku", $"No product has SKU '{line.Sku}'.");
            return null;
        }
        if (supplier is null) return null;
        if (!offers.TryGetValue(product.Sku, out var offer))
        {
            errors.Add($"{at}.sku", $"Supplier {supplier.Code} has no offer for {product.Sku}; define one under /api/suppliers/{supplier.Id}/offers.");
            return null;
        }
        var ok = LineTermsRules.QuantityFits(errors, $"{at}.quantity", line.Quantity, product);
        if (ok && line.Quantity < offer.MinimumOrderQuantity)
            ok = Fail(errors, $"{at}.quantity",
                $"Supplier {supplier.Code} sells {product.Sku} from {offer.MinimumOrderQuantity} {product.Unit} (minimum order quantity); {line.Quantity} is less.");
        ok &= LineTermsRules.UnitPriceFits(errors, $"{at}.unitPrice", line.UnitPrice, offer.UnitPrice);
        return ok ? offer : null;
    }

    private static bool Fail(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return false;
    }
}
