using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Catalog;
using Orderly.Domain.Common;

namespace Orderly.Application.Catalog;

/// <summary>Body of <c>POST /api/products</c>; <c>productLine</c> is the product's line or category (up to 64 characters; allocation rules select on it).</summary>
public sealed record DefineProductRequest(
    string Sku, string Name, string Unit, int UnitDecimals, decimal ListPrice, string Currency, decimal TaxRate, decimal MaxDiscountPercent,
    string? ProductLine = null);

/// <summary>Body of <c>PUT /api/products/{id}/product-line</c>: the product line (up to 64 characters; empty or null for none).</summary>
public sealed record PutProductLineRequest(string? ProductLine);

/// <summary>A product; <c>productLine</c> empty when none is set.</summary>
public sealed record ProductView(
    Guid Id, string Sku, string Name, string Unit, int UnitDecimals, decimal ListPrice, string Currency, decimal TaxRate, decimal MaxDiscountPercent,
    string ProductLine)
{
    public static ProductView Of(Product p) =>
        new(p.Id.Value, p.Sku, p.Name, p.Unit, p.UnitDecimals, NumberForm.Price(p.ListPrice, Domain.Common.Currency.Of(p.Currency)), p.Currency,
            NumberForm.Rate(p.TaxRate), NumberForm.Rate(p.MaxDiscountPercent), p.ProductLine);
}

/// <summary>Defines products and reads them back.</summary>
public sealed class ProductUseCases(OrderlyDbContext db, TimeProvider clock)
{
    public async Task<ProductView> DefineAsync(DefineProductRequest r, CancellationToken ct)
    {
        var product = Product.Define(r.Sku, r.Name, r.Unit, r.UnitDecimals, r.ListPrice, r.Currency, r.TaxRate, r.MaxDiscountPercent, clock.GetUtcNow());
        product.PutInLine(r.ProductLine);
        return await db.InTransactionAsync(async () =>
        {
            if (await db.Products.AnyAsync(p => p.Sku == product.Sku, ct))
                throw new BusinessRuleViolation("product.sku_taken", $"A product with SKU '{product.Sku}' already exists.");
            db.Products.Add(product);
            await db.SaveChangesAsync(ct);
            return ProductView.Of(product);
        }, ct);
    }

    /// <summary>Puts the product in another product line; allocation rules by product line apply to steps that open afterwards. 404 <c>product.not_found</c>; 400 <c>product.invalid</c>.</summary>
    public Task<ProductView> PutInLineAsync(Guid id, PutProductLineRequest body, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == ProductId.From(id), ct) ?? throw NotFoundError(id);
        product.PutInLine(body.ProductLine);
        await db.SaveChangesAsync(ct);
        return ProductView.Of(product);
    }, ct);

    public async Task<ProductView> GetAsync(Guid id, CancellationToken ct) =>
        ProductView.Of(await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == ProductId.From(id), ct)
            ?? throw NotFoundError(id));

    public async Task<IReadOnlyList<ProductView>> ListAsync(CancellationToken ct) =>
        (await db.Products.AsNoTracking().OrderBy(p => p.Sku).ToListAsync(ct)).Select(ProductView.Of).ToList();

    private static NotFound NotFoundError(Guid id) => new("product.not_found", $"No product has id {id}.");
}
