using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Catalog;
using Orderly.Domain.Common;

namespace Orderly.Application.Catalog;

public sealed record DefineProductRequest(
    string Sku, string Name, string Unit, int UnitDecimals, decimal ListPrice, string Currency, decimal TaxRate, decimal MaxDiscountPercent);

public sealed record ProductView(
    Guid Id, string Sku, string Name, string Unit, int UnitDecimals, decimal ListPrice, string Currency, decimal TaxRate, decimal MaxDiscountPercent)
{
    public static ProductView Of(Product p) =>
        new(p.Id.Value, p.Sku, p.Name, p.Unit, p.UnitDecimals, NumberForm.Price(p.ListPrice, Domain.Common.Currency.Of(p.Currency)), p.Currency,
            NumberForm.Rate(p.TaxRate), NumberForm.Rate(p.MaxDiscountPercent));
}

/// <summary>Defines products and reads them back.</summary>
public sealed class ProductUseCases(OrderlyDbContext db, TimeProvider clock)
{
    public async Task<ProductView> DefineAsync(DefineProductRequest r, CancellationToken ct)
    {
        var product = Product.Define(r.Sku, r.Name, r.Unit, r.UnitDecimals, r.ListPrice, r.Currency, r.TaxRate, r.MaxDiscountPercent, clock.GetUtcNow());
        return await db.InTransactionAsync(async () =>
        {
            if (await db.Products.AnyAsync(p => p.Sku == product.Sku, ct))
                throw new BusinessRuleViolation("product.sku_taken", $"A product with SKU '{product.Sku}' already exists.");
            db.Products.Add(product);
            await db.SaveChangesAsync(ct);
            return ProductView.Of(product);
        }, ct);
    }

    public async Task<ProductView> GetAsync(Guid id, CancellationToken ct) =>
        ProductView.Of(await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == ProductId.From(id), ct)
            ?? throw new NotFound("product.not_found", $"No product has id {id}."));

    public async Task<IReadOnlyList<ProductView>> ListAsync(CancellationToken ct) =>
        (await db.Products.AsNoTracking().OrderBy(p => p.Sku).ToListAsync(ct)).Select(ProductView.Of).ToList();
}
