using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Application.Inventory;

public sealed record OpenWarehouseRequest(string Code, string Name, int Priority);

public sealed record WarehouseView(Guid Id, string Code, string Name, int Priority)
{
    public static WarehouseView Of(Warehouse w) => new(w.Id.Value, w.Code, w.Name, w.Priority);
}

/// <summary>Opens warehouses and reads them back.</summary>
public sealed class WarehouseUseCases(OrderlyDbContext db)
{
    public async Task<WarehouseView> OpenAsync(OpenWarehouseRequest r, CancellationToken ct)
    {
        var warehouse = Warehouse.Open(r.Code, r.Name, r.Priority);
        return await db.InTransactionAsync(async () =>
        {
            if (await db.Warehouses.AnyAsync(w => w.Code == warehouse.Code, ct))
                throw new BusinessRuleViolation("warehouse.code_taken", $"A warehouse with code '{warehouse.Code}' already exists.");
            db.Warehouses.Add(warehouse);
            await db.SaveChangesAsync(ct);
            return WarehouseView.Of(warehouse);
        }, ct);
    }

    public async Task<WarehouseView> GetAsync(Guid id, CancellationToken ct) =>
        WarehouseView.Of(await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Id == WarehouseId.From(id), ct)
            ?? throw new NotFound("warehouse.not_found", $"No warehouse has id {id}."));

    public async Task<IReadOnlyList<WarehouseView>> ListAsync(CancellationToken ct) =>
        (await db.Warehouses.AsNoTracking().OrderBy(w => w.Priority).ThenBy(w => w.Code).ToListAsync(ct)).Select(WarehouseView.Of).ToList();
}
