using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Application.Replenishment;

/// <summary>A reorder policy as a client sends it: either a reorder quantity, or a maximum stock (min/max).</summary>
public sealed record SetReorderPolicyRequest(
    string WarehouseCode, string Sku, decimal ReorderPoint, decimal SafetyStock, decimal? ReorderQuantity = null, decimal? MaxStock = null);

public sealed record ReorderPolicyView(
    string WarehouseCode, string Sku, decimal ReorderPoint, decimal SafetyStock, decimal? ReorderQuantity, decimal? MaxStock,
    DateTimeOffset UpdatedAt);

/// <summary>Defines, reads and removes when to buy more of a SKU for a warehouse.</summary>
public sealed class ReorderPolicyUseCases(OrderlyDbContext db, AlertResolution alerts, TimeProvider clock)
{
    /// <summary>Defines the policy of the warehouse and SKU, or changes it when there is one.</summary>
    public async Task<ReorderPolicyView> SetAsync(SetReorderPolicyRequest r, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var (warehouse, sku) = await ResolveAsync(r, ct);
            var now = clock.GetUtcNow();
            var policy = await db.ReorderPolicies.SingleOrDefaultAsync(p => p.WarehouseId == warehouse.Id && p.Sku == sku, ct);
            if (policy is null)
                db.ReorderPolicies.Add(policy = ReorderPolicy.Define(warehouse.Id, sku, r.ReorderPoint, r.SafetyStock, r.ReorderQuantity, r.MaxStock, now));
            else
                policy.Change(r.ReorderPoint, r.SafetyStock, r.ReorderQuantity, r.MaxStock, now);
            await db.SaveChangesAsync(ct);
            await alerts.MovedAsync([sku], ct); // a lower reorder point can end the SKU's low-stock alert
            return (await ViewsAsync([(policy, warehouse.Code)], ct))[0];
        }, ct);

    public async Task<ReorderPolicyView> GetAsync(string warehouseCode, string sku, CancellationToken ct)
    {
        var (policy, warehouse) = await FindAsync(warehouseCode, sku, ct);
        return (await ViewsAsync([(policy, warehouse.Code)], ct))[0];
    }

    /// <summary>Policies by SKU, then warehouse priority; filtered by warehouse code and SKU.</summary>
    public async Task<IReadOnlyList<ReorderPolicyView>> ListAsync(string? warehouseCode, string? sku, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(warehouseCode) ? null : warehouseCode.Trim();
        var wanted = string.IsNullOrWhiteSpace(sku) ? null : sku.Trim();
        var rows = await (from p in db.ReorderPolicies.AsNoTracking()
                          join w in db.Warehouses.AsNoTracking() on p.WarehouseId equals w.Id
                          where (code == null || w.Code == code) && (wanted == null || p.Sku == wanted)
                          orderby p.Sku, w.Priority, w.Code
                          select new { p, w.Code }).ToListAsync(ct);
        return await ViewsAsync(rows.Select(x => (x.p, x.Code)).ToList(), ct);
    }

    /// <summary>
    /// Removes the policy. Its open low-stock alert is resolved with it: the scan only looks at SKUs that have a policy,
    /// so nothing else would ever close that alert.
    /// </summary>
    public async Task DeleteAsync(string warehouseCode, string sku, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var (policy, warehouse) = await FindAsync(warehouseCode, sku, ct);
            db.ReorderPolicies.Remove(policy);
            var key = StockAlert.LowStockKey(policy.WarehouseId, policy.Sku);
            var open = await db.StockAlerts.SingleOrDefaultAsync(a => a.DedupeKey == key && a.Status != AlertStatus.Resolved, ct);
            open?.Resolve($"The reorder policy of {policy.Sku} at {warehouse.Code} was removed.", actor, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return 0;
        }, ct);

    private async Task<(Warehouse Warehouse, string Sku)> ResolveAsync(SetReorderPolicyRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = r.WarehouseCode?.Trim() ?? "";
        var sku = r.Sku?.Trim() ?? "";
        var warehouse = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Code == code, ct);
        if (warehouse is null) errors.Add("warehouseCode", $"No warehouse has code '{r.WarehouseCode}'.");
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Sku == sku, ct);
        if (product is null) errors.Add("sku", $"No product has SKU '{r.Sku}'.");
        else
        {
            foreach (var (field, value) in new[] { ("reorderPoint", r.ReorderPoint), ("safetyStock", r.SafetyStock),
                         ("reorderQuantity", r.ReorderQuantity ?? 0m), ("maxStock", r.MaxStock ?? 0m) })
                if (!QuantityPrecision.Fits(value, product.UnitDecimals))
                    errors.Add(field, $"'{product.Unit}' of {product.Sku} allows {product.UnitDecimals} decimal(s).");
        }
        errors.ThrowIfAny("reorder_policy.invalid", "The reorder policy cannot be saved as sent.");
        return (warehouse!, product!.Sku);
    }

    private async Task<(ReorderPolicy Policy, Warehouse Warehouse)> FindAsync(string warehouseCode, string sku, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Code == warehouseCode, ct);
        var policy = warehouse is null ? null
            : await db.ReorderPolicies.SingleOrDefaultAsync(p => p.WarehouseId == warehouse.Id && p.Sku == sku, ct);
        return policy is null
            ? throw new NotFound("reorder_policy.not_found", $"There is no reorder policy for SKU '{sku}' at warehouse '{warehouseCode}'.")
            : (policy, warehouse!);
    }

    private async Task<IReadOnlyList<ReorderPolicyView>> ViewsAsync(IReadOnlyList<(ReorderPolicy Policy, string WarehouseCode)> policies,
        CancellationToken ct)
    {
        var unitDecimals = await db.UnitDecimalsAsync(policies.Select(x => x.Policy.Sku), ct);
        return policies.Select(x =>
        {
            var decimals = unitDecimals.GetValueOrDefault(x.Policy.Sku);
            return new ReorderPolicyView(x.WarehouseCode, x.Policy.Sku, NumberForm.Quantity(x.Policy.ReorderPoint, decimals),
                NumberForm.Quantity(x.Policy.SafetyStock, decimals), NumberForm.Quantity(x.Policy.ReorderQuantity, decimals),
                NumberForm.Quantity(x.Policy.MaxStock, decimals), x.Policy.UpdatedAt);
        }).ToList();
    }
}
