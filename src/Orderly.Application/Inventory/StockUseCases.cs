using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Catalog;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Application.Inventory;

public sealed record ReceiveStockRequest(string WarehouseCode, string Sku, decimal Quantity, string? Reference = null);

public sealed record AdjustStockRequest(string WarehouseCode, string Sku, decimal Change, string Reason);

public sealed record StockView(string WarehouseCode, string Sku, decimal OnHand, decimal Reserved, decimal Available);

public sealed record StockMovementView(long Id, string WarehouseCode, string Sku, string Kind, decimal OnHandChange, decimal ReservedChange,
    Guid? OrderId, string Reference, string Actor, DateTimeOffset At);

/// <summary>Goods receipts, stock counts and the stock and ledger queries.</summary>
public sealed class StockUseCases(OrderlyDbContext db, StockLedger ledger, Backorders backorders, PromiseDates promises)
{
    public async Task<StockView> ReceiveAsync(ReceiveStockRequest r, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var (warehouse, product) = await ResolveAsync(r.WarehouseCode, r.Sku, r.Quantity, "quantity", mustBePositive: true, ct);
            await db.LockStockOfAsync([product.Sku], ct); // the backorders it serves may take stock in other warehouses
            await ledger.ReceiveAsync(warehouse.Id, product.Sku, r.Quantity, r.Reference ?? "receipt", actor, ct);
            await backorders.StockArrivedAsync(product.Sku, r.Reference ?? "stock receipt", actor, ct);
            return await GetAsync(warehouse, product, ct);
        }, ct);

    public async Task<StockView> AdjustAsync(AdjustStockRequest r, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(r.Reason))
                throw InvalidInput.ForField("reason", "stock.reason_required", "Say why the stock is adjusted (count, damage, ...).");
            var (warehouse, product) = await ResolveAsync(r.WarehouseCode, r.Sku, r.Change, "change", mustBePositive: false, ct);
            await db.LockStockOfAsync([product.Sku], ct);
            await ledger.AdjustAsync(warehouse.Id, product.Sku, r.Change, r.Reason, actor, ct);
            if (r.Change > 0) await backorders.StockArrivedAsync(product.Sku, $"stock found: {r.Reason}", actor, ct);
            else await promises.ChangedAsync([product.Sku], ct); // less free stock: promises that counted on it move
            return await GetAsync(warehouse, product, ct);
        }, ct);

    public async Task<IReadOnlyList<StockView>> QueryAsync(string? sku, string? warehouseCode, CancellationToken ct)
    {
        var rows = await (from s in db.StockLevels.AsNoTracking()
                          join w in db.Warehouses.AsNoTracking() on s.WarehouseId equals w.Id
                          where (sku == null || s.Sku == sku) && (warehouseCode == null || w.Code == warehouseCode)
                          orderby s.Sku, w.Priority
                          select new { w.Code, s.Sku, s.OnHand, s.Reserved }).ToListAsync(ct);
        var unitDecimals = await db.UnitDecimalsAsync(rows.Select(x => x.Sku), ct);
        return rows.Select(x => View(x.Code, x.Sku, x.OnHand, x.Reserved, unitDecimals.GetValueOrDefault(x.Sku))).ToList();
    }

    /// <summary>The newest <paramref name="limit"/> movements (1 to 1000, default 100); another limit is a 400 <c>stock.query_invalid</c>.</summary>
    public async Task<IReadOnlyList<StockMovementView>> MovementsAsync(string? sku, Guid? orderId, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var take = Paging.Limit(limit, 100, 1000, errors, "movements");
        errors.ThrowIfAny("stock.query_invalid", "The stock ledger cannot be read with these parameters.");
        var order = orderId is { } id ? OrderId.From(id) : (OrderId?)null;
        var rows = await (from m in db.StockMovements.AsNoTracking()
                          join w in db.Warehouses.AsNoTracking() on m.WarehouseId equals w.Id
                          where (sku == null || m.Sku == sku) && (order == null || m.OrderId == order)
                          orderby m.Id descending
                          select new { m, w.Code }).Take(take).ToListAsync(ct);
        var unitDecimals = await db.UnitDecimalsAsync(rows.Select(x => x.m.Sku), ct);
        decimal Quantity(decimal q, string sku) => NumberForm.Quantity(q, unitDecimals.GetValueOrDefault(sku));
        return rows.Select(x => new StockMovementView(x.m.Id, x.Code, x.m.Sku, x.m.Kind.ToString(),
            Quantity(x.m.OnHandChange, x.m.Sku), Quantity(x.m.ReservedChange, x.m.Sku),
            x.m.OrderId?.Value, x.m.Reference, x.m.Actor, x.m.At)).ToList();
    }

    private async Task<(Warehouse Warehouse, Product Product)> ResolveAsync(string warehouseCode, string sku, decimal quantity, string field,
        bool mustBePositive, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var warehouse = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Code == warehouseCode, ct);
        if (warehouse is null) errors.Add("warehouseCode", $"No warehouse has code '{warehouseCode}'.");
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Sku == sku, ct);
        if (product is null) errors.Add("sku", $"No product has SKU '{sku}'.");
        if (mustBePositive ? quantity <= 0 : quantity == 0) errors.Add(field, mustBePositive ? "The quantity must be greater than zero." : "The change cannot be zero.");
        else if (product is not null && !QuantityPrecision.Fits(quantity, product.UnitDecimals))
            errors.Add(field, $"'{product.Unit}' allows {product.UnitDecimals} decimal(s).");
        else Limits.QuantityFits(errors, field, quantity);
        errors.ThrowIfAny("stock.invalid", "The stock movement cannot be posted as sent.");
        return (warehouse!, product!);
    }

    private async Task<StockView> GetAsync(Warehouse warehouse, Product product, CancellationToken ct)
    {
        var level = await db.StockLevels.AsNoTracking().SingleAsync(s => s.WarehouseId == warehouse.Id && s.Sku == product.Sku, ct);
        return View(warehouse.Code, product.Sku, level.OnHand, level.Reserved, product.UnitDecimals);
    }

    private static StockView View(string warehouseCode, string sku, decimal onHand, decimal reserved, int unitDecimals) =>
        new(warehouseCode, sku, NumberForm.Quantity(onHand, unitDecimals), NumberForm.Quantity(reserved, unitDecimals),
            NumberForm.Quantity(onHand - reserved, unitDecimals));
}
