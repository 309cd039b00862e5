using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Procurement;

public sealed record RegisterSupplierRequest(string Code, string Name, string Currency);

public sealed record MarkSupplierUnavailableRequest(string Reason);

/// <summary>An offer as a client sends it; the currency is always the supplier's.</summary>
public sealed record DefineOfferRequest(string Sku, decimal UnitPrice, int LeadTimeDays, decimal MinimumOrderQuantity = 0m, int Rank = 1);

public sealed record SupplierView(Guid Id, string Code, string Name, string Currency, bool IsAvailable, string UnavailableReason,
    DateTimeOffset CreatedAt)
{
    public static SupplierView Of(Supplier s) => new(s.Id.Value, s.Code, s.Name, s.Currency, s.IsAvailable, s.UnavailableReason, s.CreatedAt);
}

/// <summary>One supplier's offer for a SKU; <c>Preferred</c> marks the offer sourcing would buy from today.</summary>
public sealed record SupplierOfferView(Guid SupplierId, string SupplierCode, string SupplierName, bool SupplierAvailable, string Sku,
    decimal UnitPrice, string Currency, int LeadTimeDays, decimal MinimumOrderQuantity, int Rank, bool Preferred);

/// <summary>Registers suppliers, marks them (un)available, and keeps what each of them offers per SKU.</summary>
public sealed class SupplierUseCases(OrderlyDbContext db, SourcingOptions sourcing, PromiseDates promises, TimeProvider clock)
{
    public async Task<SupplierView> RegisterAsync(RegisterSupplierRequest r, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var supplier = Supplier.Register(r.Code, r.Name, r.Currency, clock.GetUtcNow());
            if (await db.Suppliers.AnyAsync(s => s.Code == supplier.Code, ct))
                throw new BusinessRuleViolation("supplier.code_taken", $"A supplier with code '{supplier.Code}' already exists.");
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync(ct);
            return SupplierView.Of(supplier);
        }, ct);

    public async Task<SupplierView> GetAsync(Guid id, CancellationToken ct) =>
        SupplierView.Of(await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SupplierId.From(id), ct) ?? throw NotFoundError(id));

    public async Task<IReadOnlyList<SupplierView>> ListAsync(CancellationToken ct) =>
        (await db.Suppliers.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct)).Select(SupplierView.Of).ToList();

    /// <summary>Sourcing skips an unavailable supplier (its offers stay, for when it comes back).</summary>
    public async Task<SupplierView> MarkUnavailableAsync(Guid id, string reason, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var supplier = await ForChangeAsync(id, ct);
            supplier.MarkUnavailable(reason);
            await RepromiseAsync(supplier.Id, ct);
            return SupplierView.Of(supplier);
        }, ct);

    public async Task<SupplierView> MarkAvailableAsync(Guid id, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var supplier = await ForChangeAsync(id, ct);
            supplier.MarkAvailable();
            await RepromiseAsync(supplier.Id, ct);
            return SupplierView.Of(supplier);
        }, ct);

    /// <summary>Promises may rest on this supplier's lead time: recompute them for every SKU it offers.</summary>
    private async Task RepromiseAsync(SupplierId supplier, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var skus = await db.SupplierOffers.AsNoTracking().Where(o => o.SupplierId == supplier).Select(o => o.Sku).ToListAsync(ct);
        await promises.ChangedAsync(skus, ct);
    }

    /// <summary>Defines the supplier's offer for a SKU, or updates it when there is one.</summary>
    public async Task<SupplierOfferView> DefineOfferAsync(Guid supplierId, DefineOfferRequest r, CancellationToken ct) =>
        await db.InTransactionAsync(() => UpsertOfferAsync(supplierId, r, ct), ct);

    private async Task<SupplierOfferView> UpsertOfferAsync(Guid supplierId, DefineOfferRequest r, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SupplierId.From(supplierId), ct)
            ?? throw NotFoundError(supplierId);
        var sku = r.Sku?.Trim() ?? "";
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Sku == sku, ct);
        var errors = new FieldErrors();
        if (product is null) errors.Add("sku", $"No product has SKU '{r.Sku}'.");
        else if (!QuantityPrecision.Fits(r.MinimumOrderQuantity, product.UnitDecimals))
            errors.Add("minimumOrderQuantity", $"'{product.Unit}' of {product.Sku} allows {product.UnitDecimals} decimal(s).");
        errors.ThrowIfAny("supplier_offer.invalid", "The supplier offer cannot be saved as sent.");

        var offer = await db.SupplierOffers.SingleOrDefaultAsync(o => o.SupplierId == supplier.Id && o.Sku == sku, ct);
        if (offer is null)
            db.SupplierOffers.Add(offer = SupplierOffer.Define(supplier.Id, sku, r.UnitPrice, supplier.Currency, r.LeadTimeDays,
                r.MinimumOrderQuantity, r.Rank));
        else
            offer.Update(r.UnitPrice, r.LeadTimeDays, r.MinimumOrderQuantity, r.Rank);
        await promises.ChangedAsync([sku], ct);
        return (await OffersOfSkuAsync(sku, ct)).Single(o => o.SupplierId == supplierId);
    }

    /// <summary>Every offer for a SKU, best first: the preferred one, then by rank and lead time.</summary>
    public async Task<IReadOnlyList<SupplierOfferView>> OffersOfSkuAsync(string sku, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Sku == sku, ct))
            throw new NotFound("product.not_found", $"No product has SKU '{sku}'.");
        var options = await sourcing.ForSkuAsync(sku, ct);
        var preferred = SupplierChoice.Preferred(options);
        var unitDecimals = await db.UnitDecimalsAsync([sku], ct);
        return options
            .OrderByDescending(o => o == preferred).ThenBy(o => o.Offer.Rank).ThenBy(o => o.Offer.LeadTimeDays).ThenBy(o => o.Supplier.Code)
            .Select(o => View(o, o == preferred, unitDecimals)).ToList();
    }

    public async Task<IReadOnlyList<SupplierOfferView>> OffersOfSupplierAsync(Guid supplierId, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SupplierId.From(supplierId), ct)
            ?? throw NotFoundError(supplierId);
        var skus = await db.SupplierOffers.Where(o => o.SupplierId == supplier.Id).Select(o => o.Sku).ToListAsync(ct);
        var options = await (from o in db.SupplierOffers.AsNoTracking()
                             join s in db.Suppliers.AsNoTracking() on o.SupplierId equals s.Id
                             where skus.Contains(o.Sku)
                             select new SourcingOption(s, o)).ToListAsync(ct);
        var preferred = options.GroupBy(o => o.Offer.Sku).Select(SupplierChoice.Preferred).OfType<SourcingOption>().ToHashSet();
        var unitDecimals = await db.UnitDecimalsAsync(skus, ct);
        return options.Where(o => o.Supplier.Id == supplier.Id).OrderBy(o => o.Offer.Sku, StringComparer.Ordinal)
            .Select(o => View(o, preferred.Contains(o), unitDecimals)).ToList();
    }

    private static SupplierOfferView View(SourcingOption o, bool preferred, IReadOnlyDictionary<string, int> unitDecimals) =>
        new(o.Supplier.Id.Value, o.Supplier.Code, o.Supplier.Name, o.Supplier.IsAvailable, o.Offer.Sku,
            NumberForm.Price(o.Offer.UnitPrice, Currency.Of(o.Offer.Currency)), o.Offer.Currency, o.Offer.LeadTimeDays,
            NumberForm.Quantity(o.Offer.MinimumOrderQuantity, unitDecimals.GetValueOrDefault(o.Offer.Sku)), o.Offer.Rank, preferred);

    private async Task<Supplier> ForChangeAsync(Guid id, CancellationToken ct) =>
        await db.Suppliers.SingleOrDefaultAsync(s => s.Id == SupplierId.From(id), ct) ?? throw NotFoundError(id);

    private static NotFound NotFoundError(Guid id) => new("supplier.not_found", $"No supplier has id {id}.");
}
