using Microsoft.EntityFrameworkCore;
using Orderly.Domain.Common;

namespace Orderly.Application.Persistence;

/// <summary>Warehouse codes by id, for views that name the warehouse a reservation, shipment or receipt belongs to.</summary>
public static class WarehouseCodes
{
    public static async Task<Dictionary<WarehouseId, string>> WarehouseCodesAsync(this OrderlyDbContext db, CancellationToken ct) =>
        await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Code, ct);
}
